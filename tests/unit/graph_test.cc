#include <catch2/catch.hpp>

#include <random>

#include "query/stats.h"
#include "test_support.h"

using namespace casegraph;

namespace {

// The graph's invariants: every relation appears exactly once among the out-edges of its from
// and once among the in-edges of its to, with matching ends; types and times match the model.
void VerifyGraph(const Graph& g) {
  std::vector<int> out_seen(g.relation_count()), in_seen(g.relation_count());
  for (EntityId v = 0; v < g.entity_count(); ++v) {
    REQUIRE(g.FindEntity(g.entity(v)->id) == v);
    REQUIRE(g.entity_id(v) == g.entity(v)->id);
    REQUIRE(g.entity_type_names()[g.entity_type(v)] == g.entity(v)->type);
    RelationId last = 0;
    bool first = true;
    for (const Incidence& i : g.out(v)) {
      const RelationId r = i.relation;
      REQUIRE(g.relation_from(r) == v);
      REQUIRE(i.other == g.relation_to(r));
      REQUIRE((first || r > last));  // relation order within an entity
      first = false;
      last = r;
      ++out_seen[r];
    }
    first = true;
    for (const Incidence& i : g.in(v)) {
      const RelationId r = i.relation;
      REQUIRE(g.relation_to(r) == v);
      REQUIRE(i.other == g.relation_from(r));
      REQUIRE((first || r > last));
      first = false;
      last = r;
      ++in_seen[r];
    }
  }
  for (RelationId r = 0; r < g.relation_count(); ++r) {
    REQUIRE(out_seen[r] == 1);
    REQUIRE(in_seen[r] == 1);
    REQUIRE(g.relation_type_names()[g.relation_type(r)] == g.relation(r)->type);
    REQUIRE(g.entity(g.relation_from(r))->id == g.relation(r)->from);
    REQUIRE(g.entity(g.relation_to(r))->id == g.relation(r)->to);
    REQUIRE(g.relation_status(r) == g.relation(r)->status);
    REQUIRE(g.relation_weight(r) == g.relation(r)->weight);
    REQUIRE(g.relation_time(r).dated == g.relation(r)->IsDated());
    REQUIRE(g.FindRelation(g.relation(r)->id) == r);
  }
}

}  // namespace

TEST_CASE("graphs built from random cases keep their invariants") {
  std::mt19937 rng(7);
  for (int i = 0; i < 300; ++i) {
    std::uniform_int_distribution<int> n(1, 9), m(0, 20);
    auto g = Graph::Build(casegraph::testing::RandomCase(rng, n(rng), m(rng)));
    VerifyGraph(*g);
  }
}

TEST_CASE("relation times: events, spans with open ends, undated") {
  auto g = casegraph::testing::GraphFromTexts({{"t.json", R"({ "casegraph": 1,
    "entities": [ { "id": "a", "name": "A", "type": "t" } ],
    "relations": [ { "type": "cites", "from": "a", "to": "a", "date": "2021-03" },
                   { "type": "cites", "from": "a", "to": "a", "start": "2020" },
                   { "type": "cites", "from": "a", "to": "a", "end": "2020" },
                   { "type": "cites", "from": "a", "to": "a" } ] })"}});
  CHECK(g->relation_time(0).dated);
  CHECK(g->relation_time(0).first == DaysFromCivil(2021, 3, 1));
  CHECK(g->relation_time(0).last == DaysFromCivil(2021, 3, 31));
  CHECK(g->relation_time(1).last == kLastDay);
  CHECK(g->relation_time(2).first == kFirstDay);
  CHECK(g->relation_time(2).last == DaysFromCivil(2020, 12, 31));
  CHECK_FALSE(g->relation_time(3).dated);
}

TEST_CASE("weak components agree with a flood fill") {
  std::mt19937 rng(11);
  for (int i = 0; i < 200; ++i) {
    auto g = Graph::Build(casegraph::testing::RandomCase(rng, 1 + static_cast<int>(rng() % 9), static_cast<int>(rng() % 10)));
    const std::vector<uint32_t> comp = WeakComponents(*g);
    // Two entities share a component exactly when a flood fill over relations joins them.
    for (EntityId s = 0; s < g->entity_count(); ++s) {
      std::vector<char> seen(g->entity_count(), 0);
      seen[s] = 1;
      for (bool grew = true; grew;) {
        grew = false;
        for (RelationId r = 0; r < g->relation_count(); ++r) {
          const EntityId a = g->relation_from(r), b = g->relation_to(r);
          if (seen[a] != seen[b]) {
            seen[a] = seen[b] = 1;
            grew = true;
          }
        }
      }
      for (EntityId t = 0; t < g->entity_count(); ++t) REQUIRE((comp[s] == comp[t]) == static_cast<bool>(seen[t]));
    }
  }
}

TEST_CASE("a graph keeps relation statuses only when some relation has another than the default") {
  using casegraph::testing::GraphFromTexts;
  auto statuses = [](const Graph& g) {
    std::vector<std::string> out;
    for (RelationId r = 0; r < g.relation_count(); ++r) out.push_back(ClaimStatusName(g.relation_status(r)));
    return out;
  };
  const std::vector<std::string> reported(3, "reported");
  auto no_column = GraphFromTexts({{"e.csv", "from,to\na,b\nb,c\nc,a\n"}});
  CHECK(no_column->arrays().status.empty());
  CHECK(statuses(*no_column) == reported);
  auto all_default = GraphFromTexts({{"e.csv", "from,to,status\na,b,reported\nb,c,\nc,a,reported\n"}});
  CHECK(all_default->arrays().status.empty());
  CHECK(statuses(*all_default) == reported);

  auto one_alleged = GraphFromTexts({{"e.csv", "from,to,status\na,b,\nb,c,alleged\nc,a,fact\n"}});
  CHECK(one_alleged->arrays().status.size() == 3);
  CHECK(statuses(*one_alleged) == std::vector<std::string>{"reported", "alleged", "fact"});
  // A case file's relation with another status, beside CSV rows without one.
  const std::string json = R"({ "casegraph": 1, "entities": [ { "id": "a", "name": "A", "type": "person" }, { "id": "b", "name": "B", "type": "person" } ],
    "relations": [ { "type": "related", "from": "a", "to": "b", "status": "denied" } ] })";
  auto mixed = GraphFromTexts({{"case.json", json}, {"e.csv", "from,to\na,b\nb,c\n"}});
  CHECK(mixed->arrays().status.size() == 3);
  CHECK(statuses(*mixed) == std::vector<std::string>{"denied", "reported", "reported"});
  for (RelationId r = 0; r < mixed->relation_count(); ++r) CHECK(mixed->relation_status(r) == mixed->relation(r)->status);
}
