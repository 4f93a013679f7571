#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "test_support.h"

using namespace casegraph;
using casegraph::testing::DiagnosticsOf;
using casegraph::testing::GraphFromTexts;

TEST_CASE("the same entity in two files is merged: aliases and attributes united") {
  auto g = GraphFromTexts({
      {"a.json", R"({ "casegraph": 1, "entities": [ { "id": "p", "name": "P", "type": "person", "aliases": ["x"],
                      "attributes": { "k": 1 } } ] })"},
      {"b.json", R"({ "casegraph": 1, "entities": [ { "id": "p", "name": "P", "type": "person", "aliases": ["y", "x"],
                      "description": "d", "attributes": { "k": 1, "m": "v" } } ] })"},
  });
  REQUIRE(g->entity_count() == 1);
  CHECK(g->entity(0)->aliases == std::vector<std::string>{"x", "y"});
  CHECK(g->entity(0)->attributes.size() == 2);
  CHECK(g->entity(0)->description == "d");
}

TEST_CASE("relations may reference entities and types defined in another file") {
  auto g = GraphFromTexts({
      {"a.json", R"({ "casegraph": 1, "relations": [ { "type": "ally", "from": "p", "to": "q" } ] })"},
      {"b.json", R"({ "casegraph": 1,
          "vocabulary": { "relation_types": { "ally": { "label": "allied with", "symmetric": true } } },
          "entities": [ { "id": "p", "name": "P", "type": "t" }, { "id": "q", "name": "Q", "type": "t" } ] })"},
  });
  CHECK(g->relation_count() == 1);
  CHECK(g->is_symmetric(g->relation_type(0)));
}

TEST_CASE("a CSV mention yields to the entity's definition in any file") {
  auto g = GraphFromTexts({
      {"e.csv", "from,to\np,q\n"},
      {"b.json", R"({ "casegraph": 1, "entities": [ { "id": "q", "name": "Queen", "type": "person" } ] })"},
  });
  REQUIRE(g->entity_count() == 2);
  // Entities defined in case files come first, then those named only in CSV files.
  CHECK(g->entity(0)->name == "Queen");
  CHECK(g->entity(1)->type == "unknown");
  CHECK(g->entity(1)->id == "p");
  CHECK(g->relation(0)->to == "q");
}

TEST_CASE("a graph with errors is never half-loaded") {
  casegraph::testing::Loaded r = casegraph::testing::LoadTexts({
      {"a.json", R"({ "casegraph": 1, "entities": [ { "id": "p", "name": "P", "type": "t" } ] })"},
      {"b.json", R"({ "casegraph": 1, "relations": [ { "type": "cites", "from": "p", "to": "nobody" } ] })"},
  });
  CHECK_FALSE(r.loaded);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(FormatDiagnostic(r.diagnostics[0]) == "b.json:1:72: error: unknown entity 'nobody'");
}

TEST_CASE("diagnostics come in file order, then line and column") {
  auto d = DiagnosticsOf({
      {"z.json", "{ \"casegraph\": 1,\n \"bad\": 1 }"},
      {"a.json", "{ \"casegraph\": 3 }"},
  });
  REQUIRE(d.size() == 2);
  CHECK(d[0] == "z.json:2:2: error: unknown key 'bad' in the case file (expected one of: casegraph, title, "
                "vocabulary, sources, entities, relations)");
  CHECK(d[1] == "a.json:1:16: error: unsupported format version 3 (this casegraph reads version 1)");
}

TEST_CASE("a file's vocabulary may relabel a built-in type, but two files may not disagree") {
  auto g = GraphFromTexts({
      {"a.json", R"({ "casegraph": 1, "vocabulary": { "relation_types": { "lawsuit": { "label": "sues", "inverse": "is sued by" } } },
          "entities": [ { "id": "p", "name": "P", "type": "t" } ],
          "relations": [ { "type": "lawsuit", "from": "p", "to": "p" } ] })"},
  });
  CHECK(g->relation_type_info(g->relation_type(0)).label == "sues");
}

