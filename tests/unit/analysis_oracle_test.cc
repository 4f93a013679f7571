// neighbors, rank and brokers against naive computations on small random multigraphs.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>

#include "oracle.h"
#include "query/brokers.h"
#include "query/neighbourhood.h"
#include "query/ranking.h"
#include "test_support.h"

using namespace casegraph;
using casegraph::testing::OracleQuery;

namespace {

// The relations the oracle query allows in any direction (type, status, time), as index pairs.
struct Edge {
  size_t a, b;  // as written
  double w;
  bool forward, backward;  // may it be walked a->b, b->a
  size_t relation;
};

std::vector<Edge> Edges(const Case& c, const OracleQuery& q) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < c.entities.size(); ++i) index[c.entities[i].id] = i;
  std::vector<Edge> out;
  for (size_t r = 0; r < c.relations.size(); ++r) {
    const Relation& rel = c.relations[r];
    const bool f = casegraph::testing::OracleAllows(c, rel, true, q);
    const bool b = casegraph::testing::OracleAllows(c, rel, false, q);
    if (f || b) out.push_back({index[rel.from], index[rel.to], rel.weight, f, b, r});
  }
  return out;
}

// Connected components of entities under the edges, with some entity or edge removed.
size_t Components(size_t n, const std::vector<Edge>& edges, size_t skip_entity, size_t skip_edge) {
  std::vector<size_t> parent(n);
  for (size_t i = 0; i < n; ++i) parent[i] = i;
  std::function<size_t(size_t)> root = [&](size_t x) { return parent[x] == x ? x : parent[x] = root(parent[x]); };
  for (size_t e = 0; e < edges.size(); ++e) {
    if (e == skip_edge || edges[e].a == skip_entity || edges[e].b == skip_entity) continue;
    parent[root(edges[e].a)] = root(edges[e].b);
  }
  std::set<size_t> roots;
  for (size_t i = 0; i < n; ++i) {
    if (i != skip_entity) roots.insert(root(i));
  }
  return roots.size();
}

// Shortest distances from s (hops or weights) and the number of shortest walks, counting
// parallel relations apart: Bellman-Ford style relaxation, then path counts by distance order.
void Counts(size_t n, const std::vector<Edge>& edges, size_t s, bool directed, bool weighted, std::vector<double>* dist,
            std::vector<double>* sigma) {
  const double inf = 1e18;
  dist->assign(n, inf);
  sigma->assign(n, 0);
  (*dist)[s] = 0;
  auto steps = [&](auto fn) {
    for (const Edge& e : edges) {
      if (e.a == e.b) continue;
      const double w = weighted ? e.w : 1.0;
      if (!directed || e.forward) fn(e.a, e.b, w);
      if (!directed || e.backward) fn(e.b, e.a, w);
    }
  };
  for (size_t round = 0; round < n; ++round) {
    steps([&](size_t u, size_t v, double w) {
      if ((*dist)[u] + w < (*dist)[v]) (*dist)[v] = (*dist)[u] + w;
    });
  }
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) { return (*dist)[x] < (*dist)[y]; });
  (*sigma)[s] = 1;
  for (size_t v : order) {
    if (v == s || (*dist)[v] >= inf) continue;
    steps([&](size_t a, size_t b, double w) {
      if (b == v && (*dist)[a] + w == (*dist)[v]) (*sigma)[v] += (*sigma)[a];
    });
  }
}

// A random filter with what rank, brokers and degree use: directions, types, statuses, time.
void RankFilter(std::mt19937& rng, const Case& c, FilterSpec* spec, OracleQuery* oq) {
  casegraph::testing::RandomFilter(rng, c, spec, oq);
  spec->avoid.clear();
  spec->through_types.clear();
  spec->max_hops.reset();
  oq->avoid_entities.clear();
  oq->avoid_relations.clear();
  oq->through_types.clear();
  oq->max_hops.reset();
}

}  // namespace

TEST_CASE("betweenness matches the naive sum over all pairs, parallel relations counted apart") {
  std::mt19937 rng(5);
  for (int graph = 0; graph < 600; ++graph) {
    const int n = 2 + static_cast<int>(rng() % 6);
    const Case c = casegraph::testing::RandomCase(rng, n, static_cast<int>(rng() % (3 * n + 1)));
    for (const casegraph::testing::MadeGraph& made : casegraph::testing::GraphsOf(c, graph % 8 == 0)) {
      const Graph* g = made.graph.get();
      INFO(made.how);
      FilterSpec spec;
      OracleQuery oq;
      RankFilter(rng, c, &spec, &oq);
      Result<TraversalFilter> f = CompileFilter(*g, spec);
      REQUIRE(f.ok());
      const bool directed = spec.direction != Direction::kAny;
      const std::vector<Edge> edges = Edges(c, oq);
      for (bool weighted : {false, true}) {
        INFO("graph " << graph << " weighted " << weighted << " direction " << static_cast<int>(spec.direction));
        std::vector<std::vector<double>> dist(n), sigma(n);
        for (int s = 0; s < n; ++s) Counts(n, edges, s, directed, weighted, &dist[s], &sigma[s]);
        std::vector<double> expected(n, 0);
        for (int s = 0; s < n; ++s) {
          for (int t = 0; t < n; ++t) {
            if (s == t || sigma[s][t] == 0) continue;
            for (int v = 0; v < n; ++v) {
              if (v == s || v == t || sigma[s][v] == 0 || sigma[v][t] == 0) continue;
              if (dist[s][v] + dist[v][t] == dist[s][t]) expected[v] += sigma[s][v] * sigma[v][t] / sigma[s][t];
            }
          }
        }
        if (!directed) {
          for (double& x : expected) x /= 2;  // each unordered pair once
        }
        RankQuery q;
        q.measure = RankMeasure::kBetweenness;
        q.weighted = weighted;
        Result<std::vector<RankedEntity>> ranked = Rank(*g, f.value(), q);
        REQUIRE(ranked.ok());
        for (const RankedEntity& r : ranked.value()) {
          INFO("entity " << r.entity);
          REQUIRE(r.score == Approx(expected[r.entity]).margin(1e-9));
        }
      }
    }  // each way the graph is made
  }
}

