// neighbors, rank and brokers answers.
#pragma once

#include <string>
#include <vector>

#include "graph/graph.h"
#include "query/brokers.h"
#include "query/neighbourhood.h"
#include "query/ranking.h"
#include "render/describe.h"
#include "render/text_style.h"

namespace casegraph {

std::string RenderNeighboursText(const Graph& g, EntityId center, const std::vector<Neighbour>& n,
                                 const TextStyle& style = TextStyle());
std::string RenderNeighboursJson(const Graph& g, const QueryEcho& query, const std::vector<Neighbour>& n, bool pretty);

/// measure: "degree", "pagerank" or "betweenness"; ranked holds the entries to show.
/// neighbors --count: "Name: N neighbours within D hops (a at 1, b at 2, ...)"; by_distance holds
/// the entities at distance 1..D (CountNeighbours).
std::string RenderNeighbourCountText(const Graph& g, EntityId center, const std::vector<size_t>& by_distance);
/// neighbors --count as JSON: "count" and "by_distance".
std::string RenderNeighbourCountJson(const QueryEcho& query, const std::vector<size_t>& by_distance, bool pretty);

std::string RenderRankText(const Graph& g, const std::string& measure, const std::vector<RankedEntity>& ranked);
std::string RenderRankJson(const Graph& g, const QueryEcho& query, const std::vector<RankedEntity>& ranked, bool pretty);

std::string RenderBrokersText(const Graph& g, const Brokers& b, const TextStyle& style = TextStyle());
std::string RenderBrokersJson(const Graph& g, const QueryEcho& query, const Brokers& b, bool pretty);

}  // namespace casegraph
