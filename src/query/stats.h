// Counts that describe a graph: sizes, types, statuses, components, dates.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "graph/graph.h"
#include "query/time_filter.h"

namespace casegraph {

struct GraphStats {
  size_t files = 0, sources = 0, entities = 0, relations = 0;
  std::map<std::string, size_t> entity_types, relation_types, statuses;
  size_t components = 0;  // weakly connected components (isolated entities count)
  size_t dated_relations = 0;
  std::optional<Date> earliest;  // the date whose interval starts first
  std::optional<Date> latest;    // the date whose interval ends last
};

/// Counts over the relations the time filter lets count (all entities, always).
GraphStats ComputeStats(const Graph& g, const TimeFilter& time = TimeFilter());

/// Weakly connected components over the relations the time filter lets count: for each entity,
/// the index of its component (0, 1, ... in order of each component's first entity).
std::vector<uint32_t> WeakComponents(const Graph& g, const TimeFilter& time = TimeFilter());

}  // namespace casegraph
