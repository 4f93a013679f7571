#include "query/relations_at.h"

#include <algorithm>

namespace casegraph {

std::vector<Hop> RelationsAt(const Graph& g, EntityId v, const TraversalFilter& filter) {
  std::vector<Hop> hops;
  const CsrGraph& csr = g.csr();
  for (auto [it, end] = boost::out_edges(v, csr); it != end; ++it) {
    const RelationId r = csr[*it].relation;
    if (filter.AllowsRelation(r, true)) hops.push_back(Hop{r, true, v, g.relation_to(r)});
  }
  for (auto [it, end] = boost::in_edges(v, csr); it != end; ++it) {
    const RelationId r = csr[*it].relation;
    if (g.relation_from(r) == v) continue;  // a self-relation, already listed
    if (filter.AllowsRelation(r, false)) hops.push_back(Hop{r, false, v, g.relation_from(r)});
  }
  std::stable_sort(hops.begin(), hops.end(), [](const Hop& a, const Hop& b) { return a.relation < b.relation; });
  return hops;
}

}  // namespace casegraph
