// The graph as Boost.Graph's algorithms want it: an adjacency list of the relations a filter
// allows, undirected for connections in any direction, directed otherwise, with weights.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include "graph/graph.h"
#include "query/filter.h"

namespace casegraph {

using EdgeWeight = boost::property<boost::edge_weight_t, double, boost::property<boost::edge_index_t, size_t>>;
using UndirectedProjection = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property, EdgeWeight>;
using DirectedProjection = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property, EdgeWeight>;

/// Every relation the filter allows (types, statuses, time) as an undirected edge; each edge's
/// index is its position in *relations (which receives the relation ids). Self-relations are left
/// out when skip_self is set.
UndirectedProjection ProjectUndirected(const Graph& g, const TraversalFilter& filter, bool skip_self,
                                       std::vector<RelationId>* relations = nullptr);

/// The steps the filter allows as directed edges: relations as written for --directed, reversed
/// for --reverse, and symmetric relations both ways; self-relations left out when skip_self.
DirectedProjection ProjectDirected(const Graph& g, const TraversalFilter& filter, bool skip_self);

}  // namespace casegraph
