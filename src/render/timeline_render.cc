#include "render/timeline_render.h"

#include <algorithm>

#include "render/json_writer.h"
#include "text/unicode.h"

namespace casegraph {

std::string RenderTimelineText(const Graph& g, std::optional<EntityId> entity, const std::vector<RelationId>& events,
                               const TextStyle& style) {
  std::string out = "Timeline";
  if (entity) out += " of " + std::string(g.entity_name(*entity));
  out += ": " + std::to_string(events.size()) + (events.size() == 1 ? " dated relation\n" : " dated relations\n");
  // The date column: as wide as the widest date (a span such as "2021-03-01 – 2021-03-31" is 23
  // characters) and two spaces, at least 18, so every row's text starts in one column. Widths are
  // counted in characters, not bytes (the span dash is one character, three bytes).
  std::vector<std::string> dates;
  size_t column = 18;
  for (RelationId r : events) {
    dates.push_back(RelationDateText(*g.relation(r), style.fancy));
    column = std::max(column, CountCodePoints(dates.back()) + 2);
  }
  const std::string indent(column, ' ');
  for (size_t i = 0; i < events.size(); ++i) {
    const RelationId r = events[i];
    const Transient<Relation> relation = g.relation(r);
    const Relation& rel = *relation;
    const std::string date = dates[i] + std::string(column - CountCodePoints(dates[i]), ' ');
    out += "\n" + date + style.Name(std::string(g.entity_name(g.relation_from(r)))) +
           style.Arrow(DirectionLabel(g, r, true)) + style.Name(std::string(g.entity_name(g.relation_to(r)))) + "\n";
    out += indent + ClaimStatusName(rel.status) + style.Sep() + rel.id + "\n";
    for (const Evidence& e : rel.evidence) {
      out += indent + (e.quote.empty() ? "" : style.Quote(e.quote) + " " + style.Dash() + " ") + e.source +
             (e.locator.empty() ? "" : ", " + e.locator) + "\n";
    }
  }
  return out;
}

std::string RenderTimelineJson(const Graph& g, const QueryEcho& query, const std::vector<RelationId>& events,
                               bool pretty) {
  JsonOut json(pretty);
  json.Begin(query);
  json.Key("events");
  json.StartArray();
  for (RelationId r : events) json.HopObject(g, Hop{r, true, g.relation_from(r), g.relation_to(r)});
  json.EndArray();
  return json.End();
}

}  // namespace casegraph
