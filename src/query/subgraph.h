// Parts of the graph to draw or export: everything the filters allow, the neighbourhood of one
// entity, or paths in the context of their neighbours.
#pragma once

#include <set>
#include <vector>

#include "graph/graph.h"
#include "query/filter.h"
#include "query/path.h"

namespace casegraph {

struct Subgraph {
  std::vector<EntityId> entities;    // ascending
  std::vector<RelationId> relations; // ascending; both ends are among entities
  std::set<RelationId> highlighted;  // relations to draw bold (a path's hops)
};

/// Every entity, and every relation the filter allows (types, statuses, time).
Subgraph WholeGraph(const Graph& g, const TraversalFilter& filter);

/// The entities within `depth` hops of center over relations the filter allows (in its
/// direction), and the allowed relations among them.
Subgraph Around(const Graph& g, const TraversalFilter& filter, EntityId center, int depth);

/// The paths' entities and relations (highlighted); with context, also the entities one allowed
/// relation away from a path entity, and every allowed relation among all of those.
Subgraph PathContext(const Graph& g, const TraversalFilter& filter, const PathAnswer& paths, bool context);

}  // namespace casegraph
