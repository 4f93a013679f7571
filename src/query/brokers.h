// Brokers: entities and relations whose removal disconnects part of the case.
#pragma once

#include <vector>

#include "graph/graph.h"
#include "query/filter.h"

namespace casegraph {

struct Brokers {
  std::vector<EntityId> articulation_points;  // ascending
  std::vector<RelationId> bridges;            // ascending
};

/// Articulation points and bridges of the relations the filter allows (types, statuses, time),
/// taken in any direction: Boost's biconnected_components. A relation with a parallel one (same
/// two entities) is never a bridge; self-relations never matter.
Brokers FindBrokers(const Graph& g, const TraversalFilter& filter);

}  // namespace casegraph
