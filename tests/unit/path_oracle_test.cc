// Shortest paths checked against an independent brute-force oracle on many small random
// multigraphs with random relation-type, status and avoidance filters in every direction mode.
#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <random>
#include <set>

#include "query/filter.h"
#include "query/path.h"
#include "test_support.h"

using namespace casegraph;

namespace {

const char* const kStatuses[] = {"fact", "reported", "alleged", "claimed", "denied"};

struct OracleQuery {
  std::set<std::string> via, not_via, status;  // empty via/status: all
  std::set<std::string> avoid_entities, avoid_relations;
  Direction direction = Direction::kAny;
  std::optional<int> max_hops;
};

// May the oracle cross relation r from its `from` end (forward) or its `to` end (backward)?
bool OracleAllows(const Case& c, const Relation& r, bool forward, const OracleQuery& q) {
  if (!q.via.empty() && !q.via.count(r.type)) return false;
  if (q.not_via.count(r.type)) return false;
  if (!q.status.empty() && !q.status.count(StatusName(r.status))) return false;
  if (q.avoid_relations.count(r.id)) return false;
  const bool symmetric = c.vocabulary.relation_types.at(r.type).symmetric;
  if (symmetric || q.direction == Direction::kAny) return true;
  return forward == (q.direction == Direction::kForward);
}

// Fewest hops from `from` to `to` by relaxing every relation n times (Bellman-Ford on unit
// weights); intermediate entities in avoid_entities cannot be entered.
std::optional<int> OracleDistance(const Case& c, const std::string& from, const std::string& to,
                                  const OracleQuery& q) {
  std::map<std::string, int> dist;
  dist[from] = 0;
  for (size_t round = 0; round <= c.entities.size(); ++round) {
    for (const Relation& r : c.relations) {
      for (bool forward : {true, false}) {
        const std::string& a = forward ? r.from : r.to;
        const std::string& b = forward ? r.to : r.from;
        if (!dist.count(a) || !OracleAllows(c, r, forward, q)) continue;
        if (b != to && q.avoid_entities.count(b)) continue;
        if (a != from && q.avoid_entities.count(a)) continue;
        const int d = dist[a] + 1;
        if (!dist.count(b) || d < dist[b]) dist[b] = d;
      }
    }
  }
  if (!dist.count(to)) return std::nullopt;
  if (q.max_hops && dist[to] > *q.max_hops) return std::nullopt;
  return dist[to];
}

std::vector<std::string> RandomSubset(std::mt19937& rng, const std::vector<std::string>& items, double p) {
  std::vector<std::string> out;
  std::bernoulli_distribution take(p);
  for (const std::string& s : items) {
    if (take(rng)) out.push_back(s);
  }
  return out;
}

}  // namespace

TEST_CASE("shortest paths match a brute-force oracle on random multigraphs with filters") {
  std::mt19937 rng(20210309);
  int graphs = 0, queries = 0, found = 0;
  for (; graphs < 1500; ++graphs) {
    const int n = 2 + static_cast<int>(rng() % 8);
    const int m = static_cast<int>(rng() % (3 * n + 1));
    const Case c = casegraph::testing::RandomCase(rng, n, m);
    auto g = Graph::Build(c);
    std::vector<std::string> entity_ids, relation_ids;
    for (const Entity& e : c.entities) entity_ids.push_back(e.id);
    for (const Relation& r : c.relations) relation_ids.push_back(r.id);
    for (int k = 0; k < 4; ++k, ++queries) {
      FilterSpec spec;
      OracleQuery oq;
      const int mode = static_cast<int>(rng() % 3);
      spec.direction = oq.direction = mode == 0 ? Direction::kAny : mode == 1 ? Direction::kForward : Direction::kBackward;
      if (rng() % 3 == 0) spec.via = RandomSubset(rng, {"t0", "t1", "t2"}, 0.5);
      if (rng() % 4 == 0) spec.not_via = RandomSubset(rng, {"t0", "t1", "t2"}, 0.3);
      if (rng() % 3 == 0) spec.status = RandomSubset(rng, {kStatuses, kStatuses + 5}, 0.6);
      if (rng() % 3 == 0) spec.avoid = RandomSubset(rng, entity_ids, 0.25);
      if (rng() % 4 == 0 && !relation_ids.empty()) spec.avoid.push_back(relation_ids[rng() % relation_ids.size()]);
      if (rng() % 4 == 0) spec.max_hops = static_cast<int>(rng() % 4);
      oq.via.insert(spec.via.begin(), spec.via.end());
      oq.not_via.insert(spec.not_via.begin(), spec.not_via.end());
      oq.status.insert(spec.status.begin(), spec.status.end());
      for (const std::string& a : spec.avoid) {
        (a[0] == 'e' ? oq.avoid_entities : oq.avoid_relations).insert(a);
      }
      oq.max_hops = spec.max_hops;
      // An empty --via means "all types" to the tool as to the oracle.
      Result<TraversalFilter> filter = CompileFilter(*g, spec);
      REQUIRE(filter.ok());
      const EntityId from = static_cast<EntityId>(rng() % n), to = static_cast<EntityId>(rng() % n);
      const PathAnswer answer = ShortestPath(*g, filter.value(), PathQuery{from, to});
      const std::optional<int> expected = OracleDistance(c, c.entities[from].id, c.entities[to].id, oq);
      INFO("graph " << graphs << " query " << k << " from " << from << " to " << to);
      REQUIRE(answer.paths.empty() == !expected.has_value());
      if (!expected) continue;
      ++found;
      const Path& p = answer.paths[0];
      REQUIRE(static_cast<int>(p.hops.size()) == *expected);
      // The path is a real walk that the filters allow.
      EntityId at = from;
      for (size_t i = 0; i < p.hops.size(); ++i) {
        const Hop& h = p.hops[i];
        const Relation& r = c.relations[h.relation];
        REQUIRE(h.from == at);
        REQUIRE(c.entities[h.from].id == (h.forward ? r.from : r.to));
        REQUIRE(c.entities[h.to].id == (h.forward ? r.to : r.from));
        REQUIRE(OracleAllows(c, r, h.forward, oq));
        if (i + 1 < p.hops.size()) REQUIRE_FALSE(oq.avoid_entities.count(c.entities[h.to].id));
        at = h.to;
      }
      REQUIRE(at == to);
    }
  }
  CHECK(graphs >= 1000);
  CHECK(found > queries / 4);  // the random filters leave enough paths to check
}

