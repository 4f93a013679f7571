// Chronological paths (earliest arrival) against a brute-force oracle: Bellman-Ford relaxation
// over every walk on small random dated multigraphs (events of day, month and year precision,
// spans with open ends, undated relations), with random filters, both undated modes, with and
// without max-hops.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>

#include "oracle.h"
#include "query/path.h"
#include "test_support.h"

using namespace casegraph;
using casegraph::testing::OracleQuery;

namespace {

constexpr Day kNever = kLastDay + 1;

// Earliest arrival at `to` over all walks (within q.max_hops hops when set). A walk reaching an
// entity on day a may take relation r on day max(a, first(r)) if that is <= last(r); an undated
// relation, when allowed, on day a. Walks start before any day (kFirstDay) and end at `to`.
Day OracleArrival(const Case& c, size_t from, size_t to, const OracleQuery& q, bool undated_allowed) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < c.entities.size(); ++i) index[c.entities[i].id] = i;
  if (from == to) return kFirstDay;
  std::vector<Day> arrival(c.entities.size(), kNever);
  arrival[from] = kFirstDay;
  const int rounds = q.max_hops ? *q.max_hops : static_cast<int>(c.entities.size() * (c.relations.size() + 1));
  for (int round = 0; round < rounds; ++round) {
    std::vector<Day> next = arrival;
    for (const Relation& r : c.relations) {
      for (bool forward : {true, false}) {
        const size_t v = index[forward ? r.from : r.to];
        const size_t u = index[forward ? r.to : r.from];
        if (arrival[v] == kNever || v == to) continue;
        if (!casegraph::testing::OracleAllows(c, r, forward, q)) continue;
        if (u != to && !casegraph::testing::OracleAllowsStop(c.entities[u], q)) continue;
        const auto interval = casegraph::testing::OracleInterval(r);
        Day day = arrival[v];
        if (interval) {
          day = std::max(day, interval->first);
          if (day > interval->second) continue;
        } else if (!undated_allowed) {
          continue;
        }
        next[u] = std::min(next[u], day);
      }
    }
    if (next == arrival) break;
    arrival = next;
  }
  return arrival[to];
}

}  // namespace

TEST_CASE("chronological paths arrive as early as the brute-force oracle over all walks") {
  std::mt19937 rng(20210310);
  int found = 0, queries = 0;
  for (int graph = 0; graph < 1500; ++graph) {
    const int n = 2 + static_cast<int>(rng() % 6);
    const Case c = casegraph::testing::RandomCase(rng, n, static_cast<int>(rng() % (3 * n + 1)));
    for (const casegraph::testing::MadeGraph& made : casegraph::testing::GraphsOf(c, graph % 8 == 0)) {
      const Graph* g = made.graph.get();
      INFO(made.how);
      for (int j = 0; j < 3; ++j, ++queries) {
        FilterSpec spec;
        OracleQuery oq;
        casegraph::testing::RandomFilter(rng, c, &spec, &oq);
        Result<TraversalFilter> f = CompileFilter(*g, spec);
        REQUIRE(f.ok());
        PathQuery q;
        q.from = static_cast<EntityId>(rng() % n);
        q.to = static_cast<EntityId>(rng() % n);
        q.chronological = true;
        q.undated_allowed = rng() % 2 == 0;
        INFO("graph " << graph << " query " << j << " undated " << q.undated_allowed);
        const Day expected = OracleArrival(c, q.from, q.to, oq, q.undated_allowed);
        Result<PathAnswer> a = FindPaths(*g, f.value(), q);
        REQUIRE(a.ok());
        REQUIRE(a.value().paths.empty() == (expected == kNever));
        if (expected == kNever) continue;
        ++found;
        const Path& p = a.value().paths[0];
        casegraph::testing::RequireValidPath(c, p, q.from, q.to, oq, false);
        // Each hop is taken inside its dates, never before the previous one; the last is the arrival.
        REQUIRE(p.times.size() == p.hops.size());
        Day previous = kFirstDay;
        for (size_t i = 0; i < p.hops.size(); ++i) {
          const auto interval = casegraph::testing::OracleInterval(c.relations[p.hops[i].relation]);
          REQUIRE((interval || q.undated_allowed));
          if (interval) {
            REQUIRE(p.times[i] >= interval->first);
            REQUIRE(p.times[i] <= interval->second);
          }
          REQUIRE(p.times[i] >= previous);
          previous = p.times[i];
        }
        REQUIRE((p.hops.empty() ? kFirstDay : p.times.back()) == expected);
      }
    }  // each way the graph is made
  }
  CHECK(found > queries / 4);
}

TEST_CASE("a chronological path waits for a later relation and never goes back in time") {
  auto g = casegraph::testing::GraphFromTexts({{"t.json", R"({ "casegraph": 1,
    "entities": [ { "id": "a", "name": "A", "type": "t" }, { "id": "b", "name": "B", "type": "t" },
                  { "id": "c", "name": "C", "type": "t" } ],
    "relations": [ { "id": "ab-late", "type": "cites", "from": "a", "to": "b", "date": "2021-03-10" },
                   { "id": "ab-early", "type": "cites", "from": "a", "to": "b", "date": "2021-03" },
                   { "id": "bc", "type": "cites", "from": "b", "to": "c", "date": "2021-03-05" } ] })"}});
  PathQuery q;
  q.from = 0;
  q.to = 2;
  q.chronological = true;
  Result<PathAnswer> a = FindPaths(*g, CompileFilter(*g, FilterSpec{}).value(), q);
  REQUIRE(a.value().paths.size() == 1);
  const Path& p = a.value().paths[0];
  // The month-precision relation may be taken on 1 March, before the 5 March one; the precise
  // 10 March one could not be.
  CHECK(g->relation(p.hops[0].relation)->id == "ab-early");
  CHECK(DayText(p.times[0]) == "2021-03-01");
  CHECK(DayText(p.times[1]) == "2021-03-05");
  FilterSpec no_early;
  no_early.avoid = {"ab-early"};
  CHECK(FindPaths(*g, CompileFilter(*g, no_early).value(), q).value().paths.empty());
}

TEST_CASE("chronological paths refuse the enumerating forms") {
  auto g = casegraph::testing::GraphFromTexts({{"t.json", R"({ "casegraph": 1,
    "entities": [ { "id": "a", "name": "A", "type": "t" } ] })"}});
  PathQuery q;
  q.chronological = true;
  q.form = PathForm::kAllShortest;
  const Status refused = FindPaths(*g, CompileFilter(*g, FilterSpec{}).value(), q).status();
  CHECK(refused.message() ==
        "chronological finds the one path that arrives earliest; it cannot be combined with all, k, simple or weighted");
  CHECK(refused.message_parts().fields() == std::vector<std::string_view>{"chronological", "all", "k", "simple", "weighted"});
}
