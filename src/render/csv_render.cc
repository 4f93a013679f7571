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

// A quoted field may hold a line break: Kuzu must then read the file in one thread, neo4j-admin
// must be told multiline fields.
const char* const kKuzuCopyScript =
    "// Loads this directory's nodes.csv and relationships.csv into Kuzu; run it from this directory\n"
    "// (kuzu DB < kuzu.cypher). Columns are taken in order; attributes, aliases and evidence are JSON.\n"
    "CREATE NODE TABLE Entity(id STRING, name STRING, kind STRING, description STRING, aliases STRING, "
    "attributes STRING, labels STRING, PRIMARY KEY(id));\n"
    "CREATE REL TABLE Rel(FROM Entity TO Entity, kind STRING, rid STRING, label STRING, on_date STRING, "
    "start_date STRING, end_date STRING, status STRING, weight DOUBLE, symmetric BOOLEAN, source STRING, "
    "quote STRING, attributes STRING, evidence STRING);\n"
    "COPY Entity FROM 'nodes.csv' (HEADER=true, PARALLEL=false);\n"
    "COPY Rel FROM 'relationships.csv' (HEADER=true, PARALLEL=false);\n";

const char* const kNeo4jImportScript =
    "#!/bin/sh\n"
    "# Imports this directory's nodes.csv and relationships.csv into a new Neo4j 5 database (default\n"
    "# name neo4j; give another as the first argument). Quoted fields may hold line breaks, hence\n"
    "# --multiline-fields; attributes, aliases and evidence are JSON strings (apoc.convert.fromJsonMap).\n"
    "cd \"$(dirname \"$0\")\" &&\n"
    "exec neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv \\\n"
    "  --multiline-fields=true --skip-bad-relationships=false \"${1:-neo4j}\"\n";

void WriteNeo4jNodes(const Graph& g, const Subgraph& s, const TextSink& out) {
  out("id:ID,name,type,description,aliases,attributes,:LABEL\n");
  for (EntityId v : s.entities) {
    const Transient<Entity> entity = g.entity(v);
    const Entity& e = *entity;
    out(Row({e.id, e.name, e.type, e.description, StringsJson(e.aliases), AttributesJson(e.attributes),
             "Entity;" + e.type}));
  }
}

void WriteNeo4jRelationships(const Graph& g, const Subgraph& s, const TextSink& out) {
  out(":START_ID,:END_ID,:TYPE,id,label,date,start,end,status,weight:double,symmetric:boolean,source,quote,"
    "attributes,evidence\n");
  for (RelationId r : s.relations) {
    const Transient<Relation> relation = g.relation(r);
    const Relation& rel = *relation;
    const Evidence* first = rel.evidence.empty() ? nullptr : &rel.evidence.front();
    const std::string weight = NumberText(rel.weight);
    out(Row({rel.from, rel.to, rel.type, rel.id, g.relation_type_info(g.relation_type(r)).label,
             rel.date ? rel.date->text : "", rel.start ? rel.start->text : "", rel.end ? rel.end->text : "",
             ClaimStatusName(rel.status), weight, g.is_symmetric(g.relation_type(r)) ? "true" : "false",
             first ? first->source : "", first ? first->quote : "", AttributesJson(rel.attributes),
             EvidenceJson(rel.evidence)}));
  }
}

CsvExport RenderNeo4jCsv(const Graph& g, const Subgraph& s) {
  CsvExport out;
  WriteNeo4jNodes(g, s, [&out](std::string_view piece) { out.nodes += piece; });
  WriteNeo4jRelationships(g, s, [&out](std::string_view piece) { out.relationships += piece; });
  out.kuzu = kKuzuCopyScript;
  out.neo4j = kNeo4jImportScript;
  return out;
}

}  // namespace casegraph
