#include "render/path_render.h"

#include "render/json_writer.h"

namespace casegraph {

std::string RenderHopText(const Graph& g, const Hop& hop, const std::string& indent) {
  const Relation& r = g.relation(hop.relation);
  std::string out = g.entity(hop.from).name + " —" + DirectionLabel(g, hop.relation, hop.forward) + "→ " +
                    g.entity(hop.to).name + "\n";
  out += indent + RelationDateText(r) + " · " + StatusName(r.status) + " · " + r.id + "\n";
  for (const Evidence& e : r.evidence) {
    out += indent + "“" + e.quote + "”\n";
    std::string source = e.source;
    if (const Source* s = g.FindSource(e.source); s && !s->title.empty()) source += ": " + s->title;
    if (!e.locator.empty()) source += ", " + e.locator;
    out += indent + "  — " + source + "\n";
  }
  return out;
}

std::string RenderPathText(const Graph& g, const PathQuery& query, const PathAnswer& answer) {
  const std::string& from = g.entity(query.from).name;
  const std::string& to = g.entity(query.to).name;
  if (answer.paths.empty()) return "no path from " + from + " to " + to + "\n";
  std::string out;
  for (size_t p = 0; p < answer.paths.size(); ++p) {
    const Path& path = answer.paths[p];
    if (p > 0) out += "\n";
    const size_t n = path.hops.size();
    out += from + " → " + to + ": " + std::to_string(n) + (n == 1 ? " hop" : " hops") + "\n";
    for (size_t i = 0; i < n; ++i) {
      const std::string number = std::to_string(i + 1) + ". ";
      out += "\n" + number + RenderHopText(g, path.hops[i], std::string(number.size(), ' '));
    }
  }
  if (answer.truncated) out += "\n(stopped at the limit; more paths exist)\n";
  return out;
}

std::string RenderPathJson(const Graph& g, const QueryEcho& query, const PathAnswer& answer, bool pretty) {
  JsonOut json(pretty);
  json.Begin(query);
  json.Key("paths");
  json.StartArray();
  for (const Path& p : answer.paths) json.PathObject(g, p);
  json.EndArray();
  json.Key("truncated");
  json.Bool(answer.truncated);
  return json.End();
}

}  // namespace casegraph
