// Point-to-point shortest paths.
//
// FewestHops: bidirectional breadth-first search. Both searches expand whole levels, always the
// side with fewer relations to scan. The first entity a level reaches that the other side has
// seen ends the search: its depth on the other side is that side's last level (had it been less,
// the other side would have reached this side's previous level already, and the search would
// have ended then), so every meeting of this level gives the same length, the shortest.
//
// LeastCost: Dijkstra's algorithm with a binary heap (weights are positive); with a hop limit,
// Bellman-Ford restricted to that many rounds, which is exact for at-most-h-hop paths.
#include <algorithm>
#include <limits>
#include <queue>

#include "query/walker.h"

namespace casegraph {

namespace {

constexpr uint32_t kUnseen = std::numeric_limits<uint32_t>::max();

// What both searches know of one entity: its depth from each end, side by side so that a step's
// check reads one place. (The relation each side reached it by is in that side's log.)
struct Mark {
  uint32_t depth[2] = {kUnseen, kUnseen};
};

// One side's search in the order it reached entities: (entity, relation it was reached by:
// forward side, the relation into it; backward side, the relation out of it toward the target).
// Level d is log[level_start[d] .. level_start[d+1]); the last level is the frontier. Written in
// sequence, so that reaching an entity costs no second random write.
struct SideLog {
  std::vector<std::pair<EntityId, RelationId>> log;
  std::vector<size_t> level_start;

  void Clear() {
    log.clear();
    level_start.clear();
  }
  // The relation v was reached by; v is at depth d.
  RelationId ReachedBy(EntityId v, uint32_t d) const {
    const size_t end = d + 1 < level_start.size() ? level_start[d + 1] : log.size();
    for (size_t i = level_start[d]; i < end; ++i) {
      if (log[i].first == v) return log[i].second;
    }
    return 0;  // not reached: cannot happen for an entity with that depth
  }
};

// How many relations expanding a side's frontier would scan: counted for a small frontier,
// estimated from an even sample of a large one (counting every entity would read each one's
// place in the adjacency, a cache miss, for entities that may never be expanded).
size_t FrontierCost(const Walker& w, const SideLog& side, bool forward) {
  constexpr size_t kSample = 64;
  const size_t begin = side.level_start.back(), n = side.log.size() - begin;
  if (n <= kSample) {
    size_t cost = 0;
    for (size_t i = begin; i < side.log.size(); ++i) cost += w.ScanCost(side.log[i].first, forward);
    return cost;
  }
  size_t sampled = 0;
  for (size_t k = 0; k < kSample; ++k) sampled += w.ScanCost(side.log[begin + k * n / kSample].first, forward);
  return sampled * n / kSample;
}

EntityId OtherEnd(const Graph& g, RelationId r, EntityId v) {
  return g.relation_from(r) == v ? g.relation_to(r) : g.relation_from(r);
}

}  // namespace

// The per-entity marks of one search, kept between searches of a thread so that a query on a
// large graph costs what it visits, not what the graph holds: entries are reset through the list
// of entities touched.
struct FewestHopsScratch {
  std::vector<Mark> mark;
  SideLog side[2];
  std::vector<EntityId> touched;

