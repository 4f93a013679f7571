// Time-respecting paths by earliest arrival: a label-setting search (Dijkstra's algorithm on
// arrival days). Taking relation r at entity v, reached on day a(v), happens on the first
// possible day t = max(a(v), first(r)) and is possible when t <= last(r); the next entity is
// reached on day t. Since t never decreases along a walk, settling entities in order of arrival
// is exact, as for non-negative edge weights (cf. B.-M. Bui Xuan, A. Ferreira, A. Jarry,
// "Computing shortest, fastest, and foremost journeys in dynamic networks", 2003).
// With max-hops, Bellman-Ford rounds (one per hop) give the earliest arrival within that many hops.
#include <algorithm>
#include <limits>
#include <queue>

#include "query/walker.h"

namespace casegraph {

namespace {

// The day relation r is taken when reached on `arrival`, or nullopt if it cannot be taken.
std::optional<Day> TakeOn(const Walker& w, RelationId r, Day arrival, bool undated_allowed) {
  const DayInterval& t = w.graph().relation_time(r);
  if (!t.dated) {
    if (!undated_allowed) return std::nullopt;
    return arrival;
  }
  const Day day = std::max(arrival, t.first);
  if (day > t.last) return std::nullopt;
  return day;
}

Path Trace(const std::vector<Hop>& parent, const std::vector<Day>& day, EntityId from, EntityId to) {
  Path p{from, {}, 0};
  for (EntityId v = to; v != from; v = parent[v].from) {
    p.hops.push_back(parent[v]);
    p.times.push_back(day[v]);
  }
  std::reverse(p.hops.begin(), p.hops.end());
  std::reverse(p.times.begin(), p.times.end());
  p.cost = static_cast<double>(p.hops.size());
  return p;
}

std::optional<Path> Unbounded(const Walker& w, EntityId from, EntityId to, bool undated_allowed) {
  const size_t n = w.graph().entity_count();
  std::vector<Day> arrival(n, kLastDay + 1);
  std::vector<Hop> parent(n);
  std::vector<char> done(n, 0);
  using Item = std::pair<Day, EntityId>;
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
  arrival[from] = kFirstDay;
  heap.emplace(kFirstDay, from);
  while (!heap.empty()) {
    const auto top = heap.top();  // not a structured binding: lambdas below use them
    const auto a = top.first;
    const EntityId v = top.second;
    heap.pop();
    if (done[v]) continue;
    done[v] = 1;
    if (v == to) return Trace(parent, arrival, from, to);
    w.StepsFrom(v, [&](RelationId r, bool dir, EntityId u) {
      if (done[u] || !w.CanEnter(u, to)) return;
      std::optional<Day> day = TakeOn(w, r, a, undated_allowed);
      if (day && *day < arrival[u]) {
        arrival[u] = *day;
        parent[u] = Hop{r, dir, v, u};
        heap.emplace(*day, u);
      }
    });
  }
  return std::nullopt;
}

std::optional<Path> Bounded(const Walker& w, EntityId from, EntityId to, bool undated_allowed, int limit) {
  const size_t n = w.graph().entity_count();
  constexpr Day kNever = kLastDay + 1;
  // arrival[h][v]: earliest arrival at v within h hops; parent[h][v]: the hop that achieves it.
  std::vector<std::vector<Day>> arrival(limit + 1, std::vector<Day>(n, kNever));
  std::vector<std::vector<Hop>> parent(limit + 1, std::vector<Hop>(n));
  arrival[0][from] = kFirstDay;
  int rounds = 0;
  for (int h = 1; h <= limit; ++h) {
    arrival[h] = arrival[h - 1];
    parent[h] = parent[h - 1];
    bool changed = false;
    for (EntityId v = 0; v < n; ++v) {
      if (arrival[h - 1][v] == kNever || v == to) continue;
      w.StepsFrom(v, [&](RelationId r, bool dir, EntityId u) {
        if (u == from || !w.CanEnter(u, to)) return;
        std::optional<Day> day = TakeOn(w, r, arrival[h - 1][v], undated_allowed);
        if (day && *day < arrival[h][u]) {
          arrival[h][u] = *day;
          parent[h][u] = Hop{r, dir, v, u};
          changed = true;
        }
      });
    }
    rounds = h;
    if (!changed) break;
  }
  if (arrival[rounds][to] == kNever) return std::nullopt;
  Path p{from, {}, 0};
  WalkBackRounds(arrival, parent, from, to, rounds, [&](const Hop& hop, Day day) {
    p.hops.push_back(hop);
    p.times.push_back(day);
  });
  p.cost = static_cast<double>(p.hops.size());
  return p;
}

}  // namespace

std::optional<Path> EarliestArrival(const Walker& w, EntityId from, EntityId to, bool undated_allowed) {
  if (from == to) return Path{from, {}, 0};
  if (w.max_hops()) return Bounded(w, from, to, undated_allowed, *w.max_hops());
  return Unbounded(w, from, to, undated_allowed);
}

}  // namespace casegraph
