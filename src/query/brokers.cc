#include "query/brokers.h"

#include <boost/graph/biconnected_components.hpp>

#include <algorithm>
#include <iterator>
#include <map>

#include "query/projection.h"

namespace casegraph {

Brokers FindBrokers(const Graph& g, const TraversalFilter& filter) {
  // Boost's biconnected_components expects a simple graph (it ignores every edge back to a DFS
  // parent), so parallel relations are collapsed into one edge that remembers them all.
  std::map<std::pair<EntityId, EntityId>, std::vector<RelationId>> pairs;
  for (RelationId r = 0; r < g.relation_count(); ++r) {
    if (!filter.AllowsRelation(r, true) && !filter.AllowsRelation(r, false)) continue;
    const EntityId a = g.relation_from(r), b = g.relation_to(r);
    if (a != b) pairs[{std::min(a, b), std::max(a, b)}].push_back(r);
  }
  UndirectedProjection p(g.entity_count());
  std::vector<const std::vector<RelationId>*> relations;
  for (const auto& [ends, rs] : pairs) {
    boost::add_edge(ends.first, ends.second, EdgeWeight(1.0, relations.size()), p);
    relations.push_back(&rs);
  }
  std::vector<size_t> component(boost::num_edges(p));
  auto components = boost::make_iterator_property_map(component.begin(), boost::get(boost::edge_index, p));
  std::vector<size_t> points;
  boost::biconnected_components(p, components, std::back_inserter(points));
  Brokers b;
  for (size_t v : points) b.articulation_points.push_back(static_cast<EntityId>(v));
  std::sort(b.articulation_points.begin(), b.articulation_points.end());
  // A bridge: the one edge of its biconnected component, standing for one relation only.
  std::vector<size_t> size(component.empty() ? 0 : *std::max_element(component.begin(), component.end()) + 1, 0);
  for (size_t c : component) ++size[c];
  for (size_t e = 0; e < component.size(); ++e) {
    if (size[component[e]] == 1 && relations[e]->size() == 1) b.bridges.push_back(relations[e]->front());
  }
  std::sort(b.bridges.begin(), b.bridges.end());
  return b;
}

}  // namespace casegraph
