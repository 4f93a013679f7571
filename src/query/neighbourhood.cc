#include "query/neighbourhood.h"

#include <limits>

#include "query/walker.h"

namespace casegraph {

std::vector<Neighbour> Neighbours(const Graph& g, const TraversalFilter& filter, EntityId center, int depth) {
  Walker w(g, filter);
  constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
  std::vector<uint32_t> index(g.entity_count(), kNone);  // position in out, or kNone
  std::vector<Neighbour> out;
  std::vector<EntityId> frontier{center};
  std::vector<char> seen(g.entity_count(), 0);
  seen[center] = 1;
  for (int level = 1; level <= depth && !frontier.empty(); ++level) {
    std::vector<EntityId> next;
    for (EntityId v : frontier) {
      w.StepsFrom(v, [&](RelationId r, bool forward, EntityId u) {
        if (u == center) return;
        if (!seen[u]) {
          // Avoided entities are never reached; others are, whatever their type.
          if (filter.IsAvoided(u)) return;
          seen[u] = 1;
          index[u] = static_cast<uint32_t>(out.size());
          out.push_back(Neighbour{u, level, {}});
          if (filter.AllowsEntity(u)) next.push_back(u);
        }
        if (index[u] != kNone && out[index[u]].distance == level) out[index[u]].reached_by.push_back(Hop{r, forward, v, u});
      });
    }
    frontier.swap(next);
  }
  return out;
}

}  // namespace casegraph
