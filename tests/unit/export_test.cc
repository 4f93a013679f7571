// Exports: every DOT export of every test graph goes through Graphviz, and every other format
// is read back by a strict reader of its own, with hostile names everywhere.
#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <cstdlib>
#include <regex>
#include <sstream>

#include "render/graphviz.h"
#include "query/subgraph.h"
#include "render/dot_render.h"
#include "render/export_render.h"
#include "test_support.h"

using namespace casegraph;

namespace {

const std::string kRoot = CASEGRAPH_SOURCE_DIR;

std::unique_ptr<const Graph> Load(const std::string& path) {
  casegraph::testing::Loaded r = casegraph::testing::Load({kRoot + "/" + path});
  for (const Diagnostic& d : r.diagnostics) {
    if (d.IsError()) UNSCOPED_INFO(FormatDiagnostic(d));
  }
  REQUIRE(r.loaded);
  return Graph::Build(std::move(*r.loaded));
}

const char* const kTestGraphs[] = {"graphs", "tests/data/hostile/hostile.json",
                                   "tests/data/ftm/de-bundestag-parteispenden.ftm.json",
                                   "tests/data/ftm/opensanctions-zala-cluster.ftm.json",
                                   "tests/data/ftm/opensanctions-eu-fsf-sample.ftm.json"};

std::string XmlEscaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '-') out += "&#45;";  // as Graphviz writes it
    else out += c;
  }
  return out;
}

// Graphviz names each SVG node group after the node's id: <title>ID</title>.
void RequireSvgHasEntities(const Graph& g, const Subgraph& s, const std::string& title) {
  const Result<std::string> rendered = RenderSvg(RenderDot(g, s, title));
  INFO(rendered.status().message());
  REQUIRE(rendered.ok());
  const std::string& svg = rendered.value();
  for (EntityId v : s.entities) {
    INFO("entity " << g.entity(v)->id);
    CHECK(svg.find("<title>" + XmlEscaped(g.entity(v)->id) + "</title>") != std::string::npos);
  }
}

// RFC 4180 rows.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, was_quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      REQUIRE(field.empty());  // a quote opens a field or nothing
      quoted = was_quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(field);
      field.clear();
      rows.emplace_back();
    } else {
      REQUIRE_FALSE(was_quoted);  // nothing after a closing quote but , or a line end
      field += c;
    }
    if (c == ',' || c == '\n') was_quoted = false;
  }
  REQUIRE_FALSE(quoted);
  if (rows.back().empty() && field.empty()) rows.pop_back();
  return rows;
}

}  // namespace

TEST_CASE("Graphviz renders every DOT export of every test graph with every entity") {
  for (const char* path : kTestGraphs) {
    INFO(path);
    auto g = Load(path);
    const TraversalFilter all(*g);
    RequireSvgHasEntities(*g, WholeGraph(*g, all), path);
    RequireSvgHasEntities(*g, Around(*g, all, 0, 2), "around");
    PathQuery q;
    q.from = 0;
    q.to = static_cast<EntityId>(g->entity_count() - 1);
    Result<PathAnswer> a = FindPaths(*g, all, q);
    REQUIRE(a.ok());
    if (!a.value().paths.empty()) RequireSvgHasEntities(*g, PathContext(*g, all, a.value(), true), "path");
  }
}

