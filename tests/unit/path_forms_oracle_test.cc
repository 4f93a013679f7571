// Every path form against the brute-force enumeration of simple paths (oracle.h) on random
// multigraphs with parallel relations, mixed types, statuses and weights, in every direction mode.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <set>

#include "oracle.h"
#include "query/path.h"
#include "test_support.h"

using namespace casegraph;
using casegraph::testing::OraclePath;
using casegraph::testing::OracleQuery;

namespace {

using Key = std::vector<std::pair<size_t, bool>>;

Key KeyOf(const Path& p) {
  Key k;
  for (const Hop& h : p.hops) k.emplace_back(h.relation, h.forward);
  return k;
}

PathAnswer Run(const Graph& g, const TraversalFilter& f, EntityId from, EntityId to, PathForm form, bool weighted,
               int k = 1, int limit = 1000000) {
  PathQuery q;
  q.from = from;
  q.to = to;
  q.form = form;
  q.weighted = weighted;
  q.k = k;
  q.limit = limit;
  Result<PathAnswer> a = FindPaths(g, f, q);
  REQUIRE(a.ok());
  return a.value();
}

struct Trial {
  Case c;
  const Graph* g = nullptr;  // the case made into a graph one way (see GraphsOf)
  size_t made = 0;           // which way: 0 built from the case itself
  FilterSpec spec;
  OracleQuery oq;
  EntityId from = 0, to = 0;
  std::vector<OraclePath> all;  // every allowed simple path
};

// The case and the filter, for failure messages.
std::string Describe(const Trial& t) {
  std::string out;
  for (const Entity& e : t.c.entities) out += e.id + ":" + e.type + " ";
  out += "\n";
  for (const Relation& r : t.c.relations) {
    out += r.id + " " + r.from + "-" + r.type + "->" + r.to + " " + ClaimStatusName(r.status) + " w" +
           std::to_string(r.weight) + "\n";
  }
  auto list = [](const std::vector<std::string>& v) {
    std::string s;
    for (const std::string& x : v) s += x + ",";
    return s;
  };
  out += "direction " + std::to_string(static_cast<int>(t.spec.direction)) + " via " + list(t.spec.via) +
         " not-via " + list(t.spec.not_via) + " status " + list(t.spec.status) + " through " +
         list(t.spec.through_types) + " avoid " + list(t.spec.avoid) + " max-hops " +
         (t.spec.max_hops ? std::to_string(*t.spec.max_hops) : "-");
  return out;
}

// Runs `check` on `graphs` random graphs with `per_graph` random queries each, on each graph as
// built from its case, as loaded from a case file and a CSV edge file, and (every eighth graph)
// as opened from a snapshot of those files.
template <typename Check>
void ForRandomQueries(uint32_t seed, int graphs, int per_graph, Check check) {
  std::mt19937 rng(seed);
  for (int i = 0; i < graphs; ++i) {
    const int n = 2 + static_cast<int>(rng() % 6);
    const int m = static_cast<int>(rng() % (3 * n + 1));
    Trial t;
    t.c = casegraph::testing::RandomCase(rng, n, m);
    const std::vector<casegraph::testing::MadeGraph> made = casegraph::testing::GraphsOf(t.c, i % 8 == 0);
    for (int j = 0; j < per_graph; ++j) {
      t.spec = FilterSpec{};
      t.oq = OracleQuery{};
      casegraph::testing::RandomFilter(rng, t.c, &t.spec, &t.oq);
      t.from = static_cast<EntityId>(rng() % n);
      t.to = static_cast<EntityId>(rng() % n);
      t.all = casegraph::testing::EnumerateSimplePaths(t.c, t.from, t.to, t.oq);
      for (size_t k = 0; k < made.size(); ++k) {
        t.g = made[k].graph.get();
        t.made = k;
        Result<TraversalFilter> f = CompileFilter(*t.g, t.spec);
        REQUIRE(f.ok());
        INFO("graph " << i << " " << made[k].how << ", query " << j << " from e" << t.from << " to e" << t.to << "\n"
                      << Describe(t));
        check(t, f.value(), rng);
      }
    }
  }
}

double Best(const std::vector<OraclePath>& paths, bool weighted) {
  double best = 1e18;
  for (const OraclePath& p : paths) best = std::min(best, weighted ? p.cost : static_cast<double>(p.length()));
  return best;
}

}  // namespace

TEST_CASE("shortest and cheapest paths match the oracle's best") {
  int found = 0, several = 0;
  ForRandomQueries(1, 1200, 3, [&](const Trial& t, const TraversalFilter& f, std::mt19937&) {
    several += t.made == 0 && t.all.size() > 1;
    for (bool weighted : {false, true}) {
      INFO("weighted " << weighted);
      PathAnswer a = Run(*t.g, f, t.from, t.to, PathForm::kShortest, weighted);
      REQUIRE(a.paths.empty() == t.all.empty());
      if (t.all.empty()) continue;
      found += t.made == 0;
      casegraph::testing::RequireValidPath(t.c, a.paths[0], t.from, t.to, t.oq, weighted);
      REQUIRE(a.paths[0].cost == Best(t.all, weighted));
    }
  });
  // The random filters leave enough to check: many queries have paths, many have several.
  CHECK(found > 2 * 1200);
  CHECK(several > 450);
}

