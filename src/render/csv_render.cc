#include "render/describe.h"
#include "render/export_render.h"

namespace casegraph {

std::string CsvField(std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

namespace {

std::string Row(std::initializer_list<std::string> fields) {
  std::string out;
  for (const std::string& f : fields) {
    if (!out.empty()) out += ',';
    out += CsvField(f);
  }
  out += '\n';
  return out;
}

}  // namespace

CsvExport RenderNeo4jCsv(const Graph& g, const Subgraph& s) {
  CsvExport out;
  out.nodes = "id:ID,name,type,description,aliases:string[],attributes,:LABEL\n";
  for (EntityId v : s.entities) {
    const Transient<Entity> entity = g.entity(v);
    const Entity& e = *entity;
    std::string aliases;
    for (const std::string& a : e.aliases) aliases += (aliases.empty() ? "" : ";") + a;
    out.nodes += Row({e.id, e.name, e.type, e.description, aliases, AttributesJson(e.attributes), "Entity;" + e.type});
  }
  out.relationships = ":START_ID,:END_ID,:TYPE,id,label,date,start,end,status,weight:double,symmetric:boolean,source,quote,"
                      "attributes\n";
  for (RelationId r : s.relations) {
    const Transient<Relation> relation = g.relation(r);
    const Relation& rel = *relation;
    const Evidence* first = rel.evidence.empty() ? nullptr : &rel.evidence.front();
    const std::string weight = NumberText(rel.weight);
    out.relationships += Row({rel.from, rel.to, rel.type, rel.id, g.relation_type_info(g.relation_type(r)).label,
                              rel.date ? rel.date->text : "", rel.start ? rel.start->text : "",
                              rel.end ? rel.end->text : "", ClaimStatusName(rel.status), weight,
                              g.is_symmetric(g.relation_type(r)) ? "true" : "false", first ? first->source : "", first ? first->quote : "", AttributesJson(rel.attributes)});
  }
  return out;
}

}  // namespace casegraph
