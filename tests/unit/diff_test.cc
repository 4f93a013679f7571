#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <set>

#include "query/diff.h"
#include "test_support.h"

using namespace casegraph;

namespace {

Case BaseCase(std::mt19937& rng, int n, int m) {
  Case c;
  for (int i = 0; i < n; ++i) {
    Entity e;
    e.id = "e";
    e.id += std::to_string(i);
    e.name = "Name " + e.id;
    e.type = "person";
    c.entities.push_back(e);
  }
  std::uniform_int_distribution<int> end(0, n - 1);
  for (int i = 0; i < m; ++i) {
    Relation r;
    r.id = "r";
    r.id += std::to_string(i);
    r.type = "lawsuit";
    r.from = c.entities[end(rng)].id;
    r.to = c.entities[end(rng)].id;
    c.relations.push_back(r);
  }
  return c;
}

// The case as a case file, loaded as casegraph loads one.
std::unique_ptr<const Graph> Built(const Case& c) {
  std::string text = "{\"casegraph\": 1, \"entities\": [";
  for (size_t i = 0; i < c.entities.size(); ++i) {
    const Entity& e = c.entities[i];
    text += (i ? ", " : "") + std::string("{\"id\": \"") + e.id + "\", \"name\": \"" + e.name + "\", \"type\": \"" + e.type + "\"}";
  }
  text += "], \"relations\": [";
  for (size_t i = 0; i < c.relations.size(); ++i) {
    const Relation& r = c.relations[i];
    text += (i ? ", " : "") + std::string("{\"id\": \"") + r.id + "\", \"type\": \"" + r.type + "\", \"from\": \"" +
            r.from + "\", \"to\": \"" + r.to + "\", \"status\": \"" + ClaimStatusName(r.status) + "\"}";
  }
  return casegraph::testing::GraphFromTexts({{"case.json", text + "]}"}});
}

std::set<std::string> Ids(const std::vector<Entity>& v) {
  std::set<std::string> out;
  for (const Entity& e : v) out.insert(e.id);
  return out;
}

}  // namespace

TEST_CASE("diff reports exactly the changes made to a case (random cases, random edits)") {
  std::mt19937 rng(2026);
  for (int round = 0; round < 100; ++round) {
    const int n = std::uniform_int_distribution<int>(2, 15)(rng);
    Case before = BaseCase(rng, n, std::uniform_int_distribution<int>(0, 20)(rng));
    Case after = before;
    std::set<std::string> renamed, added, removed, retyped, restatused;
    // Rename some entities, add some, and remove some that no relation touches.
    for (Entity& e : after.entities) {
      if (rng() % 4 == 0) {
        e.name += " (renamed)";
        renamed.insert(e.id);
      }
    }
    for (int k = static_cast<int>(rng() % 3); k > 0; --k) {
      Entity e;
      e.id = "new" + std::to_string(added.size());
      e.name = "New";
      e.type = "person";
      after.entities.push_back(e);
      added.insert(e.id);
    }
    std::set<std::string> used;
    for (const Relation& r : after.relations) used.insert({r.from, r.to});
    std::erase_if(after.entities, [&](const Entity& e) {
      const bool drop = !used.count(e.id) && !added.count(e.id) && rng() % 2 == 0;
      if (drop) {
        removed.insert(e.id);
        renamed.erase(e.id);
      }
      return drop;
    });
    for (Relation& r : after.relations) {
      if (rng() % 5 == 0) {
        r.status = ClaimStatus::kDenied;
        restatused.insert(r.id);
      }
    }
    std::shuffle(after.entities.begin(), after.entities.end(), rng);  // order is no change
    const auto g0 = Built(before);
    const auto g1 = Built(after);
    const CaseDiff d = DiffGraphs(*g0, *g1);
    CHECK(Ids(d.entities.added) == added);
    CHECK(Ids(d.entities.removed) == removed);
    std::set<std::string> changed;
    for (const auto& ch : d.entities.changed) {
      changed.insert(ch.after.id);
      CHECK(ch.fields == std::vector<std::string>{"name"});
      CHECK(ch.after.name == ch.before.name + " (renamed)");
    }
    CHECK(changed == renamed);
    std::set<std::string> relations_changed;
    for (const auto& ch : d.relations.changed) {
      relations_changed.insert(ch.after.id);
      CHECK(ch.fields == std::vector<std::string>{"status"});
    }
    CHECK(relations_changed == restatused);
    CHECK(d.relations.added.empty());
    CHECK(d.relations.removed.empty());
    CHECK(d.sources.empty());
    CHECK(d.empty() == (added.empty() && removed.empty() && renamed.empty() && restatused.empty()));
    CHECK(DiffGraphs(*g1, *g1).empty());
  }
}
