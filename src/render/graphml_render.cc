#include <cstdio>
#include <map>

#include "render/describe.h"
#include "render/export_render.h"
#include "render/xml_escape.h"

namespace casegraph {

namespace {

const char* GraphmlType(AttributeValue::Kind kind) {
  switch (kind) {
    case AttributeValue::Kind::kNumber: return "double";
    case AttributeValue::Kind::kBool: return "boolean";
    default: return "string";
  }
}

// The attribute keys used on nodes or edges: name -> GraphML type; a name used with two kinds
// becomes a string.
std::map<std::string, std::string> AttributeKeys(const std::vector<const Attributes*>& all) {
  std::map<std::string, std::string> keys;
  for (const Attributes* a : all) {
    for (const auto& [name, value] : *a) {
      if (value.kind == AttributeValue::Kind::kNull) continue;
      auto [it, inserted] = keys.emplace(name, GraphmlType(value.kind));
      if (!inserted && it->second != GraphmlType(value.kind)) it->second = "string";
    }
  }
  return keys;
}

void Data(std::string* out, const std::string& key, const std::string& value, const char* indent = "      ") {
  *out += std::string(indent) + "<data key=\"" + XmlEscape(key) + "\">" + XmlEscape(value) + "</data>\n";
}

void AttributeData(std::string* out, const std::string& prefix, const Attributes& attributes) {
  for (const auto& [name, value] : attributes) {
    if (value.kind != AttributeValue::Kind::kNull) Data(out, prefix + name, value.text);
  }
}

}  // namespace

std::string RenderGraphml(const Graph& g, const Subgraph& s) {
  std::vector<const Attributes*> node_attrs, edge_attrs;
  for (EntityId v : s.entities) node_attrs.push_back(&g.entity_attributes(v));
  for (RelationId r : s.relations) edge_attrs.push_back(&g.relation_attributes(r));
  const auto node_keys = AttributeKeys(node_attrs);
  const auto edge_keys = AttributeKeys(edge_attrs);

  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
                    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                    "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                    "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  auto key = [&](const std::string& id, const char* domain, const std::string& type) {
    out += "  <key id=\"" + XmlEscape(id) + "\" for=\"" + domain + "\" attr.name=\"" + XmlEscape(id) + "\" attr.type=\"" + type +
           "\"/>\n";
  };
  for (const char* k : {"name", "type", "description", "aliases", "attributes"}) key(k, "node", "string");
  for (const auto& [name, type] : node_keys) key("attr." + name, "node", type);
  for (const char* k : {"relation", "type", "label", "inverse", "date", "start", "end", "status", "source", "quote",
                        "evidence", "attributes"}) {
    key(std::string("edge.") + k, "edge", "string");
  }
  key("edge.weight", "edge", "double");
  key("edge.symmetric", "edge", "boolean");
  for (const auto& [name, type] : edge_keys) key("edge.attr." + name, "edge", type);
  out += "  <graph id=\"casegraph\" edgedefault=\"directed\">\n";
  for (EntityId v : s.entities) {
    const Transient<Entity> entity = g.entity(v);
    const Entity& e = *entity;
    out += "    <node id=\"" + XmlEscape(e.id) + "\">\n";
    Data(&out, "name", e.name);
    Data(&out, "type", e.type);
    if (!e.description.empty()) Data(&out, "description", e.description);
    if (!e.aliases.empty()) Data(&out, "aliases", StringsJson(e.aliases));
    if (!e.attributes.empty()) Data(&out, "attributes", AttributesJson(e.attributes));
    AttributeData(&out, "attr.", e.attributes);
    out += "    </node>\n";
  }
  for (RelationId r : s.relations) {
    const Transient<Relation> relation = g.relation(r);
    const Relation& rel = *relation;
    const RelationType& t = g.relation_type_info(g.relation_type(r));
    out += "    <edge id=\"" + XmlEscape(rel.id) + "\" source=\"" + XmlEscape(rel.from) + "\" target=\"" + XmlEscape(rel.to) + "\">\n";
    Data(&out, "edge.relation", rel.id);
    Data(&out, "edge.type", rel.type);
    Data(&out, "edge.label", t.label);
    Data(&out, "edge.inverse", t.inverse);
    if (rel.date) Data(&out, "edge.date", rel.date->text);
    if (rel.start) Data(&out, "edge.start", rel.start->text);
    if (rel.end) Data(&out, "edge.end", rel.end->text);
    Data(&out, "edge.status", ClaimStatusName(rel.status));
    char weight[32];
    std::snprintf(weight, sizeof weight, "%.17g", rel.weight);
    Data(&out, "edge.weight", weight);
    Data(&out, "edge.symmetric", g.is_symmetric(g.relation_type(r)) ? "true" : "false");
    if (!rel.evidence.empty()) {
      Data(&out, "edge.source", rel.evidence.front().source);
      if (!rel.evidence.front().quote.empty()) Data(&out, "edge.quote", rel.evidence.front().quote);
      Data(&out, "edge.evidence", EvidenceJson(rel.evidence));
    }
    if (!rel.attributes.empty()) Data(&out, "edge.attributes", AttributesJson(rel.attributes));
    AttributeData(&out, "edge.attr.", rel.attributes);
    out += "    </edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

}  // namespace casegraph
