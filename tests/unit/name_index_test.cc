#include <catch2/catch.hpp>

#include <random>

#include "test_support.h"
#include "text/edit_distance.h"
#include "text/unicode.h"

using namespace casegraph;
using casegraph::testing::GraphFromTexts;

namespace {

const char* kPeople = R"({ "casegraph": 1, "entities": [
  { "id": "roskomnadzor", "name": "Roskomnadzor", "type": "regulator", "aliases": ["RKN", "Роскомнадзор"] },
  { "id": "navalny", "name": "Alexei Navalny", "type": "person", "aliases": ["Алексей Навальный"] },
  { "id": "s1", "name": "J. Smith", "type": "person", "aliases": ["Smith"] },
  { "id": "s2", "name": "K. Smith", "type": "person", "aliases": ["SMITH"] },
  { "id": "Ab", "name": "Lower", "type": "person" },
  { "id": "ab", "name": "Upper", "type": "person" }
] })";

}  // namespace

TEST_CASE("names resolve by id, name or alias, in any case and script") {
  auto g = GraphFromTexts({{"p.json", kPeople}});
  for (const char* text : {"roskomnadzor", "Roskomnadzor", "ROSKOMNADZOR", "RKN", "rkn", "Роскомнадзор",
                           "роскомнадзор", "  Roskomnadzor  "}) {
    INFO(text);
    Resolution r = g->names().Resolve(text);
    REQUIRE(r.kind == Resolution::Kind::kFound);
    CHECK(g->entity(r.entity)->id == "roskomnadzor");
  }
  CHECK(g->entity(g->names().Resolve("алексей навальный").entity)->id == "navalny");
  CHECK(g->entity(g->names().Resolve("Navalny").entity)->id == "navalny");
}

TEST_CASE("an exact id wins over a case-insensitive match") {
  auto g = GraphFromTexts({{"p.json", kPeople}});
  CHECK(g->entity(g->names().Resolve("Ab").entity)->name == "Lower");
  CHECK(g->entity(g->names().Resolve("ab").entity)->name == "Upper");
  CHECK(g->names().Resolve("AB").kind == Resolution::Kind::kAmbiguous);
}

TEST_CASE("ambiguous names list every candidate, unknown names get suggestions") {
  auto g = GraphFromTexts({{"p.json", kPeople}});
  Resolution r = g->names().Resolve("smith");
  REQUIRE(r.kind == Resolution::Kind::kAmbiguous);
  CHECK(ResolutionMessage("smith", r, *g) ==
        "'smith' is ambiguous: s1 (J. Smith), s2 (K. Smith); use an id");
  r = g->names().Resolve("Roskomnadzr");
  REQUIRE(r.kind == Resolution::Kind::kUnknown);
  CHECK(ResolutionMessage("Roskomnadzr", r, *g) ==
        "unknown entity 'Roskomnadzr'; did you mean 'Roskomnadzor' (roskomnadzor)?");
  r = g->names().Resolve("Навальны");
  REQUIRE(r.candidates.size() >= 1);
  CHECK(g->entity(r.candidates[0])->id == "navalny");
  CHECK(g->names().Resolve("zzzzzzzz").candidates.empty());
}

TEST_CASE("find ranks exact, prefix, word-start and substring matches") {
  auto g = GraphFromTexts({{"p.json", kPeople}});
  auto matches = g->names().Find("smith");
  REQUIRE(matches.size() == 2);
  CHECK(matches[0].rank == 0);
  matches = g->names().Find("nav");
  REQUIRE(matches.size() == 1);
  CHECK(matches[0].rank == 1);
  matches = g->names().Find("naval");
  CHECK(matches[0].matched == "navalny");
  matches = g->names().Find("komnad");
  REQUIRE(matches.size() == 1);
  CHECK(matches[0].rank == 3);
  CHECK(g->names().Find("qqq").empty());
}

TEST_CASE("name keys: NFC, case folding, plain apostrophes, collapsed spaces") {
  CHECK(NameKey("Russia’s  Board") == NameKey("russia's board"));
  CHECK(NameKey("Cafe\xCC\x81") == NameKey("Caf\xC3\xA9"));  // decomposed and composed é
  CHECK(NameKey("ПУТИН") == NameKey("путин"));
  CHECK(NameKey("Straße") == NameKey("STRASSE"));
}

TEST_CASE("name keys of ASCII text agree with the Unicode path (random strings of every ASCII byte)") {
  std::mt19937 rng(11);
  // Every ASCII byte, and an alphabet heavy in what the keys treat specially: spaces, case,
  // apostrophes, full stops, parentheses.
  const std::string special = " \t\n\r\f\vAaZz09'.()-/_,";
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const size_t length = rng() % 24;
    for (size_t i = 0; i < length; ++i) {
      s += round % 2 ? static_cast<char>(rng() % 128) : special[rng() % special.size()];
    }
    INFO("text: " << s);
    CHECK(NameKey(s) == internal::UnicodeNameKey(s));
    CHECK(LooseNameKey(s) == internal::UnicodeLooseNameKey(s));
  }
}

TEST_CASE("edit distance counts characters") {
  CHECK(EditDistance("kitten", "sitting", 10) == 3);
  CHECK(EditDistance("Путин", "Путен", 10) == 1);
  CHECK(EditDistance("", "abc", 10) == 3);
  CHECK(EditDistance("abcdef", "zzzzzz", 2) == 3);  // stops early above the limit
}

TEST_CASE("quote matching normalises whitespace, typographic quotes and dashes") {
  CHECK(NormalizeForQuoteMatch("“Let us be clear – we”\n  said") == "\"Let us be clear - we\" said");
  CHECK(NormalizeForQuoteMatch("Russia’s") == "Russia's");
}
