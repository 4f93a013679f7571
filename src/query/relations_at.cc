#include "query/relations_at.h"

#include <algorithm>

namespace casegraph {

std::vector<Hop> RelationsAt(const Graph& g, EntityId v, const TraversalFilter& filter) {
  std::vector<Hop> hops;
  for (const Incidence& i : g.out(v)) {
    if (filter.AllowsRelation(i.relation, true)) hops.push_back(Hop{i.relation, true, v, i.other});
  }
  for (const Incidence& i : g.in(v)) {
    if (i.other == v) continue;  // a self-relation, already listed
    if (filter.AllowsRelation(i.relation, false)) hops.push_back(Hop{i.relation, false, v, i.other});
  }
  std::stable_sort(hops.begin(), hops.end(), [](const Hop& a, const Hop& b) { return a.relation < b.relation; });
  return hops;
}

}  // namespace casegraph
