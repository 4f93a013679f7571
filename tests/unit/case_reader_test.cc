#include <catch2/catch.hpp>
#include <random>

#include "io/case_reader.h"
#include "io/csv_reader.h"
#include "test_support.h"

using namespace casegraph;

namespace {

CaseFile Read(const std::string& text, Diagnostics* d, const std::string& name = "dir/case.json") {
  return ReadCaseFile(SourceText(name, text), d);
}

}  // namespace

TEST_CASE("a complete case file is read with every field") {
  Diagnostics d;
  CaseFile f = Read(R"({
  "casegraph": 1, "title": "T",
  "vocabulary": { "entity_types": { "court": { "label": "Court", "shape": "box" } },
                  "relation_types": { "ally": { "label": "allied with", "symmetric": true } } },
  "sources": [ { "id": "s", "title": "S", "publisher": "P", "date": "2021-03", "url": "u", "file": "s.txt" } ],
  "entities": [ { "id": "a", "name": "A", "type": "court", "aliases": ["Á"], "description": "D",
                  "attributes": { "n": 1.50, "b": false, "z": null, "s": "x" } } ],
  "relations": [ { "type": "ally", "from": "a", "to": "a", "start": "2020", "status": "fact", "weight": 2.5,
                   "evidence": [ { "source": "s", "quote": "q", "locator": "p. 2" } ] },
                 { "id": "r2", "type": "ally", "from": "a", "to": "a" } ]
})", &d);
  for (const Diagnostic& x : d) UNSCOPED_INFO(FormatDiagnostic(x));
  REQUIRE(d.empty());
  CHECK(f.title == "T");
  CHECK(f.vocabulary.entity_types.at("court").shape == "box");
  CHECK(f.vocabulary.relation_types.at("ally").inverse == "allied with");
  REQUIRE(f.sources.size() == 1);
  CHECK(f.sources[0].resolved_file == "dir/s.txt");
  CHECK(f.sources[0].date->text == "2021-03");
  REQUIRE(f.entities.size() == 1);
  CHECK(f.entities[0].aliases == std::vector<std::string>{"Á"});
  CHECK(f.entities[0].attributes.at("n").text == "1.50");
  CHECK(f.entities[0].attributes.at("n").kind == AttributeValue::Kind::kNumber);
  CHECK(f.entities[0].attributes.at("z").kind == AttributeValue::Kind::kNull);
  REQUIRE(f.relations.size() == 2);
  CHECK(f.relations[0].id == "case#1");
  CHECK(f.relations[0].status == ClaimStatus::kFact);
  CHECK(f.relations[0].weight == 2.5);
  CHECK(f.relations[0].start->text == "2020");
  CHECK_FALSE(f.relations[0].end);
  CHECK(f.relations[0].evidence[0].locator == "p. 2");
  CHECK(f.relations[1].id == "r2");
  CHECK(f.relations[1].status == ClaimStatus::kReported);
  CHECK(f.relations[1].weight == 1.0);
}

TEST_CASE("relations without an id are numbered from 1 after the file stem") {
  CHECK(ImpliedRelationId("graphs/russia.json", 3) == "russia#3");
  CHECK(ImpliedRelationId("edges.csv", 1) == "edges#1");
  CHECK(ImpliedRelationId("x", 2) == "x#2");
}

TEST_CASE("the reader reports every problem, not only the first") {
  Diagnostics d;
  Read(R"({ "casegraph": 1, "entities": [ { "id": "a" }, { "id": "b", "name": "B", "type": "t", "extra": 1 } ],
  "relations": [ { "type": "x", "from": "a", "to": "b", "date": "2021-02-30", "weight": -1 } ] })", &d);
  CHECK(d.size() == 5);
}

TEST_CASE("read in pieces, a case file still says only its syntax error when it has one") {
  // The relations are read one by one as the parser goes; the first one's problems must not be
  // reported when the file turns out not to be JSON further on.
  Diagnostics d;
  CaseFile f = Read("{ \"casegraph\": 1, \"relations\": [ { \"type\": \"x\", \"from\": \"a\" },\n"
                    "  { \"type\": \"x\" \"from\": \"a\", \"to\": \"b\" } ] }",
                    &d);
  REQUIRE(d.size() == 1);
  CHECK(FormatDiagnostic(d[0]) ==
        "dir/case.json:2:17: error: invalid JSON: missing a comma or '}' after an object member");
  CHECK(f.unreadable);
  CHECK(f.relations.empty());
}

TEST_CASE("top-level keys: the first of a duplicate counts, in whatever order they come") {
  Diagnostics d;
  CaseFile f = Read(R"({ "relations": [ { "type": "x", "from": "a", "to": "b" } ], "title": "T", "casegraph": 1,
  "relations": [ { "type": "y", "from": "a", "to": "b" }, 3 ], "extra": 1 })", &d);
  REQUIRE(d.size() == 2);
  CHECK(FormatDiagnostic(d[0]) == "dir/case.json:2:3: error: duplicate key 'relations' (first at dir/case.json:1:3)");
  CHECK(FormatDiagnostic(d[1]) ==
        "dir/case.json:2:64: error: unknown key 'extra' in the case file (expected one of: casegraph, title, "
        "vocabulary, sources, entities, relations)");
  REQUIRE(f.relations.size() == 1);
  CHECK(f.relations[0].type == "x");
  CHECK(f.title == "T");

  d.clear();
  Read(R"({ "title": "T", "relations": [ 1, { "type": "x", "from": "a" } ] })", &d);
  REQUIRE(d.size() == 3);
  CHECK(FormatDiagnostic(d[0]) == "dir/case.json:1:1: error: missing required key 'casegraph' (the format version, 1)");
  CHECK(FormatDiagnostic(d[1]) == "dir/case.json:1:32: error: each of 'relations' must be an object (a relation), not a number");
  CHECK(FormatDiagnostic(d[2]) == "dir/case.json:1:35: error: relation is missing required key 'to'");
}

