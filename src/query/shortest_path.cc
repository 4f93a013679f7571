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

// One side's search in the order it reached entities: (entity, relation it was reached by:
// forward side, the relation into it; backward side, the relation out of it toward the target).
// Level d is log[level_start[d] .. level_start[d+1]); the last level is the frontier. Written in
// sequence, so that reaching an entity costs no second random write; an entity's depth is the
// level it is logged in.
struct SideLog {
  std::vector<std::pair<EntityId, RelationId>> log;
  std::vector<size_t> level_start;

  void Clear() {
    log.clear();
    level_start.clear();
  }
  size_t LevelEnd(uint32_t d) const { return d + 1 < level_start.size() ? level_start[d + 1] : log.size(); }
  // The relation v was reached by; v is at depth d.
  RelationId ReachedBy(EntityId v, uint32_t d) const {
    for (size_t i = level_start[d]; i < LevelEnd(d); ++i) {
      if (log[i].first == v) return log[i].second;
    }
    return 0;  // not reached: cannot happen for an entity with that depth
  }
  // The depth of an entity this side reached.
  uint32_t DepthOf(EntityId v) const {
    for (uint32_t d = 0; d < level_start.size(); ++d) {
      for (size_t i = level_start[d]; i < LevelEnd(d); ++i) {
        if (log[i].first == v) return d;
      }
    }
    return kUnseen;  // cannot happen
  }
};

// How many relations expanding a side's frontier would scan: counted for a small frontier,
// estimated from an even sample of a large one (counting every entity would read each one's
// place in the adjacency, a cache miss, for entities that may never be expanded).
size_t FrontierCost(const Walker& w, const SideLog& side, bool forward) {
  constexpr size_t kSample = 64;
  const size_t begin = side.level_start.back(), n = side.log.size() - begin;
  if (n == 0) return 0;
  const size_t samples = std::min(n, kSample);  // all of a small frontier: exact
  size_t sampled = 0;
  for (size_t k = 0; k < samples; ++k) sampled += w.ScanCost(side.log[begin + k * n / samples].first, forward);
  return sampled * n / samples;
}

EntityId OtherEnd(const Graph& g, RelationId r, EntityId v) {
  return g.relation_from(r) == v ? g.relation_to(r) : g.relation_from(r);
}

}  // namespace

// Which entities each side has reached: two bits per entity (side 0's, side 1's), so that the
// check a search makes for every relation it scans reads a bitmap of n/4 bytes, which stays in
// the processor's cache, rather than an array of depths, which on a large graph does not.
// Kept between searches of a thread and cleared through the logs, so that a query on a large
// graph costs what it visits, not what the graph holds.
struct FewestHopsScratch {
  std::vector<uint64_t> seen;  // entity v: bits 2*(v%32) (side 0) and 2*(v%32)+1 of word v/32
  SideLog side[2];

  void Prepare(size_t n) {
    if (seen.size() != (n + 31) / 32) seen.assign((n + 31) / 32, 0);
    side[0].Clear();
    side[1].Clear();
  }
  // The two bits of v, as bits 0 (side 0) and 1 (side 1).
  unsigned Seen(EntityId v) const { return static_cast<unsigned>(seen[v >> 5] >> ((v & 31) * 2)) & 3u; }
  void See(EntityId v, int s) { seen[v >> 5] |= uint64_t{1} << ((v & 31) * 2 + static_cast<unsigned>(s)); }
  void Reset() {
    for (const SideLog& log : side) {
      for (const auto& [v, r] : log.log) seen[v >> 5] &= ~(uint64_t{3} << ((v & 31) * 2));
    }
  }
};

namespace {

// One search of FewestHops: both sides' logs in the thread's scratch, expanded level by level.
class BidirectionalSearch {
 public:
  BidirectionalSearch(const Walker& w, FewestHopsScratch& scratch, EntityId from, EntityId to)
      : w_(w), g_(w.graph()), scratch_(scratch), sides_(scratch.side), from_(from), to_(to) {
    for (int s = 0; s < 2; ++s) {
      const EntityId end = s == 0 ? from : to;
      sides_[s].level_start.push_back(0);
      sides_[s].log.emplace_back(end, 0);
      scratch_.See(end, s);
    }
    cost_[0] = w.ScanCost(from, true);
    cost_[1] = w.ScanCost(to, false);
  }

