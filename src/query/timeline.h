// Timelines: dated relations in chronological order.
#pragma once

#include <optional>
#include <vector>

#include "graph/graph.h"
#include "query/filter.h"

namespace casegraph {

/// The dated relations the filter allows (types, statuses, time), of one entity or of all, in
/// chronological order: by the first day of their interval (spans at their start; an open
/// start first), then the last day, then file order.
std::vector<RelationId> Timeline(const Graph& g, const TraversalFilter& filter, std::optional<EntityId> entity);

}  // namespace casegraph