TEST_CASE("CSV edge files: quoting, defaults, implicit entities") {
  Diagnostics d;
  CaseFile f = ReadCsvEdges(SourceText("e.csv", "to,from,type,weight\r\n\"b\",\"a\",\"x\",0.5\r\n\r\nc,a,,\n"), &d);
  for (const Diagnostic& x : d) UNSCOPED_INFO(FormatDiagnostic(x));
  REQUIRE(d.empty());
  REQUIRE(f.relations.size() == 2);
  CHECK(f.relations[0].from == "a");
  CHECK(f.relations[0].to == "b");
  CHECK(f.relations[0].weight == 0.5);
  CHECK(f.relations[1].type == "related");
  CHECK(f.relations[1].id == "e#2");
  REQUIRE(f.entities.size() == 3);
  CHECK(f.entities[0].implicit);
  CHECK(f.entities[0].type == "unknown");
  CHECK(f.implies_relation_types);
}

TEST_CASE("CSV errors name line and column") {
  Diagnostics d;
  ReadCsvEdges(SourceText("e.csv", "from,to,date\na,b,2021-02-30\n"), &d);
  REQUIRE(d.size() == 1);
  CHECK(FormatDiagnostic(d[0]) == "e.csv:2:5: error: invalid date '2021-02-30': February 2021 has 28 days");
}

TEST_CASE("source locations: line and column of any offset, in any order of asking") {
  // Naive: count lines and code points from the start for every offset.
  std::mt19937 rng(9);
  const std::vector<std::string> pieces = {"a", "\n", "é", "\xEF\xBB\xBF", "ж", " ", "\r\n", "{"};
  for (int round = 0; round < 50; ++round) {
    std::string text = round % 2 ? "\xEF\xBB\xBF" : "";
    for (int i = 0; i < 60; ++i) text += pieces[rng() % pieces.size()];
    SourceText source("t.json", text);
    for (int q = 0; q < 80; ++q) {
      size_t offset = rng() % (text.size() + 1);
      while (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) ++offset;
      auto [line, column] = testing::NaivePlace(text, offset);
      if (line == 1 && text.compare(0, 3, "\xEF\xBB\xBF") == 0 && offset >= 3) --column;
      const Location at = source.LocationAt(offset);
      INFO("round " << round << " offset " << offset);
      CHECK(at.line == line);
      CHECK(at.column == column);
    }
  }
}

TEST_CASE("a case file read on two threads reads as on one: items, places and problems") {
  // Relations and entities, some with problems (unknown keys, bad dates, not objects), in a
  // file large enough for many batches.
  std::mt19937 rng(7);
  std::string text = "{ \"casegraph\": 1,\n  \"entities\": [\n";
  for (int i = 0; i < 300; ++i) {
    text += std::string(i ? ",\n" : "") + "    { \"id\": \"e" + std::to_string(i) + "\", \"name\": \"Й " +
            std::to_string(i) + "\", \"type\": \"t\"" + (rng() % 17 == 0 ? ", \"nmae\": 1" : "") + " }";
  }
  text += "\n  ],\n  \"relations\": [\n";
  for (int i = 0; i < 3000; ++i) {
    if (i) text += ",\n";
    if (rng() % 101 == 0) {
      text += "    42";
      continue;
    }
    text += "    { \"type\": \"x\", \"from\": \"e" + std::to_string(rng() % 300) + "\", \"to\": \"e" +
            std::to_string(rng() % 300) + "\"";
    if (rng() % 3 == 0) text += ", \"date\": \"2021-0" + std::to_string(1 + rng() % 9) + "-3" + std::to_string(rng() % 2) + "\"";
    if (rng() % 5 == 0) text += ",\n      \"evidence\": [ { \"source\": \"s\", \"quote\": \"q\" }, { \"source\": \"s\" } ]";
    text += " }";
  }
  text += "\n  ]\n}\n";
  const SourceText one_source("big.json", text), two_source("big.json", text);
  JsonStreamOptions one, two;
  one.two_threads_from = text.size() + 1;
  two.two_threads_from = 0;
  two.batch_values = 7;
  Diagnostics d1, d2;
  const CaseFile f1 = ReadCaseFile(one_source, &d1, one);
  const CaseFile f2 = ReadCaseFile(two_source, &d2, two);
  CHECK(d1.size() > 20);
  REQUIRE(d1.size() == d2.size());
  for (size_t i = 0; i < d1.size(); ++i) CHECK(FormatDiagnostic(d1[i]) == FormatDiagnostic(d2[i]));
  REQUIRE(f1.entities.size() == f2.entities.size());
  REQUIRE(f1.relations.size() == f2.relations.size());
  for (size_t i = 0; i < f1.relations.size(); ++i) {
    const Relation &a = f1.relations[i], &b = f2.relations[i];
    CHECK(a.id == b.id);
    CHECK(a.from == b.from);
    CHECK(FormatLocation(a.to_where) == FormatLocation(b.to_where));
    CHECK(a.evidence.size() == b.evidence.size());
    if (!a.evidence.empty()) CHECK(FormatLocation(a.evidence.back().where) == FormatLocation(b.evidence.back().where));
  }
}
