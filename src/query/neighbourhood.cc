#include "query/neighbourhood.h"

#include <algorithm>
#include <limits>
#include <memory>
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

// A count's marks: the entities stamped with its number, so that nothing is cleared afterwards
// but once every 255 counts; the buffer is kept between a thread's counts, whichever way they
// count. A byte an entity, so that the marks of a graph of a few thousand entities stay in the
// first-level cache and those of amazon0601 (400 KB) mostly in the second.
using CountMark = uint8_t;
struct CountMarks {
  CountMark* stamps;
  CountMark mark;
};
CountMarks NextCountMarks(size_t entities) {
  thread_local std::vector<CountMark> kept;
  thread_local CountMark query = 0;
  if (kept.size() != entities || query == std::numeric_limits<CountMark>::max()) {
    kept.assign(entities, 0);
    query = 0;
  }
  return {kept.data(), ++query};
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
  // Left uninitialised: only the places a count writes are ever touched (on a large graph the
  // untouched pages of these two buffers, 8 bytes an entity, are never made resident).
  thread_local std::unique_ptr<EntityId[]> kept_a, kept_b;
  thread_local size_t kept_size = 0;
  if (kept_size < n) {
    kept_a.reset(new EntityId[n]);
    kept_b.reset(new EntityId[n]);
    kept_size = n;
  }
  const CountMarks marks = NextCountMarks(n);
  CountMark* const stamps = marks.stamps;
  const CountMark mark = marks.mark;
  EntityId* frontier = kept_a.get();
  EntityId* next = kept_b.get();
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
        const CountMark old = stamps[u];
        size_t fresh = old != mark;
        if constexpr (kAllTypes) {
          stamps[u] = mark;
        } else {
          fresh &= static_cast<size_t>(allowed[g.relation_type(i.relation)] != 0);
          stamps[u] = static_cast<CountMark>(old ^ ((old ^ mark) & (0u - static_cast<unsigned>(fresh))));
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
  // Any other filter: each step as the walker allows it.
  const CountMarks marks = NextCountMarks(g.entity_count());
  CountMark* const stamps = marks.stamps;
  const CountMark mark = marks.mark;
  thread_local std::vector<EntityId> kept_frontier, kept_next;
  std::vector<EntityId>& frontier = kept_frontier;  // plain references in the loop: no thread-local
  std::vector<EntityId>& next = kept_next;          // address computed per step
  frontier.assign(1, center);
  stamps[center] = mark;
  constexpr size_t kAhead = 8;
  for (int level = 1; level <= depth && !frontier.empty(); ++level) {
    next.clear();
    size_t found = 0;
    for (size_t i = 0; i < frontier.size() && i < 2 * kAhead; ++i) w.PrefetchPlace(frontier[i], true);
    for (size_t i = 0; i < frontier.size(); ++i) {
      if (i + 2 * kAhead < frontier.size()) w.PrefetchPlace(frontier[i + 2 * kAhead], true);
      if (i + kAhead < frontier.size()) w.PrefetchRow(frontier[i + kAhead], true);
      w.StepsFrom(frontier[i], [&](RelationId, bool, EntityId u) {
        if (stamps[u] == mark || filter.IsAvoided(u)) return;
        stamps[u] = mark;
        ++found;
        if (level < depth && filter.AllowsEntity(u)) next.push_back(u);
      });
    }
    counts[static_cast<size_t>(level - 1)] = found;
    frontier.swap(next);
  }
  return counts;
}

}  // namespace casegraph
