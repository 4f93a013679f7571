#include "query/ranking.h"

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/page_rank.hpp>

#include <algorithm>

#include "query/projection.h"

namespace casegraph {

namespace {

std::vector<double> Degrees(const Graph& g, const TraversalFilter& filter, bool weighted) {
  std::vector<double> score(g.entity_count(), 0);
  for (RelationId r = 0; r < g.relation_count(); ++r) {
    const double w = weighted ? g.relation_weight(r) : 1.0;
    const EntityId a = g.relation_from(r), b = g.relation_to(r);
    const bool forward = filter.AllowsRelation(r, true), backward = filter.AllowsRelation(r, false);
    switch (filter.direction) {
      case Direction::kAny:
        if (forward) {
          score[a] += w;
          if (b != a) score[b] += w;
        }
        break;
      case Direction::kForward:  // relations leaving the entity (symmetric ones count at both ends)
        if (forward) score[a] += w;
        if (backward && b != a) score[b] += w;
        break;
      case Direction::kBackward:  // relations arriving at it
        if (backward) score[b] += w;
        if (forward && b != a) score[a] += w;
        break;
    }
  }
  return score;
}

template <typename Projection>
std::vector<double> PageRank(const Projection& p, size_t n, const RankQuery& q) {
  std::vector<double> rank(n, 0), scratch(n, 0);
  if (n == 0) return rank;
  auto index = boost::get(boost::vertex_index, p);
  boost::graph::page_rank(p, boost::make_iterator_property_map(rank.begin(), index),
                          boost::graph::n_iterations(q.pagerank_iterations), q.damping, n,
                          boost::make_iterator_property_map(scratch.begin(), index));
  for (double& r : rank) r /= static_cast<double>(n);
  return rank;
}

template <typename Projection>
std::vector<double> Betweenness(const Projection& p, size_t n, bool weighted) {
  std::vector<double> centrality(n, 0);
  auto map = boost::make_iterator_property_map(centrality.begin(), boost::get(boost::vertex_index, p));
  if (weighted) {
    boost::brandes_betweenness_centrality(p, boost::centrality_map(map).weight_map(boost::get(boost::edge_weight, p)));
  } else {
    boost::brandes_betweenness_centrality(p, boost::centrality_map(map));
  }
  return centrality;
}

}  // namespace

Result<std::vector<RankedEntity>> Rank(const Graph& g, const TraversalFilter& filter, const RankQuery& query) {
  std::vector<double> score;
  const size_t n = g.entity_count();
  const bool any = filter.direction == Direction::kAny;
  switch (query.measure) {
    case RankMeasure::kDegree:
      score = Degrees(g, filter, query.weighted);
      break;
    case RankMeasure::kPageRank:
      if (query.weighted) {
        return Status::InvalidInput(Message(Field("by"), " pagerank is unweighted (Boost's page_rank); drop ", Field("weighted")));
      }
      score = any ? PageRank(ProjectUndirected(g, filter, true), n, query) : PageRank(ProjectDirected(g, filter, true), n, query);
      break;
    case RankMeasure::kBetweenness:
      if (any) {
        score = Betweenness(ProjectUndirected(g, filter, true), n, query.weighted);  // Boost halves undirected sums
      } else {
        score = Betweenness(ProjectDirected(g, filter, true), n, query.weighted);
      }
      break;
  }
  std::vector<RankedEntity> out;
  for (EntityId v = 0; v < n; ++v) out.push_back({v, score[v]});
  std::stable_sort(out.begin(), out.end(), [](const RankedEntity& a, const RankedEntity& b) { return a.score > b.score; });
  return out;
}

}  // namespace casegraph
