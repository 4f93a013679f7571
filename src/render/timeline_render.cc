#include "render/timeline_render.h"

#include "render/json_writer.h"
#include "text/unicode.h"

namespace casegraph {

std::string RenderTimelineText(const Graph& g, std::optional<EntityId> entity, const std::vector<RelationId>& events,
                               const TextStyle& style) {
  std::string out = "Timeline";
  if (entity) out += " of " + std::string(g.entity_name(*entity));
  out += ": " + std::to_string(events.size()) + (events.size() == 1 ? " dated relation\n" : " dated relations\n");
  constexpr size_t kDateWidth = 18;
  const std::string indent(kDateWidth, ' ');
  for (RelationId r : events) {
    const Transient<Relation> relation = g.relation(r);
    const Relation& rel = *relation;
    std::string date = RelationDateText(rel, style.fancy);
    // Pad to the column by characters, not bytes (the span dash is one character, three bytes).
    const size_t width = CountCodePoints(date);
    date += std::string(width < kDateWidth ? kDateWidth - width : 1, ' ');
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
