// fmt: canonical form is lossless and idempotent on every test graph; a file that does not load
// is never rewritten.
#include <catch2/catch.hpp>


#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "cli/context.h"
#include "io/case_reader.h"
#include "io/case_writer.h"
#include "io/source_text.h"
#include "test_support.h"

using namespace casegraph;
namespace fs = std::filesystem;

namespace {

const std::string kRoot = CASEGRAPH_SOURCE_DIR;

// Every JSON case file the tests use: the bundled graphs, the test data, and the `---- file`
// sections of the command-line cases.
std::vector<std::pair<std::string, std::string>> TestCaseFiles() {
  std::vector<std::pair<std::string, std::string>> files;
  std::string error;
  for (const char* dir : {"graphs", "tests/data/hostile"}) {
    for (const auto& entry : fs::directory_iterator(kRoot + "/" + dir)) {
      const std::string path = entry.path().string();
      if (path.size() > 5 && path.substr(path.size() - 5) == ".json") files.emplace_back(path, *ReadFileBytes(path, &error));
    }
  }
  const std::regex section(R"(---- file ([^\n]*\.json)\n)");
  for (const auto& entry : fs::directory_iterator(kRoot + "/tests/cases")) {
    const std::string text = *ReadFileBytes(entry.path().string(), &error);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), section); it != std::sregex_iterator(); ++it) {
      const size_t start = static_cast<size_t>(it->position() + it->length());
      size_t end = text.find("\n---- ", start);
      end = end == std::string::npos ? text.size() : end + 1;
      files.emplace_back(entry.path().filename().string() + ":" + (*it)[1].str(), text.substr(start, end - start));
    }
  }
  return files;
}

// Everything a case file says, written out with every field (locations aside).
std::string Everything(const CaseFile& f) {
  std::ostringstream out;
  out << f.title << "|";
  for (const auto& [id, t] : f.vocabulary.entity_types) out << id << t.label << t.color << t.shape << "|";
  for (const auto& [id, t] : f.vocabulary.relation_types) out << id << t.label << t.inverse << t.symmetric << t.color << "|";
  for (const Source& s : f.sources) out << s.id << s.title << s.publisher << s.url << s.file << (s.date ? s.date->text : "") << "|";
  auto attributes = [&](const Attributes& a) {
    for (const auto& [k, v] : a) out << k << "=" << static_cast<int>(v.kind) << v.text << ";";
  };
  for (const Entity& e : f.entities) {
    out << e.id << e.name << e.type << e.description;
    for (const std::string& a : e.aliases) out << a << ",";
    attributes(e.attributes);
    out << "|";
  }
  for (const Relation& r : f.relations) {
    out << r.id << r.id_given << r.type << r.from << r.to << (r.date ? r.date->text : "-") << (r.start ? r.start->text : "-")
        << (r.end ? r.end->text : "-") << StatusName(r.status) << r.weight;
    attributes(r.attributes);
    for (const Evidence& e : r.evidence) out << e.source << e.quote << e.locator << ",";
    out << "|";
  }
  return out.str();
}

}  // namespace

TEST_CASE("fmt is lossless and idempotent on every test graph") {
  size_t formatted = 0;
  for (const auto& [name, text] : TestCaseFiles()) {
    Diagnostics d;
    const CaseFile original = ReadCaseFile(SourceText(name, text), &d);
    if (ErrorCount(d) > 0) continue;  // bad-input cases: fmt leaves them alone (tested below)
    INFO(name);
    const std::string canonical = WriteCaseFile(original);
    Diagnostics again;
    const CaseFile reread = ReadCaseFile(SourceText(name, canonical), &again);
    REQUIRE(again.empty());
    CHECK(Everything(reread) == Everything(original));
    CHECK(WriteCaseFile(reread) == canonical);
    ++formatted;
  }
  CHECK(formatted >= 10);
}

TEST_CASE("fmt rewrites a file in place and leaves a broken one untouched") {
  const fs::path dir = fs::temp_directory_path() / "casegraph-fmt-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string messy = "{\"entities\":[{\"type\":\"person\",\"name\":\"A\",\"id\":\"a\"}],\"casegraph\":1}";
  const std::string broken = "{\"casegraph\": 1, \"entities\": [ { \"id\": \"a\" } ]}";
  std::ofstream(dir / "messy.json") << messy;
  std::ofstream(dir / "broken.json") << broken;
  auto run = [&](const std::vector<std::string>& args, std::string* out) {
    const casegraph::testing::CliRun r = casegraph::testing::RunCli(args);
    *out = r.out + r.err;
    return r.status;
  };
  std::string output, error;
  CHECK(run({"fmt", "--check", (dir / "messy.json").string()}, &output) == 1);
  CHECK(*ReadFileBytes((dir / "messy.json").string(), &error) == messy);  // --check changes nothing
  CHECK(run({"fmt", (dir / "messy.json").string(), (dir / "broken.json").string()}, &output) == 2);
  CHECK(output.find("broken.json left as it is") != std::string::npos);
  CHECK(*ReadFileBytes((dir / "broken.json").string(), &error) == broken);
  const std::string formatted = *ReadFileBytes((dir / "messy.json").string(), &error);
  CHECK(formatted ==
        "{\n  \"casegraph\": 1,\n  \"entities\": [\n    {\n      \"id\": \"a\",\n      \"name\": \"A\",\n"
        "      \"type\": \"person\"\n    }\n  ]\n}\n");
  CHECK(run({"fmt", "--check", (dir / "messy.json").string()}, &output) == 0);
  // No temporary files are left behind.
  size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++entries;
  CHECK(entries == 2);
  fs::remove_all(dir);
}
