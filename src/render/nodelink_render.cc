#include "render/export_render.h"
#include "render/json_writer.h"

namespace casegraph {

std::string AttributesJson(const Attributes& attributes) {
  JsonOut json(false);
  json.AttributesObject(attributes);
  return json.Text();
}

std::string EvidenceJson(std::span<const Evidence> evidence) {
  // As a case file writes evidence (a quote or a locator, each only when there is one), so that
  // the CSV export reads back.
  JsonOut json(false);
  json.StartArray();
  for (const Evidence& e : evidence) {
    json.StartObject();
    json.Field("source", e.source);
    if (!e.quote.empty()) json.Field("quote", e.quote);
    if (!e.locator.empty()) json.Field("locator", e.locator);
    json.EndObject();
  }
  json.EndArray();
  return json.Text();
}

std::string StringsJson(const std::vector<std::string>& strings) {
  JsonOut json(false);
  json.StringArray(strings);
  return json.Text();
}

std::string RenderNodeLinkJson(const Graph& g, const Subgraph& s) {
  JsonOut json(true);
  json.StartObject();
  json.Key("directed");
  json.Bool(true);
  json.Key("multigraph");
  json.Bool(true);
  json.Key("graph");
  json.StartObject();
  json.Key("titles");
  json.StringArray(g.model().titles);
  json.EndObject();
  json.Key("nodes");
  json.StartArray();
  for (EntityId v : s.entities) {
    json.EntityObject(*g.entity(v));
  }
  json.EndArray();
  json.Key("links");
  json.StartArray();
  for (RelationId r : s.relations) {
    const Transient<Relation> relation = g.relation(r);
    const Relation& rel = *relation;
    json.StartObject();
    json.Field("source", rel.from);
    json.Field("target", rel.to);
    json.Field("key", rel.id);
    json.Field("type", rel.type);
    json.Field("label", g.relation_type_info(g.relation_type(r)).label);
    json.DateFields(rel);
    json.Field("status", ClaimStatusName(rel.status));
    json.Key("weight");
    json.Double(rel.weight);
    json.Key("highlighted");
    json.Bool(s.highlighted.count(r) > 0);
    json.Key("attributes");
    json.AttributesObject(rel.attributes);
    json.Key("evidence");
    json.EvidenceArray(rel);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  return json.Text() + "\n";
}

}  // namespace casegraph