TEST_CASE("all shortest paths (--all) are exactly the set of shortest (or cheapest) paths, parallel relations apart") {
  ForRandomQueries(2, 1200, 3, [](const Trial& t, const TraversalFilter& f, std::mt19937&) {
    for (bool weighted : {false, true}) {
      PathAnswer a = Run(*t.g, f, t.from, t.to, PathForm::kAllShortest, weighted);
      const double best = Best(t.all, weighted);
      std::set<Key> expected, actual;
      for (const OraclePath& p : t.all) {
        if ((weighted ? p.cost : static_cast<double>(p.length())) == best) expected.insert(p.hops);
      }
      for (const Path& p : a.paths) {
        casegraph::testing::RequireValidPath(t.c, p, t.from, t.to, t.oq, weighted);
        REQUIRE(actual.insert(KeyOf(p)).second);  // no path twice
      }
      REQUIRE(actual == expected);
      REQUIRE_FALSE(a.truncated);
    }
  });
}

TEST_CASE("k shortest paths (-k) are the k shortest (or cheapest) simple paths, in order") {
  ForRandomQueries(3, 1200, 3, [](const Trial& t, const TraversalFilter& f, std::mt19937& rng) {
    for (bool weighted : {false, true}) {
      const int k = 1 + static_cast<int>(rng() % 7);
      PathAnswer a = Run(*t.g, f, t.from, t.to, PathForm::kKShortest, weighted, k);
      std::vector<double> expected;
      for (const OraclePath& p : t.all) expected.push_back(weighted ? p.cost : static_cast<double>(p.length()));
      std::sort(expected.begin(), expected.end());
      expected.resize(std::min<size_t>(expected.size(), static_cast<size_t>(k)));
      std::vector<double> actual;
      std::set<Key> distinct;
      for (const Path& p : a.paths) {
        casegraph::testing::RequireValidPath(t.c, p, t.from, t.to, t.oq, weighted);
        REQUIRE(distinct.insert(KeyOf(p)).second);
        actual.push_back(p.cost);
      }
      REQUIRE(actual == expected);
    }
  });
}

TEST_CASE("simple paths (--simple --max-hops) are every simple path, shortest first") {
  ForRandomQueries(4, 1200, 3, [](Trial& t, const TraversalFilter& f, std::mt19937&) {
    if (!t.oq.max_hops) return;  // --simple requires --max-hops
    PathAnswer a = Run(*t.g, f, t.from, t.to, PathForm::kAllSimple, false);
    std::set<Key> expected, actual;
    for (const OraclePath& p : t.all) expected.insert(p.hops);
    size_t last = 0;
    for (const Path& p : a.paths) {
      casegraph::testing::RequireValidPath(t.c, p, t.from, t.to, t.oq, false);
      REQUIRE(actual.insert(KeyOf(p)).second);
      REQUIRE(p.hops.size() >= last);
      last = p.hops.size();
    }
    REQUIRE(actual == expected);
    REQUIRE_FALSE(a.truncated);
  });
}

TEST_CASE("enumerations stop at the limit, say so, and keep the best paths") {
  ForRandomQueries(5, 1000, 2, [](Trial& t, const TraversalFilter& f, std::mt19937& rng) {
    const int limit = 1 + static_cast<int>(rng() % 3);
    if (t.oq.max_hops) {
      PathAnswer a = Run(*t.g, f, t.from, t.to, PathForm::kAllSimple, false, 1, limit);
      REQUIRE(a.paths.size() == std::min<size_t>(t.all.size(), static_cast<size_t>(limit)));
      REQUIRE(a.truncated == (t.all.size() > static_cast<size_t>(limit)));
      // Shortest first: nothing left out is shorter than something kept.
      std::vector<size_t> lengths;
      for (const OraclePath& p : t.all) lengths.push_back(p.length());
      std::sort(lengths.begin(), lengths.end());
      for (size_t i = 0; i < a.paths.size(); ++i) REQUIRE(a.paths[i].hops.size() == lengths[i]);
    }
    const double best = Best(t.all, false);
    size_t shortest = 0;
    for (const OraclePath& p : t.all) shortest += static_cast<double>(p.length()) == best;
    PathAnswer all = Run(*t.g, f, t.from, t.to, PathForm::kAllShortest, false, 1, limit);
    REQUIRE(all.paths.size() == std::min<size_t>(shortest, static_cast<size_t>(limit)));
    REQUIRE(all.truncated == (shortest > static_cast<size_t>(limit)));
    PathAnswer k = Run(*t.g, f, t.from, t.to, PathForm::kKShortest, false, limit + 2, limit);
    REQUIRE(k.paths.size() == std::min<size_t>(t.all.size(), static_cast<size_t>(limit)));
    REQUIRE(k.truncated == (t.all.size() > static_cast<size_t>(limit)));
  });
}

TEST_CASE("simple paths need --max-hops and refuse --weighted") {
  auto g = Graph::Build(casegraph::testing::RandomCase(*std::make_unique<std::mt19937>(1), 3, 3));
  Result<TraversalFilter> f = CompileFilter(*g, FilterSpec{});
  PathQuery q;
  q.form = PathForm::kAllSimple;
  CHECK(FindPaths(*g, f.value(), q).status().message() ==
        "simple needs max_hops N: the number of simple paths grows too fast to list them all");
  FilterSpec bounded;
  bounded.max_hops = 2;
  q.weighted = true;
  CHECK(FindPaths(*g, CompileFilter(*g, bounded).value(), q).status().message() ==
        "simple lists paths by hops; it cannot be combined with weighted");
}