  std::optional<Path> Run(std::optional<int> hop_limit) {
    while (FrontierSize(0) > 0 && FrontierSize(1) > 0) {
      if (hop_limit && static_cast<int>(levels_[0] + levels_[1]) >= *hop_limit) return std::nullopt;
      // Expand the side with fewer relations to scan (NetworkX compares frontier sizes; counting
      // relations avoids expanding a frontier of few but busy entities).
      const int side = cost_[0] <= cost_[1] ? 0 : 1;
      if (std::optional<EntityId> meet = ExpandLevel(side)) {
        // The other side reached meet in its last level or before (see the top of this file).
        const uint32_t depth[2] = {side == 0 ? levels_[0] : sides_[0].DepthOf(*meet),
                                   side == 1 ? levels_[1] : sides_[1].DepthOf(*meet)};
        if (hop_limit && static_cast<int>(depth[0] + depth[1]) > *hop_limit) return std::nullopt;
        return Trace(*meet, depth);
      }
      cost_[side] = FrontierCost(w_, sides_[side], side == 0);
    }
    return std::nullopt;
  }

 private:
  size_t FrontierSize(int s) const { return sides_[s].log.size() - sides_[s].level_start.back(); }

  // Expands one level of a side; the first entity it reaches that the other side has seen.
  std::optional<EntityId> ExpandLevel(int side) {
    const int other = 1 - side;
    SideLog& log = sides_[side];
    const EntityId goal = side == 0 ? to_ : from_;
    const size_t begin = log.level_start.back(), end = log.log.size();
    log.level_start.push_back(end);
    levels_[side] += 1;
    std::optional<EntityId> meet;
    auto visit = [&](RelationId r, bool, EntityId u) {
      if (meet) return;
      const unsigned seen = scratch_.Seen(u);
      if (seen & (1u << side)) return;
      if (!w_.CanEnter(u, goal)) return;
      scratch_.See(u, side);
      log.log.emplace_back(u, r);
      if (seen & (1u << other)) meet = u;
    };
    // The frontier is known in advance: each entity's row is asked for kAhead entities before it
    // is read (and where the row is, twice as far ahead), so that the cache misses overlap.
    constexpr size_t kAhead = 8;
    const bool forward = side == 0;
    for (size_t i = begin; i < end && i < begin + 2 * kAhead; ++i) w_.PrefetchPlace(log.log[i].first, forward);
    for (size_t i = begin; i < end && !meet; ++i) {
      if (i + 2 * kAhead < end) w_.PrefetchPlace(log.log[i + 2 * kAhead].first, forward);
      if (i + kAhead < end) w_.PrefetchRow(log.log[i + kAhead].first, forward);
      const EntityId v = log.log[i].first;
      forward ? w_.StepsFrom(v, visit) : w_.StepsInto(v, visit);
    }
    return meet;
  }

  // The path through meet, read back from both logs.
  Path Trace(EntityId meet, const uint32_t depth[2]) const {
    Path p{from_, {}, 0};
    uint32_t d = depth[0];
    for (EntityId v = meet; v != from_; --d) {
      const RelationId r = sides_[0].ReachedBy(v, d);
      const EntityId prev = OtherEnd(g_, r, v);
      p.hops.push_back(Hop{r, g_.relation_from(r) == prev, prev, v});
      v = prev;
    }
    std::reverse(p.hops.begin(), p.hops.end());
    d = depth[1];
    for (EntityId v = meet; v != to_; --d) {
      const RelationId r = sides_[1].ReachedBy(v, d);
      const EntityId after = OtherEnd(g_, r, v);
      p.hops.push_back(Hop{r, g_.relation_from(r) == v, v, after});
      v = after;
    }
    p.cost = static_cast<double>(p.hops.size());
    return p;
  }

  const Walker& w_;
  const Graph& g_;
  FewestHopsScratch& scratch_;
  SideLog* sides_;
  const EntityId from_, to_;
  uint32_t levels_[2] = {0, 0};
  size_t cost_[2];  // relations each frontier would scan (estimated for large frontiers)
};

}  // namespace

std::optional<Path> FewestHops(const Walker& w, EntityId from, EntityId to, std::optional<int> hop_limit) {
  if (from == to) return Path{from, {}, 0};
  thread_local FewestHopsScratch scratch;
  scratch.Prepare(w.graph().entity_count());
  struct ResetOnExit {
    FewestHopsScratch& s;
    ~ResetOnExit() { s.Reset(); }
  } reset{scratch};
  return BidirectionalSearch(w, scratch, from, to).Run(hop_limit);
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
  if (cost[rounds][to] == kInf) return std::nullopt;
  Path p{from, {}, 0};
  WalkBackRounds(cost, parent, from, to, rounds, [&](const Hop& hop, double) { p.hops.push_back(hop); });
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
