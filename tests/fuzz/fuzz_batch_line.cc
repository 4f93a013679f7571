// libFuzzer target: one batch line against a small fixed case.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cli/batch.h"
#include "io/case_loader.h"

namespace {

casegraph::cli::BatchAnswerer& Answerer() {
  static casegraph::cli::BatchAnswerer answerer = [] {
    casegraph::LoadResult r = casegraph::LoadCaseFromTexts({{"batch.json", R"({ "casegraph": 1,
      "entities": [ { "id": "a", "name": "A", "type": "person" }, { "id": "b", "name": "B", "type": "org" },
                    { "id": "c", "name": "C", "type": "org" } ],
      "relations": [ { "type": "lawsuit", "from": "a", "to": "b", "date": "2021-03" },
                     { "type": "fine", "from": "b", "to": "c", "start": "2020", "weight": 2 } ] })"}});
    return casegraph::cli::BatchAnswerer(casegraph::Graph::Build(std::move(*r.loaded)));
  }();
  return answerer;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)Answerer().Answer(std::string(reinterpret_cast<const char*>(data), size), 1);
  return 0;
}
