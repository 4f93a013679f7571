#include "query/projection.h"

namespace casegraph {

UndirectedProjection ProjectUndirected(const Graph& g, const TraversalFilter& filter, bool skip_self,
                                       std::vector<RelationId>* relations) {
  UndirectedProjection p(g.entity_count());
  size_t index = 0;
  for (RelationId r = 0; r < g.relation_count(); ++r) {
    if (!filter.AllowsRelation(r, true) && !filter.AllowsRelation(r, false)) continue;
    if (skip_self && g.relation_from(r) == g.relation_to(r)) continue;
    boost::add_edge(g.relation_from(r), g.relation_to(r), EdgeWeight(g.relation_weight(r), index++), p);
    if (relations) relations->push_back(r);
  }
  return p;
}

DirectedProjection ProjectDirected(const Graph& g, const TraversalFilter& filter, bool skip_self) {
  DirectedProjection p(g.entity_count());
  size_t index = 0;
  for (RelationId r = 0; r < g.relation_count(); ++r) {
    const EntityId a = g.relation_from(r), b = g.relation_to(r);
    if (skip_self && a == b) continue;
    if (filter.AllowsRelation(r, true)) boost::add_edge(a, b, EdgeWeight(g.relation_weight(r), index++), p);
    if (a != b && filter.AllowsRelation(r, false)) boost::add_edge(b, a, EdgeWeight(g.relation_weight(r), index++), p);
  }
  return p;
}

}  // namespace casegraph
