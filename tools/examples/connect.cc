// How are two entities connected? The casegraph library used directly, without the command line:
// load the case files, resolve two names, find the shortest path, print each hop with its quote.
// Usage: casegraph_example_connect GRAPH_PATH FROM TO
#include <cstdio>

#include "graph/graph.h"
#include "io/case_loader.h"
#include "query/filter.h"
#include "query/path.h"
#include "render/describe.h"

int main(int argc, char** argv) {
  using namespace casegraph;
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s GRAPH_PATH FROM TO\n", argv[0]);
    return 2;
  }
  LoadResult loaded = LoadCase({argv[1]});
  for (const Diagnostic& d : loaded.diagnostics) std::fprintf(stderr, "%s\n", FormatDiagnostic(d).c_str());
  if (!loaded.loaded) return 2;
  std::unique_ptr<const Graph> g = Graph::Build(std::move(*loaded.loaded));
  Resolution from = g->Resolve(argv[2]);
  Resolution to = g->Resolve(argv[3]);
  for (const auto& [text, r] : {std::pair{argv[2], from}, std::pair{argv[3], to}}) {
    if (r.kind != Resolution::Kind::kFound) {
      std::fprintf(stderr, "%s\n", ResolutionMessage(text, r, *g).c_str());
      return 2;
    }
  }
  PathQuery query;
  query.from = from.entity;
  query.to = to.entity;
  Result<PathAnswer> answer = FindPaths(*g, TraversalFilter(*g), query);
  if (!answer.ok() || answer.value().paths.empty()) {
    std::printf("%s and %s are not connected\n", g->entity(from.entity).name.c_str(), g->entity(to.entity).name.c_str());
    return 1;
  }
  for (const Hop& hop : answer.value().paths[0].hops) {
    const Relation& r = g->relation(hop.relation);
    std::printf("%s %s %s (%s)\n", g->entity(hop.from).name.c_str(), DirectionLabel(*g, hop.relation, hop.forward).c_str(),
                g->entity(hop.to).name.c_str(), RelationDateText(r).c_str());
    for (const Evidence& e : r.evidence) {
      if (!e.quote.empty()) std::printf("    \"%s\" (%s)\n", e.quote.c_str(), e.source.c_str());
    }
  }
  return 0;
}
