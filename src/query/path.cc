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
  PathAnswer answer;
  if (std::optional<Path> p = FewestHops(Walker(g, filter), query.from, query.to, filter.max_hops)) {
    answer.paths.push_back(std::move(*p));
  }
  return answer;
}

Result<PathAnswer> FindPaths(const Graph& g, const TraversalFilter& filter, const PathQuery& query) {
  auto invalid = [](auto... parts) { return Status::InvalidInput(Message(parts...)); };
  if (query.limit < 1) return invalid(Field("limit"), " must be at least 1");
  Walker w(g, filter);
  if (query.chronological) {
    if (query.form != PathForm::kShortest || query.weighted) {
      return invalid(Field("chronological"), " finds the one path that arrives earliest; it cannot be combined with ",
                     Field("all"), ", ", Field("k"), ", ", Field("simple"), " or ", Field("weighted"));
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
      if (query.k < 1) return invalid(Field("k"), " must be at least 1");
      return KShortestPaths(w, query.from, query.to, query.weighted, query.k, query.limit);
    case PathForm::kAllSimple:
      if (!filter.max_hops) {
        return invalid(Field("simple"), " needs ", Field("max_hops"),
                       " N: the number of simple paths grows too fast to list them all");
      }
      if (query.weighted) return invalid(Field("simple"), " lists paths by hops; it cannot be combined with ", Field("weighted"));
      return AllSimplePaths(w, query.from, query.to, *filter.max_hops, query.limit);
  }
  return invalid("unknown path form");
}

}  // namespace casegraph
