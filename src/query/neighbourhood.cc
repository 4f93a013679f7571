#include "query/neighbourhood.h"

#include <algorithm>
#include <limits>
#include <span>

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

// CountNeighbours when each step is decided by its type alone and every entity reached counts
// and is passed (filter.steps_by_type()): the rows are read as they lie, and each incidence is
// counted without a branch (whether its entity is new is data, not a jump the processor must
// guess: it guesses wrong half the time in a search's busy levels). A self-relation reaches an
// entity already stamped, so the general walk's rule of seeing it once does not change the count.
// The next frontier is a buffer of one place per entity: each entity enters it at most once.
template <bool kAllTypes>
void CountByType(const Walker& w, const TraversalFilter& filter, EntityId center, int depth, std::vector<size_t>* counts) {
  const Graph& g = w.graph();
  const size_t n = g.entity_count();
  thread_local std::vector<uint32_t> kept_stamps;
  thread_local uint32_t query = 0;
  thread_local std::vector<EntityId> kept_a, kept_b;
  if (kept_stamps.size() != n || query == std::numeric_limits<uint32_t>::max()) {
    kept_stamps.assign(n, 0);
    query = 0;
  }
  if (kept_a.size() < n) {
    kept_a.resize(n);
    kept_b.resize(n);
  }
  const uint32_t mark = ++query;
  uint32_t* const stamps = kept_stamps.data();
  EntityId* frontier = kept_a.data();
  EntityId* next = kept_b.data();
  const char* const allowed = filter.allowed_types();
  const bool outs = !filter.one_way() || filter.direction == Direction::kForward;
  const bool ins = !filter.one_way() || filter.direction == Direction::kBackward;
  size_t frontier_size = 1;
  frontier[0] = center;
  stamps[center] = mark;
  constexpr size_t kAhead = 8;
  for (int level = 1; level <= depth && frontier_size > 0; ++level) {
    const size_t keep = level < depth ? 1 : 0;  // the last level's entities are counted, not kept
    size_t found = 0, next_size = 0;
    auto scan = [&](std::span<const Incidence> row) {
      for (const Incidence& i : row) {
        const EntityId u = i.other;
        const uint32_t old = stamps[u];
        size_t fresh = old != mark;
        if constexpr (kAllTypes) {
          stamps[u] = mark;
        } else {
          fresh &= static_cast<size_t>(allowed[i.type] != 0);
          stamps[u] = old ^ ((old ^ mark) & (0u - static_cast<uint32_t>(fresh)));
        }
        found += fresh;
        next[next_size] = u;
        next_size += fresh & keep;
      }
    };
    for (size_t i = 0; i < frontier_size && i < 2 * kAhead; ++i) w.PrefetchPlace(frontier[i], true);
    for (size_t i = 0; i < frontier_size; ++i) {
      if (i + 2 * kAhead < frontier_size) w.PrefetchPlace(frontier[i + 2 * kAhead], true);
      if (i + kAhead < frontier_size) w.PrefetchRow(frontier[i + kAhead], true);
      if (outs) scan(g.out(frontier[i]));
      if (ins) scan(g.in(frontier[i]));
    }
    (*counts)[static_cast<size_t>(level - 1)] = found;
    std::swap(frontier, next);
    frontier_size = next_size;
  }
}

}  // namespace

std::vector<size_t> CountNeighbours(const Graph& g, const TraversalFilter& filter, EntityId center, int depth) {
  std::vector<size_t> counts(static_cast<size_t>(std::max(depth, 0)), 0);
  Walker w(g, filter);
  if (filter.steps_by_type()) {
    if (filter.all_types()) {
      CountByType<true>(w, filter, center, depth, &counts);
    } else {
      CountByType<false>(w, filter, center, depth, &counts);
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
