// Exports for other tools. Each writer escapes every user string for its format, so no case
// content can inject syntax; each writes entities and relations in ascending order.
#pragma once

#include <string>
#include <span>
#include <string_view>
#include <vector>

#include "graph/graph.h"
#include "model/text_sink.h"
#include "query/subgraph.h"

namespace casegraph {

/// GraphML with a typed key for every attribute (strings, doubles, booleans); a directed
/// multigraph whose parallel edges keep their relation ids.
std::string RenderGraphml(const Graph& g, const Subgraph& s);

/// Node-link JSON as NetworkX's node_link_graph and D3 read it: directed multigraph, nodes
/// with "id", links with "source", "target" and "key" (the relation id).
std::string RenderNodeLinkJson(const Graph& g, const Subgraph& s);

/// A Mermaid flowchart (renders in Markdown viewers). Nodes are n0, n1, ... with quoted labels.
std::string RenderMermaid(const Graph& g, const Subgraph& s);

/// Node and relationship files in the neo4j-admin import header format (id:ID, :LABEL,
/// :START_ID, :END_ID, :TYPE); columns in a fixed order, so Kuzu's COPY FROM reads them too.
/// A symmetric relation is one row with symmetric=true: readers should follow it both ways.
struct CsvExport {
  std::string nodes;          // nodes.csv
  std::string relationships;  // relationships.csv
  std::string kuzu;           // kuzu.cypher: the schema and COPY statements that load both into Kuzu
  std::string neo4j;          // neo4j-import.sh: the neo4j-admin command line that imports both
};
CsvExport RenderNeo4jCsv(const Graph& g, const Subgraph& s);
/// CsvExport's kuzu and neo4j texts, which depend on nothing but the format.
extern const char* const kKuzuCopyScript;
extern const char* const kNeo4jImportScript;

/// RenderNeo4jCsv's nodes.csv and relationships.csv, a row at a time (export --to csv streams
/// them into its files, so that no file is ever whole in memory).
void WriteNeo4jNodes(const Graph& g, const Subgraph& s, const TextSink& out);
void WriteNeo4jRelationships(const Graph& g, const Subgraph& s, const TextSink& out);

/// One RFC 4180 field: quoted when it holds a comma, quote or line break; quotes doubled.
std::string CsvField(std::string_view text);

/// A Cypher script of CREATE statements for Neo4j.
std::string RenderCypher(const Graph& g, const Subgraph& s);

/// Attributes as one JSON object text ({"country": "RU"}), for formats without nested values;
/// likewise every evidence item ([{"source": ..., "quote"?: ..., "locator"?: ...}], as a case file
/// writes it) and a list of
/// strings (["RKN", "Роскомнадзор"]).
std::string AttributesJson(const Attributes& attributes);
std::string EvidenceJson(std::span<const Evidence> evidence);
std::string StringsJson(const std::vector<std::string>& strings);

}  // namespace casegraph
