#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <string>

#include "io/duplicate_check.h"
#include "model/date.h"
#include "text/edit_distance.h"
#include "text/unicode.h"

using namespace casegraph;

TEST_CASE("names are alike under case, accents, whitespace, punctuation and a trailing abbreviation") {
  CHECK(LooseNameKey("Roskomnadzor (RKN)") == LooseNameKey("roskomnadzor"));
  CHECK(LooseNameKey("Commission  européenne") == LooseNameKey("COMMISSION EUROPEENNE"));
  CHECK(LooseNameKey("Jean-Luc O’Brien") == LooseNameKey("jean luc obrien"));
  CHECK(LooseNameKey("U.S. Department of Justice") == LooseNameKey("US Department of Justice"));
  CHECK(LooseNameKey("Роскомнадзор (РКН)") == LooseNameKey("роскомнадзор"));
  CHECK(LooseNameKey("(RKN)") == "rkn");  // nothing before it: the parenthesis is the name
  CHECK(LooseNameKey("Federal Service (for Supervision of Communications)") != LooseNameKey("Federal Service"));
}

namespace {

// Which entity pairs the rules of FindNearDuplicates name, every pair of names compared: each
// entity with the earliest entity it is alike.
std::set<std::pair<std::string, std::string>> BruteForcePairs(const Case& c) {
  auto digits = [](const std::string& s) {
    std::string d;
    for (char ch : s) {
      if (ch >= '0' && ch <= '9') d += ch;
    }
    return d;
  };
  struct Key {
    std::string key, digits;
    size_t length;
  };
  std::vector<std::vector<Key>> keys(c.entities.size());  // each entity's names' keys
  for (size_t i = 0; i < c.entities.size(); ++i) {
    std::vector<std::string> names{c.entities[i].name};
    names.insert(names.end(), c.entities[i].aliases.begin(), c.entities[i].aliases.end());
    for (const std::string& n : names) {
      const std::string k = LooseNameKey(n);
      if (!k.empty()) keys[i].push_back({k, digits(k), CountCodePoints(k)});
    }
  }
  std::set<std::pair<std::string, std::string>> out;
  for (size_t j = 0; j < c.entities.size(); ++j) {
    for (size_t i = 0; i < j; ++i) {
      bool alike = false;
      for (const Key& x : keys[i]) {
        for (const Key& y : keys[j]) {
          if (x.key == y.key) alike = true;
          if (x.length >= 5 && y.length >= 5 && x.digits == y.digits && EditDistance(x.key, y.key, 1) <= 1) alike = true;
        }
      }
      if (alike) {
        out.insert({c.entities[j].id, c.entities[i].id});
        break;
      }
    }
  }
  return out;
}

std::string RandomName(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {"a", "b", "é", "E", "-", " ", "'", "1", "2", "ab", "ba", "ó", "(x)"};
  std::string s;
  for (int k = std::uniform_int_distribution<int>(2, 9)(rng); k > 0; --k) {
    s += pieces[std::uniform_int_distribution<size_t>(0, pieces.size() - 1)(rng)];
  }
  return s;
}

}  // namespace

TEST_CASE("near-duplicate entities are the pairs that brute force finds (random names)") {
  std::mt19937 rng(16);
  for (int round = 0; round < 62; ++round) {
    Case c;
    // The last two rounds have enough names (over 4,096) for the search to share its work
    // between two threads.
    const int n = round >= 60 ? 2400 : std::uniform_int_distribution<int>(2, 40)(rng);
    for (int i = 0; i < n; ++i) {
      Entity e;
      e.id = "e";
      e.id += std::to_string(i);
      e.name = RandomName(rng);
      for (int k = std::uniform_int_distribution<int>(0, 2)(rng); k > 0; --k) e.aliases.push_back(RandomName(rng));
      e.where = Location{"f.json", i + 1, 1};
      c.entities.push_back(e);
    }
    std::set<std::pair<std::string, std::string>> found;
    const Diagnostics diagnostics = FindNearDuplicates(c);
    // The same warnings, word for word, from one run to the next (the threads' shares are joined
    // by one rule).
    std::vector<std::string> messages, again;
    for (const Diagnostic& d : diagnostics) messages.push_back(d.message);
    for (const Diagnostic& d : FindNearDuplicates(c)) again.push_back(d.message);
    CHECK(messages == again);
    for (const Diagnostic& d : diagnostics) {
      CHECK_FALSE(d.IsError());
      const size_t first = d.message.find('\'');
      const size_t second = d.message.find('\'', first + 1);
      const size_t third = d.message.find('\'', second + 1);
      const size_t fourth = d.message.find('\'', third + 1);
      found.insert({d.message.substr(first + 1, second - first - 1), d.message.substr(third + 1, fourth - third - 1)});
    }
    CHECK(found == BruteForcePairs(c));
  }
}

TEST_CASE("repeated relations: same type, ends and dates, undated ones only with the same evidence") {
  Case c;
  c.vocabulary.relation_types["met"] = RelationType{"met", "met", "met", true, "", {}};
  auto relation = [&](std::string id, std::string type, std::string from, std::string to, const char* date) {
    Relation r;
    r.id = std::move(id);
    r.type = std::move(type);
    r.from = std::move(from);
    r.to = std::move(to);
    if (date) r.date = ParseDate(date).value();
    r.where = Location{"f.json", static_cast<int>(c.relations.size()) + 1, 1};
    c.relations.push_back(r);
  };
  relation("r1", "fined", "a", "b", "2018-07-18");
  relation("r2", "fined", "b", "a", "2018-07-18");   // other way round: another relation
  relation("r3", "fined", "a", "b", "2018-07-18");   // repeats r1
  relation("r4", "met", "a", "b", "2019-01-02");
  relation("r5", "met", "b", "a", "2019-01-02");     // symmetric: repeats r4
  relation("r6", "accuses", "a", "b", nullptr);
  relation("r7", "accuses", "a", "b", nullptr);      // undated, no evidence either: repeats r6
  c.relations.back().evidence.push_back({"s", "another claim", "", {}, {}, {}});
  relation("r8", "accuses", "a", "b", nullptr);      // same as r6: repeats it
  Diagnostics d = FindNearDuplicates(c);
  REQUIRE(d.size() == 3);
  CHECK(d[0].message.rfind("relation 'r3' probably repeats relation 'r1' (f.json:1:1)", 0) == 0);
  CHECK(d[1].message.rfind("relation 'r5' probably repeats relation 'r4' (f.json:4:1)", 0) == 0);
  CHECK(d[2].message.rfind("relation 'r8' probably repeats relation 'r6' (f.json:6:1)", 0) == 0);
}
