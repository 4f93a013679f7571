// The matcher's count mode (MATCH ... RETURN count(*)): the last expansion counted, not walked.
#include <algorithm>

#include "query/cypher/matcher.h"

namespace casegraph::cypher {

// The last step can be counted when it expands, once, to a new node that only labels constrain,
// along a relationship nothing else reads: no property maps, no condition after it, no path.
bool Matcher::LastStepCountable() const {
  if (plan_.steps.empty()) return false;
  const MatchStep& s = plan_.steps.back();
  if (s.kind != MatchStep::Kind::kExpand || s.node_bound || !s.filters.empty()) return false;
  const PatternPart& part = pattern_.parts[s.part];
  const RelPattern& r = part.rels[s.rel];
  const NodePattern& target = part.nodes[s.node];
  return !r.bound_before && r.properties.empty() && target.properties.empty() && part.path_var.empty();
}

bool Matcher::Count(ValueList& row, uint64_t* n) {
  counting_ = true;
  count_ = 0;
  last_step_counts_.clear();
  if (LastStepCountable()) {
    const MatchStep& s = plan_.steps.back();
    const RelPattern& r = pattern_.parts[s.part].rels[s.rel];
    const bool away = (r.direction == ArrowDirection::kRight) == s.rightward;
    last_out_ = r.direction == ArrowDirection::kBoth || away;
    last_in_ = r.direction == ArrowDirection::kBoth || !away;
    last_step_counts_.assign(g_.entity_count(), 0);
    if (!PrepareValues(row)) return false;
    for (EntityId u = 0; u < g_.entity_count(); ++u) {
      if (!budget_->Spend()) return false;
      uint32_t k = 0;
      ForEachStepFrom(u, s.part, s.rel, s.rightward, [&](RelationId rel, EntityId other, bool, TypeId type) {
        k += RelationMatches(s.part, s.rel, rel, type) && NodeMatches(s.part, s.node, other, row);
      });
      last_step_counts_[u] = k;
    }
    if (!budget_->Spend(g_.relation_count())) return false;
  }
  const bool go_on = Run(row, nullptr);
  *n = count_;
  counting_ = false;
  last_step_counts_.clear();
  return go_on;
}

// Would the last step from u cross the used relation r (as ForEachStepFrom lists it), and to
// which entity? Read from what the match keeps of r, not from the graph's relation arrays.
inline bool Matcher::IsLastStepFrom(EntityId u, const UsedRelation& r, EntityId* other) const {
  if (r.from != u && r.to != u) return false;
  const bool symmetric = symmetric_[r.type];
  if ((last_out_ || symmetric) && r.from == u) {
    *other = r.to;
    return true;
  }
  if ((last_in_ || symmetric) && r.to == u) {
    *other = r.from;
    return true;
  }
  return false;
}

// The matches the last step would complete from the row: the entity's count, less the steps
// among them that the match has used already (uniqueness).
bool Matcher::CountLastStep(const MatchStep& s, ValueList& row) {
  if (!budget_->Spend()) return false;
  const PatternPart& part = pattern_.parts[s.part];
  if (part.rels[s.rel].matches_nothing) return true;
  const EntityId u = row[part.nodes[s.rightward ? s.rel : s.rel + 1].slot].node();
  uint64_t k = last_step_counts_[u];
  const RelPattern& r = part.rels[s.rel];
  for (const UsedRelation& used : used_) {
    EntityId other = 0;
    if (!IsLastStepFrom(u, used, &other)) continue;
    if (!r.allowed_type.empty() && !r.allowed_type[used.type]) continue;  // the last step's types (it has no properties)
    if (NodeMatches(s.part, s.node, other, row)) --k;
  }
  if (k) found_ = true;
  count_ += k;
  return true;
}

}  // namespace casegraph::cypher
