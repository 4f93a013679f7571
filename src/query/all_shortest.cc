// All shortest paths, as sequences of relations (parallel relations give distinct paths).
//
// Fewest hops: breadth-first distances from the start (d_f) and to the target (d_b); a relation
// crossed from u to v lies on a shortest path exactly when d_f(u) + 1 + d_b(v) = D. A depth-first
// walk over those relations lists every shortest path, in relation order, up to the limit.
// Least cost: the same over "tight" relations, d_f(u) + w + c_b(v) = D, where c_b(v) is the least
// cost from v to the target (Dijkstra on the reversed steps, or Bellman-Ford rounds per remaining
// hop when max-hops bounds the walk).
#include <cmath>
#include <limits>

#include "query/walker.h"

namespace casegraph {

namespace {

constexpr uint32_t kUnseen = std::numeric_limits<uint32_t>::max();
constexpr double kInf = std::numeric_limits<double>::infinity();

// Breadth-first distances; forward: from `source` along walks, else to `source` against them.
// Stops after max_depth levels, or after the level that reaches other_end.
std::vector<uint32_t> Distances(const Walker& w, EntityId source, EntityId other_end, bool forward,
                                uint32_t max_depth) {
  std::vector<uint32_t> depth(w.graph().entity_count(), kUnseen);
  depth[source] = 0;
  std::vector<EntityId> frontier{source}, next;
  for (uint32_t level = 1; level <= max_depth && !frontier.empty() && depth[other_end] == kUnseen; ++level) {
    next.clear();
    for (EntityId v : frontier) {
      auto visit = [&](RelationId, bool, EntityId u) {
        if (depth[u] != kUnseen || !w.CanEnter(u, other_end)) return;
        depth[u] = level;
        if (u != other_end) next.push_back(u);  // walks end at the other end
      };
      forward ? w.StepsFrom(v, visit) : w.StepsInto(v, visit);
    }
    frontier.swap(next);
  }
  return depth;
}

bool Close(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)); }

// Collects paths by depth-first search; extend(v, i, cost, fn) offers the admissible next hops.
class Collector {
 public:
  Collector(const Walker& w, EntityId from, EntityId to, int limit, bool weighted)
      : w_(w), from_(from), to_(to), limit_(limit), weighted_(weighted),
        on_path_(w.graph().entity_count(), 0) {}

  template <typename Extend>
  void Run(Extend&& extend) {
    on_path_[from_] = 1;
    Dfs(from_, 0.0, extend);
  }

  PathAnswer Take() {
    PathAnswer a;
    a.paths = std::move(paths_);
    a.truncated = truncated_;
    return a;
  }

 private:
  template <typename Extend>
  void Dfs(EntityId v, double cost, Extend& extend) {
    if (truncated_) return;
    if (v == to_) {
      if (static_cast<int>(paths_.size()) == limit_) {
        truncated_ = true;
        return;
      }
      Path p{from_, hops_, 0};
      p.cost = PathCost(w_, p.hops, weighted_);
      paths_.push_back(std::move(p));
      return;
    }
    extend(v, hops_.size(), cost, [&](const Hop& hop, double next_cost) {
      if (truncated_ || on_path_[hop.to]) return;
      on_path_[hop.to] = 1;
      hops_.push_back(hop);
      Dfs(hop.to, next_cost, extend);
      hops_.pop_back();
      on_path_[hop.to] = 0;
    });
  }

  const Walker& w_;
  EntityId from_, to_;
  int limit_;
  bool weighted_;
  std::vector<char> on_path_;
  std::vector<Hop> hops_;
  std::vector<Path> paths_;
  bool truncated_ = false;
};

PathAnswer AllFewestHops(const Walker& w, EntityId from, EntityId to, int limit) {
  const uint32_t cap = w.max_hops() ? static_cast<uint32_t>(*w.max_hops()) : kUnseen - 1;
  const std::vector<uint32_t> df = Distances(w, from, to, true, cap);
  if (df[to] == kUnseen) return {};
  const uint32_t d = df[to];
  const std::vector<uint32_t> db = Distances(w, to, from, false, d);
  Collector c(w, from, to, limit, false);
  c.Run([&](EntityId v, size_t i, double, auto&& offer) {
    w.StepsFrom(v, [&](RelationId r, bool dir, EntityId u) {
      if (df[u] == i + 1 && db[u] != kUnseen && i + 1 + db[u] == d) offer(Hop{r, dir, v, u}, 0.0);
    });
  });
  return c.Take();
}

// costs[h][v]: least cost from v to `to` in at most h hops.
std::vector<std::vector<double>> BoundedCostsTo(const Walker& w, EntityId to, EntityId from, int limit) {
  std::vector<std::vector<double>> costs(limit + 1, std::vector<double>(w.graph().entity_count(), kInf));
  costs[0][to] = 0;
  for (int h = 1; h <= limit; ++h) {
    costs[h] = costs[h - 1];
    for (EntityId v = 0; v < w.graph().entity_count(); ++v) {
      if (costs[h - 1][v] == kInf || v == from) continue;
      w.StepsInto(v, [&](RelationId r, bool, EntityId u) {
        if (!w.CanEnter(u, from) || u == to) return;
        costs[h][u] = std::min(costs[h][u], costs[h - 1][v] + w.Weight(r));
      });
    }
  }
  return costs;
}

PathAnswer AllLeastCost(const Walker& w, EntityId from, EntityId to, int limit) {
  Collector c(w, from, to, limit, true);
  if (!w.max_hops()) {
    const std::vector<double> cb = LeastCosts(w, to, from, false, false, nullptr);
    if (cb[from] == kInf) return {};
    const double total = cb[from];
    c.Run([&](EntityId v, size_t, double cost, auto&& offer) {
      w.StepsFrom(v, [&](RelationId r, bool dir, EntityId u) {
        const double next = cost + w.Weight(r);
        if (cb[u] != kInf && w.CanEnter(u, to) && Close(next + cb[u], total)) offer(Hop{r, dir, v, u}, next);
      });
    });
    return c.Take();
  }
  const int hops = *w.max_hops();
  const std::vector<std::vector<double>> cb = BoundedCostsTo(w, to, from, hops);
  if (cb[hops][from] == kInf) return {};
  const double total = cb[hops][from];
  c.Run([&](EntityId v, size_t i, double cost, auto&& offer) {
    if (static_cast<int>(i) >= hops) return;
    const std::vector<double>& rest = cb[hops - i - 1];
    w.StepsFrom(v, [&](RelationId r, bool dir, EntityId u) {
      const double next = cost + w.Weight(r);
      if (rest[u] != kInf && w.CanEnter(u, to) && Close(next + rest[u], total)) offer(Hop{r, dir, v, u}, next);
    });
  });
  return c.Take();
}

}  // namespace

PathAnswer AllShortestPaths(const Walker& w, EntityId from, EntityId to, bool weighted, int limit) {
  if (from == to) return PathAnswer{{Path{from, {}, 0}}, false};
  return weighted ? AllLeastCost(w, from, to, limit) : AllFewestHops(w, from, to, limit);
}

}  // namespace casegraph
