#include <catch2/catch.hpp>

#include "io/case_reader.h"
#include "io/case_writer.h"
#include "io/ftm_reader.h"
#include "io/import.h"
#include "render/describe.h"
#include "io/file_bytes.h"
#include "test_support.h"

using namespace casegraph;

namespace {

const std::string kRoot = CASEGRAPH_SOURCE_DIR;

const char* kSmall =
    R"({"id": "p1", "schema": "Person", "caption": "Jane Roe", "properties": {"name": ["ROE, Jane", "Jane Roe"], "alias": ["J. R."], "nationality": ["de"], "addressEntity": ["addr-missing"]}, "datasets": ["test"]})"
    "\n\n"
    R"({"id": "c1", "schema": "Company", "properties": {"name": ["Acme GmbH"], "sourceUrl": ["https://example.org/acme"]}})"
    "\n"
    R"({"id": "o1", "schema": "Ownership", "properties": {"owner": ["p1"], "asset": ["c1", "c-missing"], "startDate": ["2019-05-01T00:00:00"], "percentage": ["51"]}, "datasets": ["test"]})"
    "\n"
    R"({"id": "pay1", "schema": "Payment", "properties": {"payer": ["c1"], "beneficiary": ["p1"], "date": ["2020-02-30"], "amountEur": ["1000"]}})"
    "\n";

}  // namespace

TEST_CASE("FollowTheMoney: things become entities, intervals relations, references warnings") {
  Diagnostics d;
  CaseFile f = ReadFtm(SourceText("x.ftm.json", kSmall), &d);
  REQUIRE(f.entities.size() == 2);
  const Entity& person = f.entities[0];
  CHECK(person.id == "p1");
  CHECK(person.type == "Person");
  CHECK(person.name == "Jane Roe");  // the caption first
  CHECK(person.aliases == std::vector<std::string>{"ROE, Jane", "J. R."});
  CHECK(person.attributes.at("nationality").text == "de");
  CHECK(person.attributes.at("datasets").text == "test");
  REQUIRE(f.relations.size() == 2);
  const Relation& own = f.relations[0];
  CHECK(own.type == "ownership");
  CHECK(own.from == "p1");
  CHECK(own.to == "c1");
  CHECK(own.start->text == "2019-05-01");
  CHECK(own.attributes.at("percentage").text == "51");
  CHECK(own.evidence[0].locator == "FollowTheMoney Ownership o1");
  CHECK(own.evidence[0].source == "dataset:test");
  const Relation& pay = f.relations[1];
  CHECK(pay.type == "payment");
  CHECK_FALSE(pay.date);  // an impossible date is left out, with a warning
  CHECK(pay.evidence[0].source == "file:x.ftm.json");  // no sourceUrl, no dataset: the file
  CHECK(f.vocabulary.relation_types.at("ownership").inverse == "owned by");
  std::vector<std::string> messages;
  for (const Diagnostic& x : d) messages.push_back(FormatDiagnostic(x));
  CHECK(messages == std::vector<std::string>{
                        "x.ftm.json:1:168: warning: Person.addressEntity refers to 'addr-missing', which is not in the input; skipped",
                        "x.ftm.json:4:85: warning: Ownership.asset refers to 'c-missing', which is not in the input; skipped",
                        "x.ftm.json:5:101: warning: date: invalid date '2020-02-30': February 2020 has 29 days; left out",
                    });
}

TEST_CASE("FollowTheMoney syntax errors are errors with their line") {
  Diagnostics d;
  ReadFtm(SourceText("x.ftm.jsonl", "{\"id\": \"a\", \"schema\": \"Person\"}\n{\"id\": \"b\",\n"), &d);
  REQUIRE(d.size() == 1);
  CHECK(d[0].IsError());
  CHECK(d[0].where.line == 2);
}

