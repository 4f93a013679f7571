// Entity rankings: degree, PageRank and betweenness, with Boost.Graph's algorithms.
#pragma once

#include <vector>

#include "graph/graph.h"
#include "query/filter.h"
#include "model/status.h"

namespace casegraph {

enum class RankMeasure { kDegree, kPageRank, kBetweenness };

struct RankedEntity {
  EntityId entity = 0;
  double score = 0;
};

struct RankQuery {
  RankMeasure measure = RankMeasure::kDegree;
  bool weighted = false;  // degree: sum of weights; betweenness: weights as distances
  int pagerank_iterations = 100;
  double damping = 0.85;
};

/// Every entity with its score, highest first (ties by entity order), over the relations the
/// filter allows, in its direction:
/// - degree: relations at the entity (any direction), out-relations (--directed) or
///   in-relations (--reverse); the sum of their weights when weighted;
/// - pagerank: Boost's page_rank (r(v) = (1 - d) + d * sum of r(u) / out-degree(u) over
///   relations u -> v, d = 0.85, 100 rounds), divided by the number of entities; a connection in
///   any direction is followed both ways; self-relations left out; unweighted (weighted is an
///   error);
/// - betweenness: Boost's brandes_betweenness_centrality, counting parallel relations as distinct
///   shortest paths; in any direction each unordered pair counts once; weights as distances when
///   weighted.
Result<std::vector<RankedEntity>> Rank(const Graph& g, const TraversalFilter& filter, const RankQuery& query);

}  // namespace casegraph
