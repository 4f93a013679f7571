// libFuzzer target: entity-name resolution, find and suggestions on a small fixed case.
#include <cstddef>
#include <cstdint>
#include <string>

#include "graph/graph.h"
#include "io/case_loader.h"
#include "text/edit_distance.h"
#include "text/unicode.h"

namespace {

const casegraph::Graph& FixedGraph() {
  static std::unique_ptr<const casegraph::Graph> g = [] {
    casegraph::Result<casegraph::Case> r = casegraph::LoadCaseFromTexts({{"names.json", R"({ "casegraph": 1, "entities": [
      { "id": "roskomnadzor", "name": "Roskomnadzor", "type": "regulator", "aliases": ["RKN", "Роскомнадзор"] },
      { "id": "navalny", "name": "Alexei Navalny", "type": "person", "aliases": ["Алексей Навальный", "Navalny"] },
      { "id": "s1", "name": "J. Smith", "type": "person", "aliases": ["Smith"] },
      { "id": "s2", "name": "K. Smith", "type": "person", "aliases": ["SMITH", "Straße"] } ] })"}});
    return casegraph::Graph::Build(std::move(r).value());
  }();
  return *g;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace casegraph;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const Graph& g = FixedGraph();
  Resolution r = g.names().Resolve(text);
  (void)ResolutionMessage(text, r, g);
  (void)g.names().Find(text);
  (void)NameKey(text);
  (void)NormalizeForQuoteMatch(text);
  (void)EditDistance(text, "Roskomnadzor", 5);
  return 0;
}