TEST_CASE("the real FollowTheMoney files load with the expected counts") {
  struct Expected {
    const char* file;
    size_t entities, relations, warnings;
  };
  for (const Expected& e : {Expected{"de-bundestag-parteispenden.ftm.json", 185, 394, 0},
                            Expected{"opensanctions-zala-cluster.ftm.json", 70, 74, 16},
                            Expected{"opensanctions-eu-fsf-sample.ftm.json", 7, 0, 2}}) {
    INFO(e.file);
    casegraph::testing::Loaded r = casegraph::testing::Load({kRoot + "/tests/data/ftm/" + e.file});
    REQUIRE(r.loaded);
    CHECK(r.loaded->entities.size() == e.entities);
    CHECK(r.loaded->relations.size() == e.relations);
    CHECK(r.diagnostics.size() == e.warnings);
  }
}

TEST_CASE("imports are self-contained case files that load to the same graph") {
  for (const char* file : {"tests/data/ftm/opensanctions-zala-cluster.ftm.json",
                           "tests/data/ftm/de-bundestag-parteispenden.ftm.json"}) {
    INFO(file);
    const std::string text = ReadFileBytes(kRoot + "/" + file).value();
    Diagnostics d;
    const std::string json = WriteCaseFile(ImportFile(ImportFormat::kFtm, file, text, &d));
    auto direct = casegraph::testing::GraphFromTexts({{"direct.ftm.json", text}});
    auto imported = casegraph::testing::GraphFromTexts({{"imported.json", json}});
    REQUIRE(imported->entity_count() == direct->entity_count());
    REQUIRE(imported->relation_count() == direct->relation_count());
    for (RelationId r = 0; r < direct->relation_count(); ++r) {
      CHECK(imported->relation(r)->id == direct->relation(r)->id);
      CHECK(imported->relation(r)->from == direct->relation(r)->from);
      CHECK(RelationDateText(*imported->relation(r)) == RelationDateText(*direct->relation(r)));
    }
  }
  Diagnostics d;
  const std::string csv = WriteCaseFile(ImportFile(ImportFormat::kCsv, "e.csv", "from,to,type\na,b,knows\n", &d));
  auto g = casegraph::testing::GraphFromTexts({{"e.json", csv}});
  CHECK(g->entity_count() == 2);
  CHECK(g->relation(0)->type == "knows");
}

TEST_CASE("the canonical writer loses nothing of the bundled case") {
  casegraph::testing::Loaded first = casegraph::testing::Load({kRoot + "/graphs/russia-twitter-2021.json"});
  REQUIRE(first.loaded);
  Diagnostics d;
  const std::string text = ReadFileBytes(kRoot + "/graphs/russia-twitter-2021.json").value();
  const CaseFile file = ReadCaseFile(SourceText("graphs/russia-twitter-2021.json", text), &d);
  const std::string written = WriteCaseFile(file);
  casegraph::testing::Loaded second = casegraph::testing::LoadTexts({{"graphs/russia-twitter-2021.json", written}});
  REQUIRE(second.loaded);
  const Case& a = *first.loaded;
  const Case& b = *second.loaded;
  REQUIRE(a.entities.size() == b.entities.size());
  REQUIRE(a.relations.size() == b.relations.size());
  for (size_t i = 0; i < a.entities.size(); ++i) {
    CHECK(a.entities[i].name == b.entities[i].name);
    CHECK(a.entities[i].aliases == b.entities[i].aliases);
    CHECK(a.entities[i].attributes.size() == b.entities[i].attributes.size());
  }
  for (size_t i = 0; i < a.relations.size(); ++i) {
    CHECK(a.relations[i].id == b.relations[i].id);
    CHECK(a.relations[i].weight == b.relations[i].weight);
    CHECK(a.relations[i].status == b.relations[i].status);
    CHECK(a.relations[i].evidence.size() == b.relations[i].evidence.size());
    CHECK(a.relations[i].evidence[0].quote == b.relations[i].evidence[0].quote);
  }
  CHECK(WriteCaseFile(ReadCaseFile(SourceText("again.json", written), &d)) == written);  // idempotent
}
