#include "render/path_render.h"

#include <cstdio>

#include "render/json_writer.h"

namespace casegraph {

std::string RenderHopText(const Graph& g, const Hop& hop, const std::string& indent, const TextStyle& style) {
  const Transient<Relation> relation = g.relation(hop.relation);
  const Relation& r = *relation;
  std::string out = style.Name(std::string(g.entity_name(hop.from)));
  out += style.Arrow(DirectionLabel(g, hop.relation, hop.forward));
  out += style.Name(std::string(g.entity_name(hop.to))) + "\n";
  out += indent + RelationDateText(r, style.fancy) + style.Sep() + ClaimStatusName(r.status) + style.Sep() + r.id + "\n";
  for (const Evidence& e : r.evidence) {
    if (!e.quote.empty()) out += indent + style.Quote(e.quote) + "\n";
    std::string source = e.source;
    if (const Source* s = g.FindSource(e.source); s && !s->title.empty()) source += ": " + s->title;
    if (!e.locator.empty()) source += ", " + e.locator;
    out += indent + "  " + style.Dash() + " " + source + "\n";
  }
  return out;
}

namespace {

std::string CostText(double cost) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", cost);
  return buffer;
}

std::string TimeText(Day day) { return day == kFirstDay ? "any time" : DayText(day); }

std::string LengthText(const Path& p, bool weighted) {
  const size_t n = p.hops.size();
  std::string out = std::to_string(n) + (n == 1 ? " hop" : " hops");
  if (weighted) out += ", cost " + CostText(p.cost);
  if (!p.times.empty()) out += ", arriving " + TimeText(p.times.back());
  return out;
}

}  // namespace

std::string RenderPathText(const Graph& g, const PathQuery& query, const PathAnswer& answer, int limit,
                           const TextStyle& style) {
  const std::string from(g.entity_name(query.from));
  const std::string to(g.entity_name(query.to));
  if (answer.paths.empty()) {
    if (!query.chronological) return "no path from " + from + " to " + to + "\n";
    std::string out = "no time-respecting path from " + from + " to " + to;
    if (!query.undated_allowed) out += " (undated relations are skipped; --undated allow takes them at any time)";
    return out + "\n";
  }
  std::string out = from + " " + style.To() + " " + to + ": ";
  const bool several = answer.paths.size() > 1 || query.form != PathForm::kShortest;
  if (several) {
    const size_t n = answer.paths.size();
    out += std::to_string(n) + (n == 1 ? " path" : " paths") + "\n";
  } else {
    out += LengthText(answer.paths[0], query.weighted) + "\n";
  }
  for (size_t p = 0; p < answer.paths.size(); ++p) {
    const Path& path = answer.paths[p];
    if (several) out += "\nPath " + std::to_string(p + 1) + ": " + LengthText(path, query.weighted) + "\n";
    for (size_t i = 0; i < path.hops.size(); ++i) {
      const std::string number = std::to_string(i + 1) + ". ";
      out += "\n" + number + RenderHopText(g, path.hops[i], std::string(number.size(), ' '), style);
      if (query.weighted) {
        out += std::string(number.size(), ' ') + "weight " + CostText(g.relation_weight(path.hops[i].relation)) + "\n";
      }
      if (!path.times.empty()) out += std::string(number.size(), ' ') + "taken " + TimeText(path.times[i]) + "\n";
    }
  }
  if (answer.truncated) {
    out += "\n(stopped at the limit of " + std::to_string(limit) + " paths; more exist: raise --limit)\n";
  }
  return out;
}

std::string RenderPathJson(const Graph& g, const QueryEcho& query, const PathAnswer& answer, bool weighted,
                           bool pretty) {
  JsonOut json(pretty);
  json.Begin(query);
  json.Key("paths");
  json.StartArray();
  for (const Path& p : answer.paths) json.PathObject(g, p, weighted);
  json.EndArray();
  json.Key("truncated");
  json.Bool(answer.truncated);
  return json.End();
}

}  // namespace casegraph