TEST_CASE("a path of forty hops is found: shortest path has no default hop cap") {
  std::string entities, relations;
  for (int i = 0; i <= 40; ++i) {
    entities += std::string(i ? "," : "") + R"({ "id": "n)" + std::to_string(i) + R"(", "name": "N)" +
                std::to_string(i) + R"(", "type": "t" })";
    if (i > 0) {
      relations += std::string(i > 1 ? "," : "") + R"({ "type": "cites", "from": "n)" + std::to_string(i - 1) +
                   R"(", "to": "n)" + std::to_string(i) + R"(" })";
    }
  }
  auto g = casegraph::testing::GraphFromTexts(
      {{"chain.json", R"({ "casegraph": 1, "entities": [)" + entities + "], \"relations\": [" + relations + "] }"}});
  Result<TraversalFilter> f = CompileFilter(*g, FilterSpec{});
  REQUIRE(f.ok());
  PathAnswer a = ShortestPath(*g, f.value(), PathQuery{0, 40});
  REQUIRE(a.paths.size() == 1);
  CHECK(a.paths[0].hops.size() == 40);
}

TEST_CASE("parallel relations: the first in file order is the one reported") {
  auto g = casegraph::testing::GraphFromTexts({{"p.json", R"({ "casegraph": 1,
    "entities": [ { "id": "a", "name": "A", "type": "t" }, { "id": "b", "name": "B", "type": "t" } ],
    "relations": [ { "id": "second", "type": "cites", "from": "b", "to": "a" },
                   { "id": "first", "type": "lawsuit", "from": "a", "to": "b" } ] })"}});
  Result<TraversalFilter> f = CompileFilter(*g, FilterSpec{});
  PathAnswer a = ShortestPath(*g, f.value(), PathQuery{0, 1});
  REQUIRE(a.paths.size() == 1);
  CHECK(g->relation(a.paths[0].hops[0].relation).id == "first");  // out-relations come first
  FilterSpec only_cites;
  only_cites.via = {"cites"};
  a = ShortestPath(*g, CompileFilter(*g, only_cites).value(), PathQuery{0, 1});
  CHECK(g->relation(a.paths[0].hops[0].relation).id == "second");
  CHECK_FALSE(a.paths[0].hops[0].forward);
}

TEST_CASE("filter errors are values with suggestions") {
  auto g = casegraph::testing::GraphFromTexts({{"p.json", R"({ "casegraph": 1,
    "entities": [ { "id": "a", "name": "A", "type": "t" } ] })"}});
  FilterSpec spec;
  spec.via = {"lawsiut"};
  CHECK(CompileFilter(*g, spec).error() == "--via: unknown relation type 'lawsiut'; did you mean 'lawsuit'?");
  spec = FilterSpec{};
  spec.status = {"facts"};
  CHECK(CompileFilter(*g, spec).error() ==
        "--status: unknown status 'facts'; did you mean 'fact'? (one of fact, reported, alleged, claimed, denied)");
  spec = FilterSpec{};
  spec.avoid = {"zz"};
  CHECK(CompileFilter(*g, spec).error() == "--avoid: unknown entity 'zz'");
}
