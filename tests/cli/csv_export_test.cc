// casegraph reads its own CSV export back (-g DIR) into the same graph; a damaged export is
// reported at its row.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli_support.h"

using casegraph::testing::RunCli;
namespace fs = std::filesystem;

namespace {

fs::path Scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("casegraph-csv-export-" + name);
  fs::remove_all(dir);
  return dir;
}

}  // namespace

TEST_CASE("the CSV export reads back into the same graph (diff finds no change)") {
  const std::string root = CASEGRAPH_SOURCE_DIR;
  int n = 0;
  for (const char* graph : {"graphs", "tests/data/hostile/hostile.json", "tests/data/hostile/mermaid.json", "tests/data/statuses",
                            "tests/data/ftm/de-bundestag-parteispenden.ftm.json",
                            "tests/data/ftm/opensanctions-zala-cluster.ftm.json"}) {
    INFO(graph);
    const fs::path dir = Scratch(std::to_string(n++));
    const std::string path = root + "/" + graph;
    REQUIRE(RunCli({"-g", path, "export", "--to", "csv", "-o", dir.string()}).status == 0);
    for (const char* f : {"nodes.csv", "relationships.csv", "case.json", "kuzu.cypher", "neo4j-import.sh"}) {
      CHECK(fs::exists(dir / f));
    }
    const auto diff = RunCli({"diff", path, dir.string()});
    CHECK(diff.status == 0);
    CHECK(diff.out == "");
    CHECK(diff.err == "");
    const auto before = RunCli({"-g", path, "stats", "--format", "json"});
    const auto after = RunCli({"-g", dir.string(), "stats", "--format", "json"});
    // The same entities, relations, statuses and types; files and titles may differ.
    for (const char* key : {"\"entities\"", "\"relations\"", "\"statuses\"", "\"relation_types\""}) {
      const auto slice = [&](const std::string& s) { return s.substr(s.find(key), 60); };
      CHECK(slice(before.out) == slice(after.out));
    }
    fs::remove_all(dir);
  }
}

TEST_CASE("a damaged CSV export is reported at its row, and nothing is loaded") {
  const fs::path dir = Scratch("damaged");
  REQUIRE(RunCli({"-g", std::string(CASEGRAPH_SOURCE_DIR) + "/graphs", "export", "--to", "csv", "-o", dir.string()}).status == 0);
  std::ifstream in(dir / "relationships.csv");
  std::stringstream text;
  text << in.rdbuf();
  in.close();
  std::string csv = text.str();
  // The third line's relation: an impossible date and an unknown status.
  size_t line3 = csv.find('\n', csv.find('\n') + 1) + 1;
  const size_t comma = [&] {
    size_t at = line3;
    for (int k = 0; k < 5; ++k) at = csv.find(',', at) + 1;
    return at;
  }();
  csv.insert(comma, "2021-02-30");
  std::ofstream(dir / "relationships.csv") << csv;
  const auto run = RunCli({"-g", dir.string(), "stats"});
  CHECK(run.status == 2);
  CHECK(run.out.empty());
  CHECK(run.err.find("relationships.csv:3:1: error: invalid date '2021-02-30") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("export --to html without Graphviz says so, and writes nothing") {
  const fs::path dir = Scratch("html-without-dot");
  fs::create_directories(dir);
  const char* old = std::getenv("PATH");
  const std::string saved = old ? old : "";
  setenv("PATH", "/nonexistent", 1);
  const auto run = RunCli({"-g", std::string(CASEGRAPH_SOURCE_DIR) + "/graphs", "export", "--to", "html", "-o",
                           (dir / "case.html").string()});
  setenv("PATH", saved.c_str(), 1);
  CHECK(run.status == 2);
  CHECK(run.err.find("--to svg and html need Graphviz's dot") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "case.html"));
  fs::remove_all(dir);
}
