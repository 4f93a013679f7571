// The steps a path search may take: the query's filter plus the temporary restrictions that
// Yen's algorithm adds (entities of a root path, relations already used after it).
#pragma once

#include <optional>
#include <vector>

#include "query/filter.h"
#include "query/path.h"

namespace casegraph {

class Walker {
 public:
  Walker(const Graph& g, const TraversalFilter& filter) : g_(g), filter_(filter) {}

  const Graph& graph() const { return g_; }
  std::optional<int> max_hops() const { return filter_.max_hops; }

  /// May a walk that ends at target pass through v? (The target itself always may be entered.)
  bool CanEnter(EntityId v, EntityId target) const {
    if (!blocked_entity_.empty() && blocked_entity_[v]) return false;
    return v == target || filter_.AllowsEntity(v);
  }

  /// Calls fn(relation, forward, next) for each relation a walk at v may cross next.
  template <typename Fn>
  void StepsFrom(EntityId v, Fn&& fn) const {
    ForEachIncidence(v, ScansOut(true), ScansIn(true), [&](const Incidence& i, bool out) {
      if (Usable(i.relation) && filter_.AllowsRelation(i.relation, out)) fn(i.relation, out, i.other);
    });
  }

  /// Calls fn(relation, forward, previous) for each relation a walk may cross to arrive at v.
  template <typename Fn>
  void StepsInto(EntityId v, Fn&& fn) const {
    ForEachIncidence(v, ScansOut(false), ScansIn(false), [&](const Incidence& i, bool out) {
      if (Usable(i.relation) && filter_.AllowsRelation(i.relation, !out)) fn(i.relation, !out, i.other);
    });
  }

  /// Prefetch hints for the rows StepsFrom (forward) or StepsInto will read for v (see Adjacency;
  /// always inlined for the same reason).
  [[gnu::always_inline]] void PrefetchPlace(EntityId v, bool forward) const {
    if (ScansOut(forward)) g_.out_rows().PrefetchPlace(v);
    if (ScansIn(forward)) g_.in_rows().PrefetchPlace(v);
  }
  [[gnu::always_inline]] void PrefetchRow(EntityId v, bool forward) const {
    if (ScansOut(forward)) g_.out_rows().PrefetchRow(v);
    if (ScansIn(forward)) g_.in_rows().PrefetchRow(v);
  }

  double Weight(RelationId r) const { return g_.relation_weight(r); }

  /// How many relations StepsFrom (forward) or StepsInto would scan for v, or for vs.
  size_t ScanCost(EntityId v, bool forward) const {
    return (ScansOut(forward) ? g_.out(v).size() : 0) + (ScansIn(forward) ? g_.in(v).size() : 0);
  }
  size_t ScanCost(const std::vector<EntityId>& vs, bool forward) const {
    size_t n = 0;
    for (EntityId v : vs) n += ScanCost(v, forward);
    return n;
  }

  void BlockEntity(EntityId v);
  void BlockRelation(RelationId r);
  void ClearBlocks();

 private:
  // Whether walks leaving an entity (forward) or arriving at it look at its out- and in-relations:
  // both, unless only one direction can be crossed (Filter::one_way).
  bool ScansOut(bool forward) const {
    return !filter_.one_way() || (filter_.direction == Direction::kForward) == forward;
  }
  bool ScansIn(bool forward) const {
    return !filter_.one_way() || (filter_.direction == Direction::kForward) != forward;
  }

  // fn(incidence, out): out-relations of v first (when outs), then in-relations (when ins),
  // each in relation order; a self-relation is seen once.
  template <typename Fn>
  void ForEachIncidence(EntityId v, bool outs, bool ins, Fn&& fn) const {
    if (outs) {
      for (const Incidence& i : g_.out(v)) fn(i, true);
    }
    if (ins) {
      for (const Incidence& i : g_.in(v)) {
        if (i.other != v || !outs) fn(i, false);
      }
    }
  }

  bool Usable(RelationId r) const { return blocked_relation_.empty() || !blocked_relation_[r]; }

  const Graph& g_;
  const TraversalFilter& filter_;
  std::vector<char> blocked_entity_, blocked_relation_;
  std::vector<EntityId> blocked_entities_list_;
  std::vector<RelationId> blocked_relations_list_;
};

/// One path with the fewest hops from `from` to `to` within hop_limit hops (no limit when
/// nullopt), by bidirectional breadth-first search.
std::optional<Path> FewestHops(const Walker& w, EntityId from, EntityId to, std::optional<int> hop_limit);

/// One path of least total weight from `from` to `to` within hop_limit hops: Dijkstra's
/// algorithm, or hop-bounded Bellman-Ford when there is a limit.
std::optional<Path> LeastCost(const Walker& w, EntityId from, EntityId to, std::optional<int> hop_limit);

/// Least total weight between `source` and every entity, by Dijkstra's algorithm: along walks
/// from source when forward, else against them (costs to source). Walks end at other_end: it is
/// not expanded, and when stop_at_other_end the search ends once its cost is final. parent, when
/// given, receives for each reached entity the hop that reached it.
std::vector<double> LeastCosts(const Walker& w, EntityId source, EntityId other_end, bool forward,
                               bool stop_at_other_end, std::vector<Hop>* parent);

/// Sum of weights, or number of hops.
double PathCost(const Walker& w, const std::vector<Hop>& hops, bool weighted);

/// The walk a hop-bounded relaxation (Bellman-Ford rounds) found to `to`, read back: value[h][v]
/// is the best value at v within h hops and parent[h][v] the hop into v that gives it, so the hop
/// into each entity is taken from the round where its value last changed. on_hop(hop, value) is
/// told each hop in walk order with the value it reaches. REQUIRES: value[rounds][to] is reached.
template <typename Value, typename OnHop>
void WalkBackRounds(const std::vector<std::vector<Value>>& value, const std::vector<std::vector<Hop>>& parent,
                    EntityId from, EntityId to, int rounds, OnHop&& on_hop) {
  std::vector<std::pair<Hop, Value>> back;
  EntityId v = to;
  for (int h = rounds; v != from; --h) {
    while (h > 0 && value[h - 1][v] == value[h][v]) --h;
    back.emplace_back(parent[h][v], value[h][v]);
    v = parent[h][v].from;
  }
  for (auto it = back.rbegin(); it != back.rend(); ++it) on_hop(it->first, it->second);
}

}  // namespace casegraph

namespace casegraph {

/// Every shortest (fewest hops, or least cost when weighted) path, up to limit.
PathAnswer AllShortestPaths(const Walker& w, EntityId from, EntityId to, bool weighted, int limit);

/// The k shortest (or cheapest) simple paths by Yen's algorithm, at most limit of them.
PathAnswer KShortestPaths(Walker& w, EntityId from, EntityId to, bool weighted, int k, int limit);

/// The time-respecting path that arrives earliest (hop times t1 <= ... <= tn, each inside its
/// relation's interval), within the walker's max-hops when set; undated relations only when
/// undated_allowed (taken at any time). The path's times hold each hop's day.
std::optional<Path> EarliestArrival(const Walker& w, EntityId from, EntityId to, bool undated_allowed);

/// Every simple path of at most max_hops hops, shortest first, up to limit.
PathAnswer AllSimplePaths(const Walker& w, EntityId from, EntityId to, int max_hops, int limit);

}  // namespace casegraph
