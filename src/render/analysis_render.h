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

/// The compact answers of neighbour counts whose queries differ only in their entity, put
/// together from one answer's text instead of written value by value (a batch's lines often
/// ask the same count of many entities: the query echo was a third of such a line's time).
class NeighbourCountAnswers {
 public:
  /// From the echo of the queries with "" as their entity (an "entity" field must be there);
  /// false if its compact answer cannot be split there (then write answers with
  /// RenderNeighbourCountJson).
  bool Prepare(const QueryEcho& query_with_empty_entity);
  /// The answer RenderNeighbourCountJson(query, by_distance, false) gives for the query with
  /// entity as its entity.
  std::string Render(std::string_view entity, const std::vector<size_t>& by_distance) const;

 private:
  std::string before_entity_;  // up to and including "entity":
  std::string after_entity_;   // the rest of the query echo, to its closing brace
};

std::string RenderRankText(const Graph& g, const std::string& measure, const std::vector<RankedEntity>& ranked);
std::string RenderRankJson(const Graph& g, const QueryEcho& query, const std::vector<RankedEntity>& ranked, bool pretty);

std::string RenderBrokersText(const Graph& g, const Brokers& b, const TextStyle& style = TextStyle());
std::string RenderBrokersJson(const Graph& g, const QueryEcho& query, const Brokers& b, bool pretty);

}  // namespace casegraph
