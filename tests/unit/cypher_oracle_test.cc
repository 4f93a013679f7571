// Pattern queries checked against brute force on many small random multigraphs (parallel and
// self-relations, a symmetric type): fixed patterns with relationship uniqueness, variable-length
// trails, labels, grouping, OPTIONAL MATCH, EXISTS, shortest paths and the time functions, each
// counted here by enumerating the case's relation list, independent of the graph and its matcher.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "oracle.h"
#include "query/cypher/query.h"
#include "test_support.h"

using namespace casegraph;

namespace {

// One way a relation can be matched by a pattern relationship: entity indexes (from, to) as
// travelled, and which relation.
struct Traversal {
  size_t relation, from, to;
};

// The traversals a pattern relationship of `types` (empty: any) allows. Directed (->): from->to,
// and to->from too for a symmetric type; undirected (-): both. A self-relation is one traversal.
std::vector<Traversal> Traversals(const Case& c, const std::set<std::string>& types, bool directed) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < c.entities.size(); ++i) index[c.entities[i].id] = i;
  std::vector<Traversal> out;
  for (size_t i = 0; i < c.relations.size(); ++i) {
    const Relation& r = c.relations[i];
    if (!types.empty() && !types.count(r.type)) continue;
    const size_t a = index[r.from], b = index[r.to];
    out.push_back({i, a, b});
    const bool symmetric = c.vocabulary.relation_types.at(r.type).symmetric;
    if (a != b && (!directed || symmetric)) out.push_back({i, b, a});
  }
  return out;
}

int64_t Count(const Graph& g, const std::string& query) {
  Result<cypher::QueryAnswer> a = cypher::RunQuery(g, query);
  INFO(query << (a.ok() ? "" : ": " + a.status().message()));
  REQUIRE(a.ok());
  REQUIRE(a.value().rows.size() == 1);
  return a.value().rows[0][0].integer();
}

