// Pattern queries, execution: the matcher. Runs a MATCH's plan over the graph's compressed
// rows, depth first, extending an input row with every binding of the pattern: relationships
// are never used twice in one match (openCypher's relationship uniqueness), a symmetric relation
// matches in both directions, variable-length relationships are trails, and shortestPath and
// allShortestPaths are the path engine's searches (query/shortest_path.cc, all_shortest.cc).
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include "query/cypher/evaluator.h"
#include "query/cypher/planner.h"
#include "query/filter.h"

namespace casegraph::cypher {


/// Where matched rows go. Push returns false to stop: the consumer has enough, or failed (with
/// the budget's error set).
class RowSink {
 public:
  virtual ~RowSink() = default;
  virtual bool Push(ValueList& row) = 0;
};

class Matcher {
 public:
  /// all_paths_limit: how many paths allShortestPaths lists for one pair at most.
  Matcher(const Pattern& pattern, const MatchPlan& plan, const EvalContext& ctx, Budget* budget, int all_paths_limit);

  /// Pushes every match extending row (the pattern's slots set in it) to sink; false when the
  /// sink or the budget stopped it. found, when given, tells whether anything matched.
  bool Run(ValueList& row, RowSink* sink, bool* found = nullptr);

  /// Counts the matches extending row instead of pushing them (MATCH ... RETURN count(*)): when
  /// the plan's last step only expands to a node nothing else reads, it is not walked but counted
  /// from each entity's number of such steps, less those the match has used. False when the
  /// budget stopped it.
  bool Count(ValueList& row, uint64_t* n);

 private:
  // The relationships of the match so far, with their ends and type as the adjacency gave them
  // (count mode reads them without touching the graph's relation arrays).
  struct UsedRelation {
    RelationId relation;
    EntityId from, to;
    TypeId type;
  };
  struct TrailStep {
    RelationId relation;
    EntityId other;
    bool out;  // found among the out-relations of the entity it left
  };

  bool Step(size_t i, ValueList& row);
  bool Next(size_t i, ValueList& row);
  bool Start(const MatchStep& s, size_t i, ValueList& row);
  bool Expand(const MatchStep& s, size_t i, ValueList& row);
  bool VarExpand(const MatchStep& s, size_t i, ValueList& row, EntityId at, int depth);
  bool BindVarTarget(const MatchStep& s, size_t i, ValueList& row, EntityId at);
  bool Shortest(const MatchStep& s, size_t i, ValueList& row);
  bool BindPath(const MatchStep& s, size_t i, ValueList& row);
  bool NodeMatches(int part, int node, EntityId v, ValueList&) const {
    const NodePattern& n = pattern_.parts[part].nodes[node];
    if (n.matches_nothing) return false;
    if (!n.label_types.empty() && std::find(n.label_types.begin(), n.label_types.end(), g_.entity_type(v)) == n.label_types.end()) {
      return false;
    }
    return n.properties.empty() || NodePropertiesMatch(part, node, v);
  }
  // type: r's, as the adjacency holds it (no look-up in the relation arrays).
  bool RelationMatches(int part, int rel, RelationId r, TypeId type) const {
    const RelPattern& p = pattern_.parts[part].rels[rel];
    if (!p.allowed_type.empty() && !p.allowed_type[type]) return false;
    return p.properties.empty() || RelationPropertiesMatch(part, rel, r);
  }
  bool NodePropertiesMatch(int part, int node, EntityId v) const;
  bool RelationPropertiesMatch(int part, int rel, RelationId r) const;
  // Count mode (match_count.cc).
  struct CountedStep {
    const MatchStep* step = nullptr;
    bool out = false, in = false;  // crosses out-relations, in-relations of the entity it leaves
    std::vector<uint32_t> counts;  // by entity: the steps it may take from there
  };
  bool StepCountable(const MatchStep& s) const;
  CountedStep Counted(const MatchStep& s) const;
  bool IsStep(const CountedStep& c, EntityId x, const UsedRelation& r, ValueList& row) const;
  EntityId SourceOf(const MatchStep& s, const ValueList& row) const;
  bool CountLastStep(ValueList& row);
  bool CountLastTwoSteps(ValueList& row);
  bool CountBeforeLastStep(ValueList& row);
  bool Used(RelationId r) const {
    if (!used_flags_.empty()) return used_flags_[r];
    for (const UsedRelation& u : used_) {
      if (u.relation == r) return true;
    }
    return false;
  }
  // Uses r, found in the out-relations (out) or in-relations of `at`, its other end `other`.
  void Use(RelationId r, EntityId at, EntityId other, bool out, TypeId type) {
    used_.push_back(out ? UsedRelation{r, at, other, type} : UsedRelation{r, other, at, type});
    if (!used_flags_.empty()) used_flags_[r] = 1;
  }
  void Unuse() {
    if (!used_flags_.empty()) used_flags_[used_.back().relation] = 0;
    used_.pop_back();
  }
  bool PrepareValues(ValueList& row);
  template <typename Fn>
  void ForEachStepFrom(EntityId u, int part, int rel, bool rightward, Fn&& fn) const;

