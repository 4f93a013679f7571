#include "test_support.h"

#include <catch2/catch.hpp>

#include "model/vocabulary.h"

namespace casegraph::testing {

std::unique_ptr<const Graph> GraphFromTexts(const std::vector<std::pair<std::string, std::string>>& files) {
  LoadResult result = LoadCaseFromTexts(files);
  for (const Diagnostic& d : result.diagnostics) UNSCOPED_INFO(FormatDiagnostic(d));
  REQUIRE(result.loaded);
  return Graph::Build(std::move(*result.loaded));
}

std::vector<std::string> DiagnosticsOf(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<std::string> out;
  for (const Diagnostic& d : LoadCaseFromTexts(files).diagnostics) out.push_back(FormatDiagnostic(d));
  return out;
}

Case RandomCase(std::mt19937& rng, int n, int m) {
  Case c;
  c.vocabulary = BuiltinVocabulary();
  for (int t = 0; t < 3; ++t) {
    RelationType type;
    type.id = "t" + std::to_string(t);
    type.label = type.id;
    type.inverse = type.id + " by";
    type.symmetric = t == 2;
    c.vocabulary.relation_types[type.id] = type;
  }
  for (int v = 0; v < n; ++v) {
    Entity e;
    e.id = "e" + std::to_string(v);
    e.name = "E" + std::to_string(v);
    e.type = v % 2 ? "person" : "org";
    c.entities.push_back(e);
  }
  std::uniform_int_distribution<int> pick(0, n - 1), type(0, 2), status(0, 4), quarters(1, 8);
  for (int i = 0; i < m; ++i) {
    Relation r;
    r.id = "r" + std::to_string(i);
    r.from = "e" + std::to_string(pick(rng));
    r.to = "e" + std::to_string(pick(rng));
    r.type = "t" + std::to_string(type(rng));
    r.status = static_cast<Status>(status(rng));
    r.weight = 0.25 * quarters(rng);  // exact in binary, so sums compare exactly
    c.relations.push_back(r);
  }
  return c;
}

}  // namespace casegraph::testing
