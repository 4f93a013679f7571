// Path search: a path is a list of hops, each a relation crossed in one direction, so parallel
// relations between the same two entities make distinct paths (different evidence, dates).
#pragma once

#include <vector>

#include "graph/graph.h"
#include "query/filter.h"
#include "model/status.h"

namespace casegraph {

struct Hop {
  RelationId relation = 0;
  bool forward = true;  // crossed as written (from -> to)
  EntityId from = 0;    // in walk order
  EntityId to = 0;

  bool operator==(const Hop& o) const { return relation == o.relation && forward == o.forward; }
};

struct Path {
  Path() = default;
  Path(EntityId start_entity, std::vector<Hop> path_hops, double path_cost)
      : start(start_entity), hops(std::move(path_hops)), cost(path_cost) {}

  EntityId start = 0;
  std::vector<Hop> hops;
  double cost = 0;  // number of hops, or the sum of weights for weighted searches
  std::vector<Day> times;  // chronological paths: the day each hop is taken (kFirstDay: any time)

  /// The entities visited, start first.
  std::vector<EntityId> Entities() const;
};

enum class PathForm {
  kShortest,     // one path with the fewest hops (or the least cost when weighted)
  kAllShortest,  // every path of that length (or cost)
  kKShortest,    // the k shortest (or cheapest) simple paths, Yen's algorithm
  kAllSimple,    // every simple path of at most max-hops hops, shortest first
};

/// What to search for. The filter (directions, types, statuses, avoided entities and relations,
/// entity types allowed on the way, max-hops) applies inside every form.
struct PathQuery {
  EntityId from = 0;
  EntityId to = 0;
  PathForm form = PathForm::kShortest;
  bool weighted = false;  // minimise the sum of relation weights instead of the number of hops
  int k = 1;              // kKShortest
  int limit = 100;        // enumerations (all, k, simple) stop after this many paths
  bool chronological = false;   // time-respecting: hop times inside each relation's dates, never
                                // decreasing; the earliest arrival is found
  bool undated_allowed = false; // chronological: undated relations may be taken at any time
};

struct PathAnswer {
  std::vector<Path> paths;  // empty: no path
  bool truncated = false;   // an enumeration stopped at its limit while more paths exist
};

/// The default --limit of enumerations.
constexpr int kDefaultPathLimit = 100;

/// Answers a path query. Errors (returned, not thrown): simple without max_hops, simple with
/// weighted, k or limit below 1, chronological with another form or weighted.
Result<PathAnswer> FindPaths(const Graph& g, const TraversalFilter& filter, const PathQuery& query);

/// One shortest path by bidirectional breadth-first search (fewest hops); --avoid and
/// --through-types never exclude the endpoints themselves.
PathAnswer ShortestPath(const Graph& g, const TraversalFilter& filter, const PathQuery& query);

}  // namespace casegraph
