// FindPaths: checks the query and hands it to the search for its form.
#include "query/path.h"

#include "query/walker.h"

namespace casegraph {

std::vector<EntityId> Path::Entities() const {
  std::vector<EntityId> out{start};
  for (const Hop& h : hops) out.push_back(h.to);
  return out;
}

PathAnswer ShortestPath(const Graph& g, const TraversalFilter& filter, const PathQuery& query) {
  PathQuery shortest = query;
  shortest.form = PathForm::kShortest;
  shortest.weighted = false;
  shortest.chronological = false;
  return FindPaths(g, filter, shortest).value();  // this form has no error to report
}

Result<PathAnswer> FindPaths(const Graph& g, const TraversalFilter& filter, const PathQuery& query) {
  using R = Result<PathAnswer>;
  if (query.limit < 1) return R::Error("--limit must be at least 1");
  Walker w(g, filter);
  if (query.chronological) {
    if (query.form != PathForm::kShortest || query.weighted) {
      return R::Error("--chronological finds the one path that arrives earliest; it cannot be combined with "
                      "--all, -k, --simple or --weighted");
    }
    PathAnswer answer;
    if (std::optional<Path> p = EarliestArrival(w, query.from, query.to, query.undated_allowed)) {
      answer.paths.push_back(std::move(*p));
    }
    return answer;
  }
  switch (query.form) {
    case PathForm::kShortest: {
      PathAnswer answer;
      std::optional<Path> p = query.weighted ? LeastCost(w, query.from, query.to, filter.max_hops)
                                             : FewestHops(w, query.from, query.to, filter.max_hops);
      if (p) answer.paths.push_back(std::move(*p));
      return answer;
    }
    case PathForm::kAllShortest:
      return AllShortestPaths(w, query.from, query.to, query.weighted, query.limit);
    case PathForm::kKShortest:
      if (query.k < 1) return R::Error("-k must be at least 1");
      return KShortestPaths(w, query.from, query.to, query.weighted, query.k, query.limit);
    case PathForm::kAllSimple:
      if (!filter.max_hops) return R::Error("--simple needs --max-hops N: the number of simple paths grows too fast to list them all");
      if (query.weighted) return R::Error("--simple lists paths by hops; it cannot be combined with --weighted");
      return AllSimplePaths(w, query.from, query.to, *filter.max_hops, query.limit);
  }
  return R::Error("unknown path form");
}

}  // namespace casegraph