TEST_CASE("degree and PageRank match naive computations") {
  std::mt19937 rng(6);
  for (int graph = 0; graph < 600; ++graph) {
    const int n = 1 + static_cast<int>(rng() % 7);
    const Case c = casegraph::testing::RandomCase(rng, n, static_cast<int>(rng() % (3 * n + 1)));
    for (const casegraph::testing::MadeGraph& made : casegraph::testing::GraphsOf(c, graph % 8 == 0)) {
      const Graph* g = made.graph.get();
      INFO(made.how);
      FilterSpec spec;
      OracleQuery oq;
      RankFilter(rng, c, &spec, &oq);
      Result<TraversalFilter> f = CompileFilter(*g, spec);
      REQUIRE(f.ok());
      const std::vector<Edge> edges = Edges(c, oq);
      // Degree: relations at the entity that the direction lets leave it (any: all of them).
      std::vector<double> degree(n, 0), weighted_degree(n, 0);
      for (const Edge& e : edges) {
        auto add = [&](size_t v) {
          degree[v] += 1;
          weighted_degree[v] += e.w;
        };
        if (spec.direction == Direction::kAny) {
          add(e.a);
          if (e.b != e.a) add(e.b);
        } else if (spec.direction == Direction::kForward) {  // relations the entity may be left by
          if (e.forward) add(e.a);
          if (e.backward && e.b != e.a) add(e.b);
        } else {  // --reverse: relations pointing at the entity as written, walked from it
          if (e.backward) add(e.b);
          if (e.forward && e.b != e.a) add(e.a);
        }
      }
      for (bool weighted : {false, true}) {
        RankQuery q;
        q.weighted = weighted;
        auto ranked = Rank(*g, f.value(), q);
        REQUIRE(ranked.ok());
        for (const RankedEntity& r : ranked.value()) {
          REQUIRE(r.score == (weighted ? weighted_degree : degree)[r.entity]);
        }
      }
      // PageRank: r(v) = (1 - d) + d * sum over steps u -> v of r(u) / out-steps(u), 100 rounds
      // from 1/n, then divided by n. Steps: both ways in any direction; as the direction allows.
      std::vector<std::pair<size_t, size_t>> steps;
      for (const Edge& e : edges) {
        if (e.a == e.b) continue;  // self-relations do not take part
        if (e.forward) steps.emplace_back(e.a, e.b);  // in any direction both hold
        if (e.backward) steps.emplace_back(e.b, e.a);
      }
      std::vector<double> out_steps(n, 0), rank(n, 1.0 / n);
      for (const auto& [u, v] : steps) out_steps[u] += 1;
      for (int round = 0; round < 100; ++round) {
        std::vector<double> next(n, 1 - 0.85);
        for (const auto& [u, v] : steps) next[v] += 0.85 * rank[u] / out_steps[u];
        rank = next;
      }
      RankQuery q;
      q.measure = RankMeasure::kPageRank;
      auto ranked = Rank(*g, f.value(), q);
      REQUIRE(ranked.ok());
      for (const RankedEntity& r : ranked.value()) {
        INFO("graph " << graph << " entity " << r.entity);
        REQUIRE(r.score == Approx(rank[r.entity] / n).margin(1e-9));
      }
    }  // each way the graph is made
  }
}

