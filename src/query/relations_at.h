// The relations at one entity.
#pragma once

#include <vector>

#include "graph/graph.h"
#include "query/filter.h"
#include "query/path.h"

namespace casegraph {

/// Every relation at v that the filter allows (types, statuses, time; any direction), as a hop
/// that starts at v: out-relations forward, in-relations backward; in file order, a
/// self-relation once.
std::vector<Hop> RelationsAt(const Graph& g, EntityId v, const TraversalFilter& filter);

}  // namespace casegraph