// The rows of a query as text, sorted: "id|number" per row.
std::vector<std::string> Rows(const Graph& g, const std::string& query) {
  Result<cypher::QueryAnswer> a = cypher::RunQuery(g, query);
  INFO(query << (a.ok() ? "" : ": " + a.status().message()));
  REQUIRE(a.ok());
  std::vector<std::string> out;
  for (const cypher::ValueList& row : a.value().rows) {
    std::string line;
    for (const cypher::Value& v : row) {
      if (!line.empty()) line += "|";
      line += v.kind() == cypher::Value::Kind::kString ? v.string()
              : v.kind() == cypher::Value::Kind::kInt  ? std::to_string(v.integer())
                                                       : "null";
    }
    out.push_back(line);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Chains of two traversals a-[r1]->b-[r2]->c with r1 != r2.
int64_t OracleTwoHops(const std::vector<Traversal>& first, const std::vector<Traversal>& second) {
  int64_t n = 0;
  for (const Traversal& x : first) {
    for (const Traversal& y : second) n += x.to == y.from && x.relation != y.relation;
  }
  return n;
}

// Trails of min..max traversals from any start: depth-first over the relation list.
void Trails(const std::vector<Traversal>& ts, size_t at, int depth, int min, int max, std::vector<bool>& used,
            int64_t* n) {
  if (depth >= min) ++*n;
  if (depth == max) return;
  for (const Traversal& t : ts) {
    if (t.from != at || used[t.relation]) continue;
    used[t.relation] = true;
    Trails(ts, t.to, depth + 1, min, max, used, n);
    used[t.relation] = false;
  }
}

}  // namespace

TEST_CASE("pattern query counts agree with brute force on random graphs", "[cypher][oracle]") {
  std::mt19937 rng(20261202);
  for (int round = 0; round < 80; ++round) {
    const int n = 2 + static_cast<int>(rng() % 6), m = static_cast<int>(rng() % 13);
    const Case c = casegraph::testing::RandomCase(rng, n, m);
    const std::vector<Traversal> any = Traversals(c, {}, true), any_undirected = Traversals(c, {}, false);
    const std::vector<Traversal> t0 = Traversals(c, {"t0"}, true), t02 = Traversals(c, {"t0", "t2"}, true);
    const std::vector<Traversal> t1_undirected = Traversals(c, {"t1"}, false);
    for (const casegraph::testing::MadeGraph& made : casegraph::testing::GraphsOf(c, round % 8 == 0)) {
      const Graph& g = *made.graph;
      INFO("round " << round << ", graph " << made.how);
      CHECK(Count(g, "MATCH (a)-[r]->(b) RETURN count(*)") == static_cast<int64_t>(any.size()));
      CHECK(Count(g, "MATCH (a)-[r]-(b) RETURN count(*)") == static_cast<int64_t>(any_undirected.size()));
      CHECK(Count(g, "MATCH (a)-[:t0|t2]->(b)-[:t0]->(c) RETURN count(*)") == OracleTwoHops(t02, t0));
      CHECK(Count(g, "MATCH (a)-[:t1]-(b)-[]->(c) RETURN count(*)") == OracleTwoHops(t1_undirected, any));
      CHECK(Count(g, "MATCH (a)<-[]-(b)-[:t0]->(c) RETURN count(*)") == [&] {
        int64_t k = 0;  // a<-b written backwards: b->a, then b->c
        for (const Traversal& x : any) {
          for (const Traversal& y : t0) k += x.from == y.from && x.relation != y.relation;
        }
        return k;
      }());
      // Triangles a->b->c->a, each relation once.
      int64_t triangles = 0;
      for (const Traversal& x : any) {
        for (const Traversal& y : any) {
          if (x.to != y.from || x.relation == y.relation) continue;
          for (const Traversal& z : any) {
            triangles += y.to == z.from && z.to == x.from && z.relation != x.relation && z.relation != y.relation;
          }
        }
      }
      CHECK(Count(g, "MATCH (a)-[]->(b)-[]->(c)-[]->(a) RETURN count(*)") == triangles);
      // Chains of three, each relation once (the count mode's walked-then-counted last steps).
      for (const auto& [query, second, third] :
           {std::tuple("MATCH (a)-[]->(b)-[:t0|t2]->(c)-[]-(d) RETURN count(*)", &t02, &any_undirected),
            std::tuple("MATCH (a)-[]->(b)-[:t1]-(c)-[:t0]->(d) RETURN count(*)", &t1_undirected, &t0)}) {
        int64_t chains = 0;
        for (const Traversal& x : any) {
          for (const Traversal& y : *second) {
            if (x.to != y.from || x.relation == y.relation) continue;
            for (const Traversal& z : *third) chains += y.to == z.from && z.relation != x.relation && z.relation != y.relation;
          }
        }
        CHECK(Count(g, query) == chains);
      }
      // Two parts of one MATCH share uniqueness; two MATCH clauses do not.
      int64_t pairs = 0;
      for (const Traversal& x : t0) {
        for (const Traversal& y : any) pairs += x.relation != y.relation;
      }
      CHECK(Count(g, "MATCH (a)-[:t0]->(b), (c)-[]->(d) RETURN count(*)") == pairs);
      CHECK(Count(g, "MATCH (a)-[:t0]->(b) MATCH (c)-[]->(d) RETURN count(*)") ==
            static_cast<int64_t>(t0.size() * any.size()));
      // Variable-length trails.
      for (auto [min, max] : {std::pair(1, 2), std::pair(0, 3), std::pair(2, 4)}) {
        int64_t trails = 0;
        std::vector<bool> used(c.relations.size(), false);
        for (size_t v = 0; v < c.entities.size(); ++v) Trails(any, v, 0, min, max, used, &trails);
        const std::string range = std::to_string(min) + ".." + std::to_string(max);
        CHECK(Count(g, "MATCH (a)-[*" + range + "]->(b) RETURN count(*)") == trails);
        CHECK(Count(g, "MATCH (a)<-[*" + range + "]-(b) RETURN count(*)") == trails);  // each trail walked back
        int64_t undirected = 0;
        for (size_t v = 0; v < c.entities.size(); ++v) Trails(any_undirected, v, 0, min, max, used, &undirected);
        CHECK(Count(g, "MATCH (a)-[*" + range + "]-(b) RETURN count(*)") == undirected);
      }
      // Labels: entity types alternate org/person by index.
      int64_t labelled = 0;
      for (const Traversal& x : any_undirected) {
        labelled += c.entities[x.from].type == "person" && c.entities[x.to].type == "org";
      }
      CHECK(Count(g, "MATCH (a:person)-[]-(b:org) RETURN count(*)") == labelled);
      int64_t labelled_chains = 0;  // person -> any -> org, each relation once
      for (const Traversal& x : any) {
        for (const Traversal& y : any_undirected) {
          labelled_chains += x.to == y.from && x.relation != y.relation && c.entities[x.from].type == "person" &&
                             c.entities[y.to].type == "org";
        }
      }
      CHECK(Count(g, "MATCH (a:person)-[]->(b)-[]-(c:org) RETURN count(*)") == labelled_chains);
      CHECK(Count(g, "MATCH (a)-[]-(b) WHERE a:person AND b:org RETURN count(*)") == labelled);
      // Grouping by the start, OPTIONAL MATCH and EXISTS.
      std::map<std::string, int64_t> out_degree;
      for (const Entity& e : c.entities) out_degree[e.id] = 0;
      for (const Traversal& x : t0) ++out_degree[c.entities[x.from].id];
      std::vector<std::string> grouped, optional, without;
      for (const auto& [id, k] : out_degree) {
        if (k) grouped.push_back(id + "|" + std::to_string(k));
        optional.push_back(id + "|" + std::to_string(k));
        if (!k) without.push_back(id);
      }
      CHECK(Rows(g, "MATCH (a)-[:t0]->(b) RETURN a.id, count(*)") == grouped);
      CHECK(Rows(g, "MATCH (a) OPTIONAL MATCH (a)-[:t0]->(b) RETURN a.id, count(b)") == optional);
      CHECK(Rows(g, "MATCH (a) WHERE NOT EXISTS { MATCH (a)-[:t0]->() } RETURN a.id") == without);
    }
  }
}

TEST_CASE("shortestPath lengths agree with breadth-first search by brute force", "[cypher][oracle]") {
  std::mt19937 rng(7);
  for (int round = 0; round < 40; ++round) {
    const int n = 2 + static_cast<int>(rng() % 6), m = static_cast<int>(rng() % 10);
    const Case c = casegraph::testing::RandomCase(rng, n, m);
    const std::vector<Traversal> ts = Traversals(c, {"t0", "t2"}, true);
    const std::unique_ptr<const Graph> g = Graph::Build(Case(c));
    std::vector<std::string> expected;
    for (size_t s = 0; s < c.entities.size(); ++s) {
      std::vector<int> dist(c.entities.size(), -1);
      dist[s] = 0;
      for (size_t step = 0; step < c.entities.size(); ++step) {  // relax every traversal n times
        for (const Traversal& t : ts) {
          if (dist[t.from] >= 0 && (dist[t.to] < 0 || dist[t.from] + 1 < dist[t.to])) dist[t.to] = dist[t.from] + 1;
        }
      }
      for (size_t t = 0; t < c.entities.size(); ++t) {
        if (t != s && dist[t] > 0) expected.push_back(c.entities[s].id + "|" + c.entities[t].id + "|" + std::to_string(dist[t]));
      }
    }
    std::sort(expected.begin(), expected.end());
    INFO("round " << round);
    CHECK(Rows(*g, "MATCH (a), (b) WHERE a <> b MATCH p = shortestPath((a)-[:t0|t2*]->(b)) "
                   "RETURN a.id, b.id, length(p)") == expected);
  }
}

TEST_CASE("as_of and overlaps keep what the time filters' oracle keeps", "[cypher][oracle]") {
  std::mt19937 rng(11);
  const char* days[] = {"2020-12-31", "2021-01", "2021-03-15", "2021-06", "2021-12-31", "2021"};
  for (int round = 0; round < 30; ++round) {
    const Case c = casegraph::testing::RandomCase(rng, 4, 12);
    const std::unique_ptr<const Graph> g = Graph::Build(Case(c));
    for (const char* d : days) {
      casegraph::testing::OracleQuery q;
      q.as_of = ParseDate(d).value();
      std::vector<std::string> expected;
      for (const Relation& r : c.relations) {
        if (casegraph::testing::OracleTimeAllows(r, q)) expected.push_back(r.id);
      }
      std::sort(expected.begin(), expected.end());
      CHECK(Rows(*g, std::string("MATCH ()-[r]-() WHERE as_of(r, '") + d + "') RETURN DISTINCT r.id") == expected);
    }
    for (auto [from, to] : {std::pair("2021-02", "2021-02"), std::pair("2020", "2021-03-01"), std::pair("2021-06-30", "2022")}) {
      casegraph::testing::OracleQuery q;
      q.window_from = ParseDate(from).value();
      q.window_to = ParseDate(to).value();
      std::vector<std::string> expected;
      for (const Relation& r : c.relations) {
        if (casegraph::testing::OracleTimeAllows(r, q)) expected.push_back(r.id);
      }
      std::sort(expected.begin(), expected.end());
      CHECK(Rows(*g, std::string("MATCH ()-[r]-() WHERE overlaps(r, '") + from + "', '" + to + "') RETURN DISTINCT r.id") ==
            expected);
    }
  }
}
