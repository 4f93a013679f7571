// Point-to-point shortest paths.
//
// FewestHops: bidirectional breadth-first search. Both searches expand whole levels, always the
// side whose frontier is smaller; when a level reaches an entity the other side has seen, the
// shortest length is the least d_forward + d_backward among the entities reached on that level
// (each side has settled every shorter distance), so the search stops there.
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

struct Side {
  std::vector<uint32_t> depth;
  std::vector<Hop> parent;  // forward side: hop into v; backward side: hop out of v toward the target
  std::vector<EntityId> frontier;
};

Path Assemble(const Side& fwd, const Side& bwd, EntityId from, EntityId to, EntityId meet) {
  Path p{from, {}, 0};
  for (EntityId v = meet; v != from; v = fwd.parent[v].from) p.hops.push_back(fwd.parent[v]);
  std::reverse(p.hops.begin(), p.hops.end());
  for (EntityId v = meet; v != to; v = bwd.parent[v].to) p.hops.push_back(bwd.parent[v]);
  p.cost = static_cast<double>(p.hops.size());
  return p;
}

}  // namespace

// The per-entity arrays of one search, kept between searches of a thread so that a query on a
// large graph costs what it visits, not what the graph holds: entries are reset through the list
// of entities touched.
struct FewestHopsScratch {
  Side fwd, bwd;
  std::vector<EntityId> touched;

  void Prepare(size_t n) {
    if (fwd.depth.size() != n) {
      fwd.depth.assign(n, kUnseen);
      bwd.depth.assign(n, kUnseen);
      fwd.parent.resize(n);
      bwd.parent.resize(n);
    }
    fwd.frontier.clear();
    bwd.frontier.clear();
  }
  void Reset() {
    for (EntityId v : touched) fwd.depth[v] = bwd.depth[v] = kUnseen;
    touched.clear();
  }
};

std::optional<Path> FewestHops(const Walker& w, EntityId from, EntityId to, std::optional<int> hop_limit) {
  if (from == to) return Path{from, {}, 0};
  thread_local FewestHopsScratch scratch;
  scratch.Prepare(w.graph().entity_count());
  Side& fwd = scratch.fwd;
  Side& bwd = scratch.bwd;
  struct ResetOnExit {
    FewestHopsScratch& s;
    ~ResetOnExit() { s.Reset(); }
  } reset{scratch};
  fwd.frontier.push_back(from);
  bwd.frontier.push_back(to);
  fwd.depth[from] = 0;
  bwd.depth[to] = 0;
  scratch.touched.push_back(from);
  scratch.touched.push_back(to);
  uint32_t fwd_level = 0, bwd_level = 0;
  std::vector<EntityId> next;
  while (!fwd.frontier.empty() && !bwd.frontier.empty()) {
    if (hop_limit && static_cast<int>(fwd_level + bwd_level) >= *hop_limit) return std::nullopt;
    const bool forward = fwd.frontier.size() <= bwd.frontier.size();
    Side& side = forward ? fwd : bwd;
    const Side& other = forward ? bwd : fwd;
    const uint32_t level = (forward ? fwd_level : bwd_level) + 1;
    next.clear();
    EntityId meet = 0;
    uint32_t best = kUnseen;
    for (EntityId v : side.frontier) {
      auto visit = [&](EntityId u, const Hop& hop) {
        if (side.depth[u] != kUnseen) return;
        if (!w.CanEnter(u, forward ? to : from)) return;
        if (other.depth[u] == kUnseen) scratch.touched.push_back(u);  // else touched already
        side.depth[u] = level;
        side.parent[u] = hop;
        next.push_back(u);
        if (other.depth[u] != kUnseen && level + other.depth[u] < best) {
          best = level + other.depth[u];
          meet = u;
        }
      };
      if (forward) {
        w.StepsFrom(v, [&](RelationId r, bool dir, EntityId u) { visit(u, Hop{r, dir, v, u}); });
      } else {
        w.StepsInto(v, [&](RelationId r, bool dir, EntityId u) { visit(u, Hop{r, dir, u, v}); });
      }
    }
    (forward ? fwd_level : bwd_level) = level;
    if (best != kUnseen) {
      if (hop_limit && static_cast<int>(best) > *hop_limit) return std::nullopt;
      return Assemble(fwd, bwd, from, to, meet);
    }
    side.frontier.swap(next);
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