TEST_CASE("mapped files ending exactly at a page boundary, without a line break, read to their end") {
  // Files of 1 MB and more are mapped, not copied: nothing may read past their last byte (with
  // a whole number of pages, the byte after the end is usually not mapped at all).
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "casegraph-mapped-test";
  std::filesystem::create_directories(dir);
  const size_t page = 4096, size = (size_t{1} << 20) + 3 * page;
  // A CSV file: rows, padded with a long last id so that the file ends on the page boundary.
  std::string csv = "from,to,type\n";
  for (int i = 0; csv.size() < size - 100; ++i) {
    const std::string n = std::to_string(i);  // appended piece by piece (GCC 12 warns on long + chains)
    csv.append("a").append(n).append(",b").append(n).append(",x\n");
  }
  const std::string last_start = "z,";
  csv += last_start + std::string(size - csv.size() - last_start.size() - 2, 'y') + ",x";
  REQUIRE(csv.size() == size);
  // A case file ending in '}' on the boundary: entities, then a title that takes up the rest.
  std::string json = "{\"casegraph\": 1, \"entities\": [";
  for (int i = 0; json.size() < size - 5000; ++i) {
    const std::string n = std::to_string(i);
    json.append(i ? ", " : "").append("{\"id\": \"e").append(n).append("\", \"name\": \"E\", \"type\": \"t\"}");
  }
  json += "], \"title\": \"";
  const size_t title = size - json.size() - 2;
  json += std::string(title, 'T') + "\"}";
  REQUIRE(json.size() == size);
  for (const auto& [name, text] : {std::pair{"edges.csv", csv}, std::pair{"case.json", json}}) {
    std::ofstream(dir / name, std::ios::binary) << text;
  }
  casegraph::testing::Loaded r = casegraph::testing::Load({(dir / "edges.csv").string(), (dir / "case.json").string()});
  for (const Diagnostic& d : r.diagnostics) UNSCOPED_INFO(FormatDiagnostic(d));
  REQUIRE(r.loaded);
  CHECK(r.loaded->titles.size() == 1);
  CHECK(r.loaded->titles[0].size() == title);
  CHECK(r.loaded->edges.row_id(r.loaded->edges.size() - 1) == "edges#" + std::to_string(r.loaded->edges.size()));
  const auto g = Graph::Build(std::move(*r.loaded));
  CHECK(g->FindEntity(std::string(size - csv.rfind("z,") - 4, 'y')));
  std::filesystem::remove_all(dir);
}

TEST_CASE("a large case's references, looked up by two threads, are each reported once, at their place") {
  // 70,000 relations (enough for two threads), one a line; broken references in both halves.
  std::string text = R"({ "casegraph": 1, "sources": [ { "id": "s1", "title": "S" } ], "entities": [)" "\n";
  for (int i = 0; i < 100; ++i) {
    text += std::string(i ? "," : "") + R"({ "id": "p)" + std::to_string(i) + R"(", "name": "Person )" +
            std::to_string(i) + R"(", "type": "person" })" + "\n";
  }
  text += R"(], "relations": [)" "\n";  // relation k is on line 103 + k
  for (int k = 0; k < 70000; ++k) {
    std::string from = "p" + std::to_string(k % 100), to = "p" + std::to_string((k * 7 + 3) % 100), type = "lawsuit";
    std::string source = "s1";
    if (k == 10) to = "zzqx-nobody";
    if (k == 50000) type = "qqqq-unknown-type";
    if (k == 60000) from = "zzqx-somebody";
    if (k == 69000) source = "qqqq-no-source";
    text += std::string(k ? "," : "") + R"({ "type": ")" + type + R"(", "from": ")" + from + R"(", "to": ")" + to +
            R"(", "evidence": [ { "source": ")" + source + R"(", "locator": "record )" + std::to_string(k) + R"(" } ] })" + "\n";
  }
  text += "] }\n";
  casegraph::testing::Loaded r = casegraph::testing::LoadTexts({{"big.json", text}});
  CHECK_FALSE(r.loaded);
  std::vector<std::string> got;
  for (const Diagnostic& d : r.diagnostics) got.push_back(FormatDiagnostic(d));
  REQUIRE(got.size() == 4);
  CHECK(got[0].rfind("big.json:113:", 0) == 0);
  CHECK(got[0].find("error: unknown entity 'zzqx-nobody'") != std::string::npos);
  CHECK(got[1].rfind("big.json:50103:", 0) == 0);
  CHECK(got[1].find("error: unknown relation type 'qqqq-unknown-type'") != std::string::npos);
  CHECK(got[2].rfind("big.json:60103:", 0) == 0);
  CHECK(got[2].find("error: unknown entity 'zzqx-somebody'") != std::string::npos);
  CHECK(got[3].rfind("big.json:69103:", 0) == 0);
  CHECK(got[3].find("error: unknown source 'qqqq-no-source'") != std::string::npos);
}
