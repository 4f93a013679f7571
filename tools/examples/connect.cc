// How are two entities connected? The casegraph library used by another program, without the
// command line: load the case, resolve two names, find the shortest path, print each hop with
// its quote. Built as an outside project against an installed casegraph (see CMakeLists.txt).
// Usage: connect GRAPH_PATH FROM TO
#include <cstdio>

#include "casegraph.h"

int main(int argc, char** argv) {
  using namespace casegraph;
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s GRAPH_PATH FROM TO\n", argv[0]);
    return 2;
  }
  Result<std::shared_ptr<const Graph>> loaded = LoadGraph({argv[1]});
  if (!loaded.ok()) {
    for (const Diagnostic& d : loaded.status().diagnostics()) std::fprintf(stderr, "%s\n", FormatDiagnostic(d).c_str());
    if (loaded.status().diagnostics().empty()) std::fprintf(stderr, "%s\n", loaded.status().ToString().c_str());
    return 2;
  }
  const Graph& g = *loaded.value();
  Resolution from = g.Resolve(argv[2]);
  Resolution to = g.Resolve(argv[3]);
  for (const auto& [text, r] : {std::pair{argv[2], from}, std::pair{argv[3], to}}) {
    if (r.kind != Resolution::Kind::kFound) {
      std::fprintf(stderr, "%s\n", ResolutionMessage(text, r, g).c_str());
      return 2;
    }
  }
  PathQuery query;
  query.from = from.entity;
  query.to = to.entity;
  Result<PathAnswer> answer = FindPaths(g, TraversalFilter(g), query);
  if (!answer.ok() || answer.value().paths.empty()) {
    std::printf("%s and %s are not connected\n", std::string(g.entity_name(from.entity)).c_str(),
                std::string(g.entity_name(to.entity)).c_str());
    return 1;
  }
  for (const Hop& hop : answer.value().paths[0].hops) {
    const Transient<Relation> r = g.relation(hop.relation);
    std::printf("%s %s %s (%s)\n", std::string(g.entity_name(hop.from)).c_str(),
                DirectionLabel(g, hop.relation, hop.forward).c_str(), std::string(g.entity_name(hop.to)).c_str(),
                RelationDateText(*r).c_str());
    for (const Evidence& e : r->evidence) {
      if (!e.quote.empty()) std::printf("    \"%s\" (%s)\n", e.quote.c_str(), e.source.c_str());
    }
  }
  return 0;
}
