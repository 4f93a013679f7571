#include "render/entity_render.h"

#include "query/path.h"
#include "render/json_writer.h"
#include "render/path_render.h"

namespace casegraph {

namespace {

const char* RankName(int rank) {
  switch (rank) {
    case 0: return "exact";
    case 1: return "prefix";
    case 2: return "word";
    default: return "substring";
  }
}

}  // namespace

std::string RenderShowText(const Graph& g, EntityId v, const std::vector<Hop>& hops, const TextStyle& style) {
  const Transient<Entity> entity = g.entity(v);
  const Entity& e = *entity;
  std::string out = style.Name(e.name) + " [" + e.id + "]" + style.Sep() + e.type + "\n";
  if (!e.aliases.empty()) {
    out += "  also known as: ";
    for (size_t i = 0; i < e.aliases.size(); ++i) out += (i ? "; " : "") + e.aliases[i];
    out += "\n";
  }
  if (!e.description.empty()) out += "  " + e.description + "\n";
  for (const auto& [key, value] : e.attributes) out += "  " + key + ": " + value.text + "\n";
  out += '\n';
  out += std::to_string(hops.size());
  out += hops.size() == 1 ? " relation\n" : " relations\n";
  for (const Hop& h : hops) {
    out += "\n  " + RenderHopText(g, h, "    ", style);
    for (const auto& [key, value] : g.relation_attributes(h.relation)) {
      out += "    " + key + ": " + value.text + "\n";
    }
  }
  return out;
}

std::string RenderShowJson(const Graph& g, const QueryEcho& query, EntityId v, const std::vector<Hop>& hops,
                           bool pretty) {
  const Transient<Entity> entity = g.entity(v);
  const Entity& e = *entity;
  JsonOut json(pretty);
  json.Begin(query);
  json.Key("entity");
  json.EntityObject(e);
  json.Key("relations");
  json.StartArray();
  for (const Hop& h : hops) json.HopObject(g, h);
  json.EndArray();
  return json.End();
}

std::string RenderFindText(const Graph& g, const std::vector<NameMatch>& matches, const TextStyle& style) {
  std::string out;
  for (const NameMatch& m : matches) {
    const Transient<Entity> entity = g.entity(m.entity);
    const Entity& e = *entity;
    out += e.id + "\t" + e.name + " (" + e.type + ")";
    if (m.matched != e.name && m.matched != e.id) out += "\tmatched " + style.Quote(m.matched);
    out += "\n";
  }
  return out;
}

std::string RenderFindJson(const Graph& g, const QueryEcho& query, const std::vector<NameMatch>& matches,
                           const std::vector<EntityId>& suggestions, bool pretty) {
  JsonOut json(pretty);
  json.Begin(query);
  json.Key("matches");
  json.StartArray();
  for (const NameMatch& m : matches) {
    const Transient<Entity> entity = g.entity(m.entity);
    const Entity& e = *entity;
    json.StartObject();
    json.Field("id", e.id);
    json.Field("name", e.name);
    json.Field("type", e.type);
    json.Field("matched", m.matched);
    json.Field("match", RankName(m.rank));
    json.EndObject();
  }
  json.EndArray();
  if (!suggestions.empty()) {
    json.Key("suggestions");
    json.StartArray();
    for (EntityId v : suggestions) {
      json.StartObject();
      json.Key("id");
      json.String(g.entity_id(v));
      json.Key("name");
      json.String(g.entity_name(v));
      json.EndObject();
    }
    json.EndArray();
  }
  return json.End();
}

}  // namespace casegraph
