#include "render/describe.h"
#include "render/export_render.h"

namespace casegraph {

namespace {

// A Cypher string literal: single-quoted, with backslash escapes for \ ' and control characters.
std::string Literal(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\'': out += "\\'"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20) out += c;
    }
  }
  return out + "'";
}

// A label or relationship type in backticks, backticks doubled.
std::string Name(const std::string& text) {
  std::string out = "`";
  for (char c : text) {
    if (c == '`') out += '`';
    if (static_cast<unsigned char>(c) >= 0x20) out += c;
  }
  return out + "`";
}

std::string Properties(std::initializer_list<std::pair<const char*, std::string>> fields) {
  std::string out = "{";
  for (const auto& [key, value] : fields) {
    if (value.empty()) continue;
    out += (out.size() > 1 ? ", " : "") + Name(key) + ": " + value;
  }
  return out + "}";
}

}  // namespace

std::string RenderCypher(const Graph& g, const Subgraph& s) {
  std::string out = "// casegraph export: one node per entity (label Entity and its type), one relationship per relation.\n"
                    "CREATE CONSTRAINT casegraph_entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;\n";
  for (EntityId v : s.entities) {
    const Transient<Entity> entity = g.entity(v);
    const Entity& e = *entity;
    std::string aliases = "[";
    for (size_t i = 0; i < e.aliases.size(); ++i) aliases += (i ? ", " : "") + Literal(e.aliases[i]);
    aliases += "]";
    out += "CREATE (:Entity:" + Name(e.type) + " " +
           Properties({{"id", Literal(e.id)}, {"name", Literal(e.name)}, {"type", Literal(e.type)},
                       {"description", e.description.empty() ? "" : Literal(e.description)},
                       {"aliases", aliases}, {"attributes", Literal(AttributesJson(e.attributes))}}) +
           ");\n";
  }
  for (RelationId r : s.relations) {
    const Transient<Relation> relation = g.relation(r);
    const Relation& rel = *relation;
    const Evidence* first = rel.evidence.empty() ? nullptr : &rel.evidence.front();
    const std::string weight = NumberText(rel.weight);
    out += "MATCH (a:Entity {id: " + Literal(rel.from) + "}), (b:Entity {id: " + Literal(rel.to) + "}) CREATE (a)-[:" +
           Name(rel.type) + " " +
           Properties({{"id", Literal(rel.id)}, {"label", Literal(g.relation_type_info(g.relation_type(r)).label)},
                       {"date", rel.date ? Literal(rel.date->text) : ""},
                       {"start", rel.start ? Literal(rel.start->text) : ""},
                       {"end", rel.end ? Literal(rel.end->text) : ""}, {"status", Literal(ClaimStatusName(rel.status))},
                       {"weight", weight}, {"source", first ? Literal(first->source) : ""},
                       {"quote", first && !first->quote.empty() ? Literal(first->quote) : ""},
                       {"symmetric", g.is_symmetric(g.relation_type(r)) ? "true" : "false"},
                       {"attributes", Literal(AttributesJson(rel.attributes))},
                       {"evidence", Literal(EvidenceJson(rel.evidence))}}) +
           "]->(b);\n";
  }
  return out;
}

}  // namespace casegraph