  void Prepare(size_t n) {
    if (mark.size() != n) mark.assign(n, Mark{});
    side[0].Clear();
    side[1].Clear();
  }
  void Reset() {
    for (EntityId v : touched) mark[v] = Mark{};
    touched.clear();
  }
};

std::optional<Path> FewestHops(const Walker& w, EntityId from, EntityId to, std::optional<int> hop_limit) {
  if (from == to) return Path{from, {}, 0};
  thread_local FewestHopsScratch scratch;
  const Graph& g = w.graph();
  scratch.Prepare(g.entity_count());
  std::vector<Mark>& mark = scratch.mark;
  struct ResetOnExit {
    FewestHopsScratch& s;
    ~ResetOnExit() { s.Reset(); }
  } reset{scratch};
  SideLog* sides = scratch.side;
  for (int s = 0; s < 2; ++s) {
    const EntityId end = s == 0 ? from : to;
    sides[s].level_start.push_back(0);
    sides[s].log.emplace_back(end, 0);
    mark[end].depth[s] = 0;
    scratch.touched.push_back(end);
  }
  uint32_t levels[2] = {0, 0};
  // Relations each frontier would scan (estimated for large frontiers).
  size_t cost[2] = {w.ScanCost(from, true), w.ScanCost(to, false)};
  auto frontier_size = [&](int s) { return sides[s].log.size() - sides[s].level_start.back(); };
  while (frontier_size(0) > 0 && frontier_size(1) > 0) {
    if (hop_limit && static_cast<int>(levels[0] + levels[1]) >= *hop_limit) return std::nullopt;
    // Expand the side with fewer relations to scan (NetworkX compares frontier sizes; counting
    // relations avoids expanding a frontier of few but busy entities).
    const int side = cost[0] <= cost[1] ? 0 : 1;
    const int other = 1 - side;
    SideLog& log = sides[side];
    const EntityId goal = side == 0 ? to : from;
    const uint32_t level = levels[side] + 1;
    const size_t begin = log.level_start.back(), end = log.log.size();
    log.level_start.push_back(end);
    EntityId meet = 0;
    uint32_t best = kUnseen;
    auto visit = [&](RelationId r, EntityId u) {
      if (best != kUnseen) return;
      Mark& m = mark[u];
      if (m.depth[side] != kUnseen) return;
      if (!w.CanEnter(u, goal)) return;
      if (m.depth[other] == kUnseen) scratch.touched.push_back(u);  // else touched already
      m.depth[side] = level;
      log.log.emplace_back(u, r);
      if (m.depth[other] != kUnseen) {
        best = level + m.depth[other];
        meet = u;
      }
    };
    // The frontier is known in advance: its rows are asked for a few entities ahead.
    constexpr size_t kPlaceAhead = 16, kRowAhead = 8;
    for (size_t i = begin; i < end && i < begin + kPlaceAhead; ++i) w.PrefetchPlace(log.log[i].first, side == 0);
    for (size_t i = begin; i < end && best == kUnseen; ++i) {
      if (i + kPlaceAhead < end) w.PrefetchPlace(log.log[i + kPlaceAhead].first, side == 0);
      if (i + kRowAhead < end) w.PrefetchRow(log.log[i + kRowAhead].first, side == 0);
      const EntityId v = log.log[i].first;
      if (side == 0) {
        w.StepsFrom(v, [&](RelationId r, bool, EntityId u) { visit(r, u); });
      } else {
        w.StepsInto(v, [&](RelationId r, bool, EntityId u) { visit(r, u); });
      }
    }
    levels[side] = level;
    if (best != kUnseen) {
      if (hop_limit && static_cast<int>(best) > *hop_limit) return std::nullopt;
      Path p{from, {}, 0};
      for (EntityId v = meet; v != from;) {
        const RelationId r = sides[0].ReachedBy(v, mark[v].depth[0]);
        const EntityId prev = OtherEnd(g, r, v);
        p.hops.push_back(Hop{r, g.relation_from(r) == prev, prev, v});
        v = prev;
      }
      std::reverse(p.hops.begin(), p.hops.end());
      for (EntityId v = meet; v != to;) {
        const RelationId r = sides[1].ReachedBy(v, mark[v].depth[1]);
        const EntityId after = OtherEnd(g, r, v);
        p.hops.push_back(Hop{r, g.relation_from(r) == v, v, after});
        v = after;
      }
      p.cost = static_cast<double>(p.hops.size());
      return p;
    }
    cost[side] = FrontierCost(w, log, side == 0);
  }
  return std::nullopt;
}

namespace {

Path FromParents(const std::vector<Hop>& parent, EntityId from, EntityId to, const Walker& w) {
  Path p{from, {}, 0};
  for (EntityId v = to; v != from; v = parent[v].from) p.hops.push_back(parent[v]);
  std::reverse(p.hops.begin(), p.hops.end());
  p.cost = PathCost(w, p.hops, true);
  return p;
}

std::optional<Path> Dijkstra(const Walker& w, EntityId from, EntityId to) {
  std::vector<Hop> parent(w.graph().entity_count());
  const std::vector<double> cost = LeastCosts(w, from, to, true, true, &parent);
  if (cost[to] == std::numeric_limits<double>::infinity()) return std::nullopt;
  return FromParents(parent, from, to, w);
}

// Least cost over walks of at most `limit` hops: round h relaxes from the entities whose best
// cost changed in round h-1. With positive weights the best walk is a simple path.
std::optional<Path> HopBoundedLeastCost(const Walker& w, EntityId from, EntityId to, int limit) {
  const size_t n = w.graph().entity_count();
  constexpr double kInf = std::numeric_limits<double>::infinity();
  // cost[h][v], parent[h][v]: the best walk to v of at most h hops, and its last hop.
  std::vector<std::vector<double>> cost(limit + 1, std::vector<double>(n, kInf));
  std::vector<std::vector<Hop>> parent(limit + 1, std::vector<Hop>(n));
  cost[0][from] = 0;
  std::vector<EntityId> changed{from};
  int rounds = 0;  // cost[rounds] is final: later rounds would change nothing
  for (int h = 1; h <= limit && !changed.empty(); ++h) {
    rounds = h;
    cost[h] = cost[h - 1];
    parent[h] = parent[h - 1];
    std::vector<EntityId> now;
    for (EntityId v : changed) {
      if (v == to) continue;  // a walk does not continue past its target
      w.StepsFrom(v, [&](RelationId r, bool dir, EntityId u) {
        if (u == from || !w.CanEnter(u, to)) return;
        const double nd = cost[h - 1][v] + w.Weight(r);
        if (nd < cost[h][u]) {
          if (cost[h][u] == cost[h - 1][u]) now.push_back(u);
          cost[h][u] = nd;
          parent[h][u] = Hop{r, dir, v, u};
        }
      });
    }
    std::sort(now.begin(), now.end());
    now.erase(std::unique(now.begin(), now.end()), now.end());
    changed.swap(now);
  }
  int h = rounds;
  if (cost[h][to] == kInf) return std::nullopt;
  // Walk back through the rounds: the hop into v was set in the round where v's cost last fell.
  Path p{from, {}, 0};
  EntityId v = to;
  while (v != from) {
    while (h > 0 && cost[h - 1][v] == cost[h][v]) --h;
    const Hop hop = parent[h][v];
    p.hops.push_back(hop);
    v = hop.from;
    --h;
  }
  std::reverse(p.hops.begin(), p.hops.end());
  p.cost = PathCost(w, p.hops, true);
  return p;
}

}  // namespace

std::vector<double> LeastCosts(const Walker& w, EntityId source, EntityId other_end, bool forward,
                               bool stop_at_other_end, std::vector<Hop>* parent) {
  const size_t n = w.graph().entity_count();
  std::vector<double> dist(n, std::numeric_limits<double>::infinity());
  std::vector<char> done(n, 0);
  using Item = std::pair<double, EntityId>;
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
  dist[source] = 0;
  heap.emplace(0.0, source);
  while (!heap.empty()) {
    const auto top = heap.top();  // not a structured binding: lambdas below use them
    const auto d = top.first;
    const EntityId v = top.second;
    heap.pop();
    if (done[v]) continue;
    done[v] = 1;
    if (v == other_end) {
      if (stop_at_other_end) break;
      continue;  // walks end there
    }
    auto relax = [&](RelationId r, bool dir, EntityId u) {
      if (done[u] || !w.CanEnter(u, other_end)) return;
      const double nd = d + w.Weight(r);
      if (nd < dist[u]) {
        dist[u] = nd;
        if (parent) (*parent)[u] = forward ? Hop{r, dir, v, u} : Hop{r, dir, u, v};
        heap.emplace(nd, u);
      }
    };
    forward ? w.StepsFrom(v, relax) : w.StepsInto(v, relax);
  }
  return dist;
}

std::optional<Path> LeastCost(const Walker& w, EntityId from, EntityId to, std::optional<int> hop_limit) {
  if (from == to) return Path{from, {}, 0};
  if (hop_limit) return HopBoundedLeastCost(w, from, to, *hop_limit);
  return Dijkstra(w, from, to);
}

}  // namespace casegraph
