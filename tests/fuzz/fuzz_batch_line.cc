// libFuzzer target: one batch line against a small fixed case, answered twice: with neighbors and
// path lines decoded directly, and through the option parser; the two answers must be the same.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "cli/batch.h"
#include "io/case_loader.h"

namespace {

std::shared_ptr<const casegraph::Graph> TheGraph() {
  static std::shared_ptr<const casegraph::Graph> graph = [] {
    casegraph::Result<casegraph::Case> r = casegraph::LoadCaseFromTexts({{"batch.json", R"({ "casegraph": 1,
      "entities": [ { "id": "a", "name": "A", "type": "person" }, { "id": "b", "name": "B", "type": "org" },
                    { "id": "c", "name": "C", "type": "org" } ],
      "relations": [ { "type": "lawsuit", "from": "a", "to": "b", "date": "2021-03" },
                     { "type": "fine", "from": "b", "to": "c", "start": "2020", "weight": 2 } ] })"}});
    return std::shared_ptr<const casegraph::Graph>(casegraph::Graph::Build(std::move(r).value()));
  }();
  return graph;
}

casegraph::cli::BatchAnswerer& Answerer(bool direct) {
  static casegraph::cli::BatchAnswerer directly(TheGraph(), true), parsed(TheGraph(), false);
  return direct ? directly : parsed;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string line(reinterpret_cast<const char*>(data), size);
  if (Answerer(true).Answer(line, 1) != Answerer(false).Answer(line, 1)) std::abort();
  return 0;
}