TEST_CASE("hostile names stay inside DOT strings") {
  auto g = Load("tests/data/hostile/hostile.json");
  const std::string dot = RenderDot(*g, WholeGraph(*g, TraversalFilter(*g)), "t");
  // Every statement line is: a quoted id, optionally -> a quoted id, then [attributes];
  // a quoted string never contains an unescaped quote.
  const std::regex quoted(R"("(?:[^"\\]|\\.)*")");
  const std::regex node_line(R"(^  ("(?:[^"\\]|\\.)*")( -> ("(?:[^"\\]|\\.)*"))? \[.*\];$)");
  size_t statements = 0;
  std::istringstream lines(dot);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("  \"", 0) != 0) continue;
    INFO(line);
    CHECK(std::regex_match(line, node_line));
    ++statements;
  }
  CHECK(statements == g->entity_count() + g->relation_count());
  CHECK(DotQuote("a\"b\\c\nd\x01") == "\"a\\\"b\\\\c\\nd\"");
}

TEST_CASE("Mermaid output keeps hostile names inside their labels") {
  auto g = Load("tests/data/hostile/hostile.json");
  const std::string text = RenderMermaid(*g, WholeGraph(*g, TraversalFilter(*g)));
  const std::regex line_shape(
      R"(^flowchart LR$|^  n\d+\["[^"<>&|`\\]*"\]$|^  n\d+ (-->|==>|---|===)\|"[^"<>&|`\\]*"\| n\d+$|^  %% .*$|)"
      R"(^  linkStyle \d+ [a-z0-9:, -]+$)");
  std::istringstream lines(text);
  size_t n = 0;
  for (std::string line; std::getline(lines, line); ++n) {
    INFO(line);
    CHECK(std::regex_match(line, line_shape));
  }
  CHECK(n >= 1 + g->entity_count() + g->relation_count());
  CHECK(text.find("style") == std::string::npos);  // Mermaid's pre-pass would eat a ';' after it
}

TEST_CASE("CSV export rows parse back with every value intact") {
  auto g = Load("tests/data/hostile/hostile.json");
  const CsvExport csv = RenderNeo4jCsv(*g, WholeGraph(*g, TraversalFilter(*g)));
  const auto nodes = ParseCsv(csv.nodes);
  REQUIRE(nodes.size() == 1 + g->entity_count());
  for (size_t i = 1; i < nodes.size(); ++i) {
    REQUIRE(nodes[i].size() == nodes[0].size());
    CHECK(nodes[i][0] == g->entity(static_cast<EntityId>(i - 1))->id);
    CHECK(nodes[i][1] == g->entity(static_cast<EntityId>(i - 1))->name);
  }
  const auto rels = ParseCsv(csv.relationships);
  REQUIRE(rels.size() == 1 + g->relation_count());
  for (size_t i = 1; i < rels.size(); ++i) {
    REQUIRE(rels[i].size() == rels[0].size());
    CHECK(rels[i][3] == g->relation(static_cast<RelationId>(i - 1))->id);
  }
  CHECK(rels[1][11] == g->relation(0)->evidence[0].source);
  CHECK(rels[1][12] == g->relation(0)->evidence[0].quote);
  // Aliases are a JSON list (an alias may hold ';', neo4j-admin's array delimiter); every
  // evidence item is kept, as JSON.
  for (size_t i = 1; i < nodes.size(); ++i) CHECK(nodes[i][4] == StringsJson(g->entity(static_cast<EntityId>(i - 1))->aliases));
  for (size_t i = 1; i < rels.size(); ++i) CHECK(rels[i][14] == EvidenceJson(g->relation(static_cast<RelationId>(i - 1))->evidence));
}

TEST_CASE("Cypher string literals and names round-trip hostile text") {
  auto g = Load("tests/data/hostile/hostile.json");
  const std::string script = RenderCypher(*g, WholeGraph(*g, TraversalFilter(*g)));
  // Scan every statement: outside literals and backtick names only Cypher punctuation, words
  // and numbers may appear; each statement ends with ';' on its line.
  std::istringstream lines(script);
  std::vector<std::string> literals;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("//", 0) == 0) continue;
    INFO(line);
    std::string outside;
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\'') {
        std::string value;
        for (++i; i < line.size() && line[i] != '\''; ++i) {
          if (line[i] == '\\') {
            ++i;
            value += line[i] == 'n' ? '\n' : line[i] == 't' ? '\t' : line[i] == 'r' ? '\r' : line[i];
          } else {
            value += line[i];
          }
        }
        REQUIRE(i < line.size());
        literals.push_back(value);
      } else if (line[i] == '`') {
        for (++i; i < line.size() && !(line[i] == '`' && (i + 1 >= line.size() || line[i + 1] != '`')); ++i) {
          if (line[i] == '`') ++i;
        }
        REQUIRE(i < line.size());
      } else {
        outside += line[i];
      }
    }
    CHECK(std::regex_match(outside, std::regex(R"([A-Za-z0-9 _.,:;(){}\[\]<>=\-]*;)")));
  }
  for (const Entity& e : g->model().entities) {
    std::string name;  // control characters are dropped from literals
    for (char c : e.name) {
      if (static_cast<unsigned char>(c) >= 0x20) name += c;
    }
    INFO(name);
    CHECK(std::find(literals.begin(), literals.end(), name) != literals.end());
  }
  // Nothing of a relation is lost: its attributes and every evidence item, as JSON.
  for (RelationId r = 0; r < g->relation_count(); ++r) {
    const Transient<Relation> rel = g->relation(r);
    CHECK(std::find(literals.begin(), literals.end(), AttributesJson(rel->attributes)) != literals.end());
    CHECK(std::find(literals.begin(), literals.end(), EvidenceJson(rel->evidence)) != literals.end());
  }
}

TEST_CASE("GraphML and node-link JSON carry hostile text escaped") {
  auto g = Load("tests/data/hostile/hostile.json");
  const Subgraph all = WholeGraph(*g, TraversalFilter(*g));
  const std::string graphml = RenderGraphml(*g, all);
  // Inside element content, no raw '<' other than tags, no control characters.
  const std::regex data(R"(<data key="[^"<>&]*">([^<]*)</data>)");
  size_t values = 0;
  for (auto it = std::sregex_iterator(graphml.begin(), graphml.end(), data); it != std::sregex_iterator(); ++it) ++values;
  CHECK(values > g->entity_count() * 2);
  CHECK(graphml.find('\x01') == std::string::npos);
  CHECK(graphml.find('\r') == std::string::npos);  // a raw one would be read back as a line feed
  CHECK(graphml.find("line one&#13;\nline two") != std::string::npos);
  CHECK(graphml.find("&lt;i&gt;html&lt;/i&gt; &amp; &lt;b&gt;bold&lt;/b&gt;") != std::string::npos);

  rapidjson::Document doc;
  const std::string json = RenderNodeLinkJson(*g, all);
  REQUIRE_FALSE(doc.Parse(json.c_str()).HasParseError());
  REQUIRE(doc["nodes"].Size() == g->entity_count());
  REQUIRE(doc["links"].Size() == g->relation_count());
  for (rapidjson::SizeType i = 0; i < doc["nodes"].Size(); ++i) {
    CHECK(doc["nodes"][i]["name"].GetString() == g->entity(i)->name);
  }
  CHECK(doc["multigraph"].GetBool());
}

TEST_CASE("svg without Graphviz says how to install it") {
  const char* old = std::getenv("PATH");
  const std::string saved = old ? old : "";
  setenv("PATH", "/nonexistent", 1);
  const Result<std::string> svg = RenderSvg("digraph {}");
  setenv("PATH", saved.c_str(), 1);
  CHECK_FALSE(svg.ok());
  CHECK(svg.status().kind() == Status::Kind::kUnsupported);
  CHECK(svg.status().message().find("sudo apt-get install graphviz") != std::string::npos);
}
