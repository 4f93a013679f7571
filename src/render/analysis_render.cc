#include "render/analysis_render.h"

#include <charconv>
#include <cstdio>
#include <numeric>

#include "render/json_writer.h"
#include "text/json_quote.h"
#include "render/path_render.h"

namespace casegraph {

namespace {

std::string Score(double s) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", s);
  return buffer;
}

}  // namespace

std::string RenderNeighboursText(const Graph& g, EntityId center, const std::vector<Neighbour>& n,
                                 const TextStyle& style) {
  std::string out = std::string(g.entity_name(center)) + ": " + std::to_string(n.size()) +
                    (n.size() == 1 ? " neighbour" : " neighbours") + "\n";
  int distance = 0;
  for (const Neighbour& x : n) {
    if (x.distance != distance) {
      distance = x.distance;
      out += '\n';
      out += std::to_string(distance) + (distance == 1 ? " hop\n" : " hops\n");
    }
    out += "  " + style.Name(std::string(g.entity_name(x.entity))) + " [" + std::string(g.entity_id(x.entity)) + "]" +
           style.Sep() + g.entity_type_name(x.entity) + "\n";
    for (const Hop& h : x.reached_by) {
      const std::string date = RelationDateText(*g.relation(h.relation), style.fancy);
      out += "    " + std::string(g.entity_name(h.from)) + style.Arrow(DirectionLabel(g, h.relation, h.forward)) +
             std::string(g.entity_name(h.to)) + style.Sep() + date + style.Sep() +
             ClaimStatusName(g.relation_status(h.relation)) + style.Sep() + g.relation_id(h.relation) + "\n";
    }
  }
  return out;
}

std::string RenderNeighboursJson(const Graph& g, const QueryEcho& query, const std::vector<Neighbour>& n, bool pretty) {
  JsonOut json(pretty);
  json.Begin(query);
  json.Key("neighbours");
  json.StartArray();
  for (const Neighbour& x : n) {
    json.StartObject();
    json.Key("entity");
    json.String(g.entity_id(x.entity));
    json.Key("name");
    json.String(g.entity_name(x.entity));
    json.Field("type", g.entity_type_name(x.entity));
    json.Key("distance");
    json.Int(x.distance);
    json.Key("reached_by");
    json.StartArray();
    for (const Hop& h : x.reached_by) json.HopObject(g, h);
    json.EndArray();
    json.EndObject();
  }
  json.EndArray();
  return json.End();
}

std::string RenderNeighbourCountText(const Graph& g, EntityId center, const std::vector<size_t>& counts) {
  const size_t total = std::accumulate(counts.begin(), counts.end(), size_t{0});
  const size_t depth = counts.size();
  std::string out(g.entity_name(center));
  out += ": ";
  out += std::to_string(total);
  out += total == 1 ? " neighbour within " : " neighbours within ";
  out += std::to_string(depth);
  out += depth == 1 ? " hop" : " hops";
  for (size_t d = 0; d < counts.size(); ++d) {
    out += d == 0 ? " (" : ", ";
    out += std::to_string(counts[d]);
    out += " at ";
    out += std::to_string(d + 1);
  }
  out += counts.empty() ? "\n" : ")\n";
  return out;
}

std::string RenderNeighbourCountJson(const QueryEcho& query, const std::vector<size_t>& counts, bool pretty) {
  const size_t total = std::accumulate(counts.begin(), counts.end(), size_t{0});
  JsonOut json(pretty);
  json.Begin(query);
  json.Key("count");
  json.Int(static_cast<int64_t>(total));
  json.Key("by_distance");
  json.StartArray();
  for (size_t c : counts) json.Int(static_cast<int64_t>(c));
  json.EndArray();
  return json.End();
}

namespace {
constexpr std::string_view kEntityField = ",\"entity\":";
constexpr std::string_view kEmptyCountTail = ",\"count\":0,\"by_distance\":[]}\n";
}  // namespace

