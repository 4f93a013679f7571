#include "query/timeline.h"

#include <algorithm>
#include <tuple>

namespace casegraph {

std::vector<RelationId> Timeline(const Graph& g, const TraversalFilter& filter, std::optional<EntityId> entity) {
  std::vector<RelationId> out;
  auto consider = [&](RelationId r) {
    if (g.relation_time(r).dated && filter.AllowsRelation(r, true)) out.push_back(r);
  };
  if (entity) {
    for (const Incidence& i : g.out(*entity)) consider(i.relation);
    for (const Incidence& i : g.in(*entity)) {
      if (i.other != *entity) consider(i.relation);  // a self-relation once
    }
  } else {
    for (RelationId r = 0; r < g.relation_count(); ++r) consider(r);
  }
  std::sort(out.begin(), out.end(), [&](RelationId a, RelationId b) {
    const DayInterval& x = g.relation_time(a);
    const DayInterval& y = g.relation_time(b);
    return std::tie(x.first, x.last, a) < std::tie(y.first, y.last, b);
  });
  return out;
}

}  // namespace casegraph