  static constexpr int kLongMatch = 8;  // relationships; more, and used_flags_ is kept

  const Pattern& pattern_;
  const MatchPlan& plan_;
  const EvalContext& ctx_;
  const Graph& g_;
  Budget* budget_;
  int all_paths_limit_;
  RowSink* sink_ = nullptr;
  bool found_ = false;
  // Count mode: the matches so far; the last step (and the one before, when it leaves the same
  // entity) counted from each entity's number of steps rather than walked.
  bool counting_ = false;
  uint64_t count_ = 0;
  CountedStep last_, before_last_;   // counted, not walked, when their step is set
  const MatchStep* walked_before_last_ = nullptr;  // walked in one tight loop, the last step counted
  std::vector<uint32_t> both_counts_;  // by entity: relations both of them may cross from there
  std::vector<UsedRelation> used_;
  // used_ as flags by RelationId, kept only for patterns whose matches may be long (a scan of a
  // few is faster than touching a flag per relation of the graph).
  std::vector<char> used_flags_;
  std::vector<std::vector<char>> any_symmetric_;  // by part and relationship: may a symmetric type match?
  std::vector<TrailStep> trail_;   // the variable-length relationship being expanded
  std::vector<char> symmetric_;    // by TypeId
  // The values of the pattern's property maps, for the row being extended.
  std::vector<std::vector<std::vector<Value>>> node_values_, rel_values_;
  std::vector<std::optional<TraversalFilter>> shortest_filters_;  // by part
};

// fn(relation, other, out, type) for each relation a pattern relationship may cross from u: out-
// relations when it points away from u, in-relations when it points at u, both when it points
// either way or the type is symmetric; a self-relation once.
template <typename Fn>
inline void Matcher::ForEachStepFrom(EntityId u, int part, int rel, bool rightward, Fn&& fn) const {
  const RelPattern& r = pattern_.parts[part].rels[rel];
  const bool away = (r.direction == ArrowDirection::kRight) == rightward;  // from u as written
  const bool want_out = r.direction == ArrowDirection::kBoth || away;
  const bool want_in = r.direction == ArrowDirection::kBoth || !away;
  const bool any_symmetric = any_symmetric_[part][rel];
  const bool outs = want_out || any_symmetric, ins = want_in || any_symmetric;
  if (outs) {
    for (const Incidence& inc : g_.out(u)) {
      const TypeId t = g_.relation_type(inc.relation);
      if (want_out || symmetric_[t]) fn(inc.relation, inc.other, true, t);
    }
  }
  if (ins) {
    for (const Incidence& inc : g_.in(u)) {
      const TypeId t = g_.relation_type(inc.relation);
      if (inc.other == u && outs && (want_out || symmetric_[t])) continue;  // a self-relation, seen already
      if (want_in || symmetric_[t]) fn(inc.relation, inc.other, false, t);
    }
  }
}

}  // namespace casegraph::cypher