bool NeighbourCountAnswers::Prepare(const QueryEcho& query_with_empty_entity) {
  const std::string text = RenderNeighbourCountJson(query_with_empty_entity, {}, false);
  // In compact JSON a comma followed by a quote is never inside a string (a quote there is
  // escaped), so the first such field is the echo's own.
  const size_t at = text.find(std::string(kEntityField) + "\"\"");
  if (at == std::string::npos || text.size() < kEmptyCountTail.size() ||
      text.compare(text.size() - kEmptyCountTail.size(), kEmptyCountTail.size(), kEmptyCountTail) != 0) {
    return false;
  }
  const size_t rest = at + kEntityField.size() + 2;
  before_entity_ = text.substr(0, at + kEntityField.size());
  after_entity_ = text.substr(rest, text.size() - kEmptyCountTail.size() - rest);
  return true;
}

std::string NeighbourCountAnswers::Render(std::string_view entity, const std::vector<size_t>& by_distance) const {
  size_t total = 0;
  for (size_t c : by_distance) total += c;
  std::string out;
  out.reserve(before_entity_.size() + entity.size() + after_entity_.size() + 40 + 8 * by_distance.size());
  out += before_entity_;
  AppendJsonQuoted(&out, entity);  // as JsonOut quotes it
  out += after_entity_;
  char digits[24];
  auto number = [&out, &digits](size_t n) {
    const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    out.append(digits, end);
  };
  out += ",\"count\":";
  number(total);
  out += ",\"by_distance\":[";
  for (size_t i = 0; i < by_distance.size(); ++i) {
    if (i) out += ',';
    number(by_distance[i]);
  }
  out += "]}\n";
  return out;
}

std::string RenderRankText(const Graph& g, const std::string& measure, const std::vector<RankedEntity>& ranked) {
  std::string out = "rank by " + measure + "\n\n";
  size_t place = 0;
  for (const RankedEntity& r : ranked) {
    ++place;
    char line[64];
    std::snprintf(line, sizeof line, "%3zu. %12s  ", place, Score(r.score).c_str());
    out += line + std::string(g.entity_name(r.entity)) + " [" + std::string(g.entity_id(r.entity)) + "]\n";
  }
  return out;
}

std::string RenderRankJson(const Graph& g, const QueryEcho& query, const std::vector<RankedEntity>& ranked, bool pretty) {
  JsonOut json(pretty);
  json.Begin(query);
  json.Key("ranking");
  json.StartArray();
  for (const RankedEntity& r : ranked) {
    json.StartObject();
    json.Field("entity", std::string(g.entity_id(r.entity)));
    json.Field("name", std::string(g.entity_name(r.entity)));
    json.Key("score");
    json.Double(r.score);
    json.EndObject();
  }
  json.EndArray();
  return json.End();
}

std::string RenderBrokersText(const Graph& g, const Brokers& b, const TextStyle& style) {
  std::string out = std::to_string(b.articulation_points.size()) + " brokers (entities whose removal disconnects the case)\n";
  for (EntityId v : b.articulation_points) {
    out += "  " + std::string(g.entity_name(v)) + " [" + std::string(g.entity_id(v)) + "]\n";
  }
  out += '\n';
  out += std::to_string(b.bridges.size()) + " bridges (relations whose removal disconnects the case)\n";
  for (RelationId r : b.bridges) {
    out += "\n  " + RenderHopText(g, Hop{r, true, g.relation_from(r), g.relation_to(r)}, "    ", style);
  }
  return out;
}

std::string RenderBrokersJson(const Graph& g, const QueryEcho& query, const Brokers& b, bool pretty) {
  JsonOut json(pretty);
  json.Begin(query);
  json.Key("articulation_points");
  json.StartArray();
  for (EntityId v : b.articulation_points) {
    json.StartObject();
    json.Field("entity", std::string(g.entity_id(v)));
    json.Field("name", std::string(g.entity_name(v)));
    json.EndObject();
  }
  json.EndArray();
  json.Key("bridges");
  json.StartArray();
  for (RelationId r : b.bridges) json.HopObject(g, Hop{r, true, g.relation_from(r), g.relation_to(r)});
  json.EndArray();
  return json.End();
}

}  // namespace casegraph
