// Shortest path by breadth-first search over the relations the filter admits, in either or
// one direction; the search stops at the target, or at filter.max_hops levels when set.
#include "query/path.h"

#include <algorithm>
#include <limits>

namespace casegraph {

std::vector<EntityId> Path::Entities() const {
  std::vector<EntityId> out{start};
  for (const Hop& h : hops) out.push_back(h.to);
  return out;
}

PathAnswer ShortestPath(const Graph& g, const TraversalFilter& filter, const PathQuery& query) {
  PathAnswer answer;
  if (query.from == query.to) {
    answer.paths.push_back(Path{query.from, {}, 0});
    return answer;
  }
  constexpr uint32_t kUnseen = std::numeric_limits<uint32_t>::max();
  std::vector<uint32_t> depth(g.entity_count(), kUnseen);
  std::vector<Hop> parent(g.entity_count());
  std::vector<EntityId> frontier{query.from}, next;
  depth[query.from] = 0;
  bool found = false;
  for (uint32_t level = 0; !frontier.empty() && !found; ++level) {
    if (filter.max_hops && static_cast<int>(level) >= *filter.max_hops) break;
    next.clear();
    for (EntityId v : frontier) {
      ForEachStep(g, filter, v, [&](RelationId r, bool forward, EntityId w) {
        if (depth[w] != kUnseen) return;
        if (w != query.to && !filter.AllowsEntity(w)) return;
        depth[w] = level + 1;
        parent[w] = Hop{r, forward, v, w};
        if (w == query.to) found = true;
        next.push_back(w);
      });
      if (found) break;
    }
    frontier.swap(next);
  }
  if (!found) return answer;
  Path path{query.from, {}, 0};
  for (EntityId v = query.to; v != query.from; v = parent[v].from) path.hops.push_back(parent[v]);
  std::reverse(path.hops.begin(), path.hops.end());
  path.cost = static_cast<double>(path.hops.size());
  answer.paths.push_back(std::move(path));
  return answer;
}

}  // namespace casegraph
