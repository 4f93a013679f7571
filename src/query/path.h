// Path search: a path is a list of hops, each a relation crossed in one direction.
#pragma once

#include <vector>

#include "graph/graph.h"
#include "query/filter.h"

namespace casegraph {

struct Hop {
  RelationId relation = 0;
  bool forward = true;  // crossed as written (from -> to)
  EntityId from = 0;    // in walk order
  EntityId to = 0;
};

struct Path {
  EntityId start = 0;
  std::vector<Hop> hops;
  double cost = 0;  // number of hops, or the sum of weights for weighted searches

  /// The entities visited, start first.
  std::vector<EntityId> Entities() const;
};

struct PathQuery {
  EntityId from = 0;
  EntityId to = 0;
};

struct PathAnswer {
  std::vector<Path> paths;  // empty: no path
  bool truncated = false;   // an enumeration stopped at its limit
};

/// One shortest path (fewest hops) from query.from to query.to under the filter, found by
/// breadth-first search; ties are broken by relation order, so the answer is deterministic.
/// --avoid never excludes the endpoints themselves.
PathAnswer ShortestPath(const Graph& g, const TraversalFilter& filter, const PathQuery& query);

}  // namespace casegraph
