#include "query/neighbourhood.h"

#include <algorithm>
#include <limits>

#include "query/walker.h"

namespace casegraph {

std::vector<Neighbour> Neighbours(const Graph& g, const TraversalFilter& filter, EntityId center, int depth) {
  Walker w(g, filter);
  constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
  // Per-entity marks, kept between queries of a thread and reset through the entities touched,
  // so that a query costs what it reaches, not what the graph holds.
  thread_local std::vector<uint32_t> index;  // position in out, or kNone
  thread_local std::vector<char> seen;
  if (index.size() != g.entity_count()) {
    index.assign(g.entity_count(), kNone);
    seen.assign(g.entity_count(), 0);
  }
  std::vector<Neighbour> out;
  struct Reset {
    const std::vector<Neighbour>& out;
    EntityId center;
    ~Reset() {
      seen[center] = 0;
      for (const Neighbour& n : out) {
        seen[n.entity] = 0;
        index[n.entity] = kNone;
      }
    }
  } reset{out, center};
  std::vector<EntityId> frontier{center};
  seen[center] = 1;
  for (int level = 1; level <= depth && !frontier.empty(); ++level) {
    std::vector<EntityId> next;
    // Rows asked for ahead of their turn, as in FewestHops (query/shortest_path.cc).
    constexpr size_t kAhead = 8;
    for (size_t i = 0; i < frontier.size() && i < 2 * kAhead; ++i) w.PrefetchPlace(frontier[i], true);
    for (size_t i = 0; i < frontier.size(); ++i) {
      if (i + 2 * kAhead < frontier.size()) w.PrefetchPlace(frontier[i + 2 * kAhead], true);
      if (i + kAhead < frontier.size()) w.PrefetchRow(frontier[i + kAhead], true);
      const EntityId v = frontier[i];
      w.StepsFrom(v, [&](RelationId r, bool forward, EntityId u) {
        if (u == center) return;
        if (!seen[u]) {
          // Avoided entities are never reached; others are, whatever their type.
          if (filter.IsAvoided(u)) return;
          seen[u] = 1;
          index[u] = static_cast<uint32_t>(out.size());
          out.push_back(Neighbour{u, level, {}});
          if (filter.AllowsEntity(u)) next.push_back(u);
        }
        if (index[u] != kNone && out[index[u]].distance == level) {
          out[index[u]].reached_by.push_back(Hop{r, forward, v, u});
        }
      });
    }
    frontier.swap(next);
  }
  return out;
}

namespace {

// The breadth-first count of CountNeighbours over the steps each_step(v, fn) offers from v
// (fn(u) per entity a step reaches); enter(u) says whether a reached entity counts and
// pass(u) whether the search goes on from it.
template <typename EachStep, typename Enter, typename Pass>
void CountLevels(const Walker& w, EntityId center, int depth, std::vector<size_t>* counts, EachStep&& each_step,
                 Enter&& enter, Pass&& pass) {
  // A query's marks are the entities stamped with its number: nothing to clear afterwards, and
  // the buffers are kept between a thread's queries (a count allocates only its answer).
  thread_local std::vector<uint32_t> kept_stamps;
  thread_local uint32_t query = 0;
  thread_local std::vector<EntityId> kept_frontier, kept_next;
  if (kept_stamps.size() != w.graph().entity_count() || query == std::numeric_limits<uint32_t>::max()) {
    kept_stamps.assign(w.graph().entity_count(), 0);
    query = 0;
  }
  // Plain references and pointers in the loop: no thread-local address computed per step.
  const uint32_t mark = ++query;
  uint32_t* const stamps = kept_stamps.data();
  std::vector<EntityId>& frontier = kept_frontier;
  std::vector<EntityId>& next = kept_next;
  frontier.assign(1, center);
  stamps[center] = mark;
  constexpr size_t kAhead = 8;
  for (int level = 1; level <= depth && !frontier.empty(); ++level) {
    next.clear();
    size_t found = 0;
    const bool last = level == depth;
    for (size_t i = 0; i < frontier.size() && i < 2 * kAhead; ++i) w.PrefetchPlace(frontier[i], true);
    for (size_t i = 0; i < frontier.size(); ++i) {
      if (i + 2 * kAhead < frontier.size()) w.PrefetchPlace(frontier[i + 2 * kAhead], true);
      if (i + kAhead < frontier.size()) w.PrefetchRow(frontier[i + kAhead], true);
      each_step(frontier[i], [&](EntityId u) {
        if (stamps[u] == mark || !enter(u)) return;
        stamps[u] = mark;
        ++found;
        if (!last && pass(u)) next.push_back(u);
      });
    }
    (*counts)[static_cast<size_t>(level - 1)] = found;
    frontier.swap(next);
  }
}

}  // namespace

std::vector<size_t> CountNeighbours(const Graph& g, const TraversalFilter& filter, EntityId center, int depth) {
  std::vector<size_t> counts(static_cast<size_t>(std::max(depth, 0)), 0);
  Walker w(g, filter);
  auto always = [](EntityId) { return true; };
  if (filter.steps_by_type()) {
    // Each step is decided by its type alone, and every entity reached counts and is passed: the
    // rows are read as they lie (a self-relation reaches an entity already stamped, so the
    // general walk's rule of seeing it once does not change the count).
    const bool outs = !filter.one_way() || filter.direction == Direction::kForward;
    const bool ins = !filter.one_way() || filter.direction == Direction::kBackward;
    auto rows = [&](auto&& allowed) {
      return [&, allowed](EntityId v, auto&& fn) {
        if (outs) {
          for (const Incidence& i : g.out(v)) {
            if (allowed(i.type)) fn(i.other);
          }
        }
        if (ins) {
          for (const Incidence& i : g.in(v)) {
            if (allowed(i.type)) fn(i.other);
          }
        }
      };
    };
    if (filter.all_types()) {
      CountLevels(w, center, depth, &counts, rows([](TypeId) { return true; }), always, always);
    } else {
      CountLevels(w, center, depth, &counts, rows([&filter](TypeId t) { return filter.allowed_type(t); }), always, always);
    }
    return counts;
  }
  CountLevels(
      w, center, depth, &counts,
      [&w](EntityId v, auto&& fn) { w.StepsFrom(v, [&](RelationId, bool, EntityId u) { fn(u); }); },
      [&filter](EntityId u) { return !filter.IsAvoided(u); }, [&filter](EntityId u) { return filter.AllowsEntity(u); });
  return counts;
}

}  // namespace casegraph
