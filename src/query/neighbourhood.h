// Neighbourhoods: the entities within N hops of one entity, with the relations that reach them.
#pragma once

#include <vector>

#include "graph/graph.h"
#include "query/filter.h"
#include "query/path.h"

namespace casegraph {

struct Neighbour {
  EntityId entity = 0;
  int distance = 0;             // hops from the centre (1..depth)
  std::vector<Hop> reached_by;  // every allowed hop from an entity at distance - 1 into it
};

/// Breadth-first from center over the relations the filter allows, in its direction, up to depth
/// hops: neighbours in order of distance, then of discovery (relation order). Avoided entities
/// are left out; an entity whose type --through-types does not allow is listed but not passed
/// through.
std::vector<Neighbour> Neighbours(const Graph& g, const TraversalFilter& filter, EntityId center, int depth);

/// How many entities Neighbours finds at each distance 1..depth (element d - 1 for distance d),
/// without listing them: what `neighbors --count` answers.
std::vector<size_t> CountNeighbours(const Graph& g, const TraversalFilter& filter, EntityId center, int depth);

}  // namespace casegraph
