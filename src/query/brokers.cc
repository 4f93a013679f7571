#include "query/brokers.h"

#include <boost/graph/biconnected_components.hpp>

#include <algorithm>
#include <iterator>

#include "query/projection.h"

namespace casegraph {

Brokers FindBrokers(const Graph& g, const TraversalFilter& filter) {
  std::vector<RelationId> relations;
  const UndirectedProjection p = ProjectUndirected(g, filter, true, &relations);
  std::vector<size_t> component(boost::num_edges(p));
  Brokers b;
  auto components = boost::make_iterator_property_map(component.begin(), boost::get(boost::edge_index, p));
  std::vector<size_t> points;
  boost::biconnected_components(p, components, std::back_inserter(points));
  for (size_t v : points) b.articulation_points.push_back(static_cast<EntityId>(v));
  std::sort(b.articulation_points.begin(), b.articulation_points.end());
  // A bridge is a biconnected component of one edge.
  std::vector<size_t> size(component.empty() ? 0 : *std::max_element(component.begin(), component.end()) + 1, 0);
  for (size_t c : component) ++size[c];
  for (size_t e = 0; e < component.size(); ++e) {
    if (size[component[e]] == 1) b.bridges.push_back(relations[e]);
  }
  std::sort(b.bridges.begin(), b.bridges.end());
  return b;
}

}  // namespace casegraph
