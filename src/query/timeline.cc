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
    const CsrGraph& csr = g.csr();
    for (auto [it, end] = boost::out_edges(*entity, csr); it != end; ++it) consider(csr[*it].relation);
    for (auto [it, end] = boost::in_edges(*entity, csr); it != end; ++it) {
      const RelationId r = csr[*it].relation;
      if (g.relation_from(r) != *entity) consider(r);  // a self-relation once
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