TEST_CASE("brokers are exactly the entities and relations whose removal adds a component") {
  std::mt19937 rng(7);
  for (int graph = 0; graph < 1000; ++graph) {
    const int n = 1 + static_cast<int>(rng() % 8);
    const Case c = casegraph::testing::RandomCase(rng, n, static_cast<int>(rng() % (2 * n + 1)));
    for (const casegraph::testing::MadeGraph& made : casegraph::testing::GraphsOf(c, graph % 8 == 0)) {
      const Graph* g = made.graph.get();
      INFO(made.how);
      FilterSpec spec;
      OracleQuery oq;
      if (rng() % 2) {
        spec.via = {"t0", "t1"};
        oq.via = {"t0", "t1"};
      }
      Result<TraversalFilter> f = CompileFilter(*g, spec);
      REQUIRE(f.ok());
      const std::vector<Edge> edges = Edges(c, oq);
      const size_t none = static_cast<size_t>(-1);
      const size_t base = Components(n, edges, none, none);
      std::vector<EntityId> points;
      for (int v = 0; v < n; ++v) {
        // Removing v leaves base - 1 components if v was alone, base if nothing split.
        const bool alone = std::none_of(edges.begin(), edges.end(), [&](const Edge& e) {
          return (e.a == static_cast<size_t>(v)) != (e.b == static_cast<size_t>(v));
        });
        if (Components(n, edges, v, none) > base - (alone ? 1 : 0)) points.push_back(static_cast<EntityId>(v));
      }
      std::vector<RelationId> bridges;
      for (size_t e = 0; e < edges.size(); ++e) {
        if (edges[e].a != edges[e].b && Components(n, edges, none, e) > base) {
          bridges.push_back(static_cast<RelationId>(edges[e].relation));
        }
      }
      const Brokers b = FindBrokers(*g, f.value());
      std::string described;
      for (const Relation& r : c.relations) described += r.id + " " + r.from + "-" + r.type + "-" + r.to + "\n";
      INFO("graph " << graph << "\n" << described);
      REQUIRE(b.articulation_points == points);
      REQUIRE(b.bridges == bridges);
    }  // each way the graph is made
  }
}

TEST_CASE("neighbours within a depth match breadth-first distances, with every relation that reaches them") {
  std::mt19937 rng(8);
  int plain = 0, plain_typed = 0;  // counts that took the rows as they lie (steps_by_type)
  for (int graph = 0; graph < 800; ++graph) {
    const int n = 1 + static_cast<int>(rng() % 8);
    const Case c = casegraph::testing::RandomCase(rng, n, static_cast<int>(rng() % (3 * n + 1)));
    for (const casegraph::testing::MadeGraph& made : casegraph::testing::GraphsOf(c, graph % 8 == 0)) {
      const Graph* g = made.graph.get();
      INFO(made.how);
      FilterSpec spec;
      OracleQuery oq;
      casegraph::testing::RandomFilter(rng, c, &spec, &oq);
      spec.max_hops.reset();
      oq.max_hops.reset();
      Result<TraversalFilter> f = CompileFilter(*g, spec);
      REQUIRE(f.ok());
      const EntityId center = static_cast<EntityId>(rng() % n);
      const int depth = static_cast<int>(rng() % 4);
      // Naive: distances by relaxation, where only allowed stops (and the centre) are passed through.
      std::vector<int> dist(n, -1);
      dist[center] = 0;
      for (int level = 0; level < depth; ++level) {
        std::vector<int> next = dist;
        for (const Relation& r : c.relations) {
          for (bool forward : {true, false}) {
            const int a = std::stoi((forward ? r.from : r.to).substr(1)), b = std::stoi((forward ? r.to : r.from).substr(1));
            if (dist[a] != level || next[b] != -1 || b == static_cast<int>(center)) continue;
            if (!casegraph::testing::OracleAllows(c, r, forward, oq)) continue;
            if (oq.avoid_entities.count(c.entities[b].id)) continue;
            if (a != static_cast<int>(center) && !casegraph::testing::OracleAllowsStop(c.entities[a], oq)) continue;
            next[b] = level + 1;
          }
        }
        dist = next;
      }
      const std::vector<Neighbour> found = Neighbours(*g, f.value(), center, depth);
      std::map<EntityId, int> got;
      for (const Neighbour& x : found) {
        got[x.entity] = x.distance;
        for (const Hop& h : x.reached_by) {
          REQUIRE(h.to == x.entity);
          REQUIRE(dist[h.from] == x.distance - 1);
        }
        REQUIRE_FALSE(x.reached_by.empty());
      }
      for (int v = 0; v < n; ++v) {
        INFO("graph " << graph << " entity " << v);
        if (v == static_cast<int>(center) || dist[v] <= 0) {
          REQUIRE_FALSE(got.count(v));
        } else {
          REQUIRE(got.count(v));
          REQUIRE(got[v] == dist[v]);
        }
      }
      // Counting (--count) finds as many at each distance, without listing them; twice, since
      // its marks are kept between queries.
      std::vector<size_t> expected(static_cast<size_t>(depth), 0);
      for (const Neighbour& x : found) ++expected[static_cast<size_t>(x.distance - 1)];
      REQUIRE(CountNeighbours(*g, f.value(), center, depth) == expected);
      REQUIRE(CountNeighbours(*g, f.value(), center, depth) == expected);
      if (f.value().steps_by_type()) ++(f.value().all_types() ? plain : plain_typed);
    }  // each way the graph is made
  }
  // Both ways of counting were tried, and both kinds of the rows-as-they-lie count.
  INFO("plain " << plain << ", by type " << plain_typed);
  REQUIRE(plain > 50);
  REQUIRE(plain_typed > 20);
}
