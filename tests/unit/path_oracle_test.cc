// Shortest paths checked against an independent brute-force oracle on many small random
// multigraphs with random relation-type, status and avoidance filters in every direction mode.
#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <random>
#include <set>

#include "query/filter.h"
#include "query/path.h"
#include "oracle.h"
#include "test_support.h"

using namespace casegraph;

namespace {

using casegraph::testing::OracleAllows;
using casegraph::testing::OracleAllowsStop;
using casegraph::testing::OracleQuery;

// Fewest hops from `from` to `to` by relaxing every relation n times (Bellman-Ford on unit
// weights); intermediate entities must be allowed stops.
std::optional<int> OracleDistance(const Case& c, size_t from, size_t to, const OracleQuery& q) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < c.entities.size(); ++i) index[c.entities[i].id] = i;
  std::vector<int> dist(c.entities.size(), -1);
  dist[from] = 0;
  for (size_t round = 0; round <= c.entities.size(); ++round) {
    for (const Relation& r : c.relations) {
      for (bool forward : {true, false}) {
        const size_t a = index[forward ? r.from : r.to];
        const size_t b = index[forward ? r.to : r.from];
        if (dist[a] < 0 || !OracleAllows(c, r, forward, q)) continue;
        if (a != from && (a == to || !OracleAllowsStop(c.entities[a], q))) continue;
        if (b != to && !OracleAllowsStop(c.entities[b], q)) continue;
        if (dist[b] < 0 || dist[a] + 1 < dist[b]) dist[b] = dist[a] + 1;
      }
    }
  }
  if (dist[to] < 0 || (q.max_hops && dist[to] > *q.max_hops)) return std::nullopt;
  return dist[to];
}

}  // namespace

TEST_CASE("shortest paths match a brute-force oracle on random multigraphs with filters") {
  std::mt19937 rng(20210309);
  int queries = 0, found = 0;
  for (int graph = 0; graph < 1500; ++graph) {
    const int n = 2 + static_cast<int>(rng() % 8);
    const int m = static_cast<int>(rng() % (3 * n + 1));
    const Case c = casegraph::testing::RandomCase(rng, n, m);
    for (const casegraph::testing::MadeGraph& made : casegraph::testing::GraphsOf(c, graph % 8 == 0)) {
      const Graph* g = made.graph.get();
      INFO(made.how);
      for (int k = 0; k < 4; ++k, ++queries) {
        FilterSpec spec;
        OracleQuery oq;
        casegraph::testing::RandomFilter(rng, c, &spec, &oq);
        // An empty --via means "all types" to the tool as to the oracle.
        Result<TraversalFilter> filter = CompileFilter(*g, spec);
        REQUIRE(filter.ok());
        const EntityId from = static_cast<EntityId>(rng() % n), to = static_cast<EntityId>(rng() % n);
        const PathAnswer answer = ShortestPath(*g, filter.value(), PathQuery{from, to});
        const std::optional<int> expected = OracleDistance(c, from, to, oq);
        INFO("graph " << graph << " query " << k << " from " << from << " to " << to);
        REQUIRE(answer.paths.empty() == !expected.has_value());
        if (!expected) continue;
        ++found;
        const Path& p = answer.paths[0];
        REQUIRE(static_cast<int>(p.hops.size()) == *expected);
        casegraph::testing::RequireValidPath(c, p, from, to, oq, false);
      }
    }  // each way the graph is made
  }
  // The random filters leave enough of both answers to check.
  CHECK(found > queries / 4);
  CHECK(queries - found > queries / 10);
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
  CHECK(g->relation(a.paths[0].hops[0].relation)->id == "first");  // out-relations come first
  FilterSpec only_cites;
  only_cites.via = {"cites"};
  a = ShortestPath(*g, CompileFilter(*g, only_cites).value(), PathQuery{0, 1});
  CHECK(g->relation(a.paths[0].hops[0].relation)->id == "second");
  CHECK_FALSE(a.paths[0].hops[0].forward);
}

TEST_CASE("filter errors are values with suggestions") {
  auto g = casegraph::testing::GraphFromTexts({{"p.json", R"({ "casegraph": 1,
    "entities": [ { "id": "a", "name": "A", "type": "t" } ] })"}});
  FilterSpec spec;
  spec.via = {"lawsiut"};
  CHECK(CompileFilter(*g, spec).status().message() == "via: unknown relation type 'lawsiut'; did you mean 'lawsuit'?");
  CHECK(CompileFilter(*g, spec).status().kind() == Status::Kind::kInvalidInput);
  spec = FilterSpec{};
  spec.status = {"facts"};
  CHECK(CompileFilter(*g, spec).status().message() ==
        "status: unknown status 'facts'; did you mean 'fact'? (one of fact, reported, alleged, claimed, denied)");
  spec = FilterSpec{};
  spec.avoid = {"zz"};
  CHECK(CompileFilter(*g, spec).status().message() == "avoid: unknown entity 'zz'");
}
