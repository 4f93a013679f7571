// The matcher's count mode (MATCH ... RETURN count(*)): the last expansion, and the one before it
// when both leave the same entity, counted from per-entity numbers instead of walked.
#include <algorithm>

#include "query/cypher/matcher.h"

namespace casegraph::cypher {

// A step can be counted when it expands, once, to a new node that only labels constrain, along a
// relationship nothing else reads: no property maps, no condition after it, no path.
bool Matcher::StepCountable(const MatchStep& s) const {
  if (s.kind != MatchStep::Kind::kExpand || s.node_bound || !s.filters.empty()) return false;
  const PatternPart& part = pattern_.parts[s.part];
  const RelPattern& r = part.rels[s.rel];
  const NodePattern& target = part.nodes[s.node];
  return !r.bound_before && r.properties.empty() && target.properties.empty() && part.path_var.empty();
}

Matcher::CountedStep Matcher::Counted(const MatchStep& s) const {
  CountedStep c;
  c.step = &s;
  const RelPattern& r = pattern_.parts[s.part].rels[s.rel];
  const bool away = (r.direction == ArrowDirection::kRight) == s.rightward;
  c.out = r.direction == ArrowDirection::kBoth || away;
  c.in = r.direction == ArrowDirection::kBoth || !away;
  c.counts.assign(g_.entity_count(), 0);
  return c;
}

EntityId Matcher::SourceOf(const MatchStep& s, const ValueList& row) const {
  const PatternPart& part = pattern_.parts[s.part];
  return row[part.nodes[s.rightward ? s.rel : s.rel + 1].slot].node();
}

// Is the relation r one of the steps c may take from x (as ForEachStepFrom lists them, with the
// step's types and its target's labels)? Read from what the match keeps of r.
inline bool Matcher::IsStep(const CountedStep& c, EntityId x, const UsedRelation& r, ValueList& row) const {
  if (r.from != x && r.to != x) return false;
  const MatchStep& s = *c.step;
  const RelPattern& p = pattern_.parts[s.part].rels[s.rel];
  if (!p.allowed_type.empty() && !p.allowed_type[r.type]) return false;
  const bool symmetric = symmetric_[r.type];
  EntityId other;
  if ((c.out || symmetric) && r.from == x) {
    other = r.to;
  } else if ((c.in || symmetric) && r.to == x) {
    other = r.from;
  } else {
    return false;
  }
  return NodeMatches(s.part, s.node, other, row);
}

bool Matcher::Count(ValueList& row, uint64_t* n) {
  counting_ = true;
  count_ = 0;
  const size_t k = plan_.steps.size();
  if (k > 0 && StepCountable(plan_.steps[k - 1])) {
    if (!PrepareValues(row)) return false;
    last_ = Counted(plan_.steps[k - 1]);
    const MatchStep& last = plan_.steps[k - 1];
    const MatchStep* before = k > 1 ? &plan_.steps[k - 2] : nullptr;
    const bool two = before && StepCountable(*before) && before->part == last.part &&
                     (before->rightward ? before->rel : before->rel + 1) == (last.rightward ? last.rel : last.rel + 1);
    if (two) {
      before_last_ = Counted(*before);
      both_counts_.assign(g_.entity_count(), 0);
    } else if (before && StepCountable(*before)) {
      walked_before_last_ = before;
    }
    for (EntityId x = 0; x < g_.entity_count(); ++x) {
      if (!budget_->Spend()) return false;
      uint32_t steps = 0;
      ForEachStepFrom(x, last.part, last.rel, last.rightward, [&](RelationId rel, EntityId other, bool, TypeId type) {
        steps += RelationMatches(last.part, last.rel, rel, type) && NodeMatches(last.part, last.node, other, row);
      });
      last_.counts[x] = steps;
      if (!two) continue;
      uint32_t before_steps = 0, both = 0;
      ForEachStepFrom(x, before->part, before->rel, before->rightward, [&](RelationId rel, EntityId other, bool out, TypeId type) {
        if (!RelationMatches(before->part, before->rel, rel, type) || !NodeMatches(before->part, before->node, other, row)) return;
        ++before_steps;
        both += IsStep(last_, x, out ? UsedRelation{rel, x, other, type} : UsedRelation{rel, other, x, type}, row);
      });
      before_last_.counts[x] = before_steps;
      both_counts_[x] = both;
    }
    if (!budget_->Spend(g_.relation_count())) return false;
  }
  const bool go_on = Run(row, nullptr);
  *n = count_;
  counting_ = false;
  last_ = CountedStep();
  before_last_ = CountedStep();
  walked_before_last_ = nullptr;
  both_counts_.clear();
  return go_on;
}

// The matches the last step completes from the row: the entity's number of steps, less those the
// match has used already (uniqueness).
bool Matcher::CountLastStep(ValueList& row) {
  if (!budget_->Spend()) return false;
  const EntityId x = SourceOf(*last_.step, row);
  uint64_t k = last_.counts[x];
  for (const UsedRelation& u : used_) k -= IsStep(last_, x, u, row);
  if (k) found_ = true;
  count_ += k;
  return true;
}

// The last two steps, both from entity x: each of the before-last step's relations r1 not used
// yet (P of them) is followed by the last step's, less those used and r1 itself:
//   sum over r1 of (L - used among L - [r1 among L]) = P * (L - used among L) - (B - used among both),
// with L, P and B (relations both steps may cross) counted per entity beforehand.
bool Matcher::CountLastTwoSteps(ValueList& row) {
  if (!budget_->Spend()) return false;
  const EntityId x = SourceOf(*last_.step, row);
  uint64_t used_before = 0, used_last = 0, used_both = 0;
  for (const UsedRelation& u : used_) {
    const bool b = IsStep(before_last_, x, u, row), l = IsStep(last_, x, u, row);
    used_before += b;
    used_last += l;
    used_both += b && l;
  }
  const uint64_t k = (before_last_.counts[x] - used_before) * (last_.counts[x] - used_last) - (both_counts_[x] - used_both);
  if (k) found_ = true;
  count_ += k;
  return true;
}

// The step before the last, from another entity than the last: its relations walked in one loop,
// each followed by the last step's count from where that step starts.
bool Matcher::CountBeforeLastStep(ValueList& row) {
  const MatchStep& s = *walked_before_last_;
  const MatchStep& last = *last_.step;
  const PatternPart& part = pattern_.parts[s.part];
  if (part.rels[s.rel].matches_nothing) return true;
  const EntityId x = SourceOf(s, row);
  // Where the last step starts: the node this step reaches, or one bound already.
  const int last_source = last.rightward ? last.rel : last.rel + 1;
  const bool from_reached = last.part == s.part && last_source == s.node;
  EntityId y = from_reached ? 0 : SourceOf(last, row);
  uint64_t used_at_y = 0;  // used relations among the last step's from y, when y is fixed
  if (!from_reached) {
    for (const UsedRelation& u : used_) used_at_y += IsStep(last_, y, u, row);
  }
  uint64_t total = 0;
  bool go_on = true;
  ForEachStepFrom(x, s.part, s.rel, s.rightward, [&](RelationId rel, EntityId other, bool out, TypeId type) {
    if (!go_on || !(go_on = budget_->Spend())) return;
    if (Used(rel) || !RelationMatches(s.part, s.rel, rel, type) || !NodeMatches(s.part, s.node, other, row)) return;
    const UsedRelation crossed = out ? UsedRelation{rel, x, other, type} : UsedRelation{rel, other, x, type};
    uint64_t k;
    if (from_reached) {
      y = other;
      k = last_.counts[y];
      for (const UsedRelation& u : used_) k -= IsStep(last_, y, u, row);
    } else {
      k = last_.counts[y] - used_at_y;
    }
    total += k - IsStep(last_, y, crossed, row);
  });
  if (total) found_ = true;
  count_ += total;
  return go_on;
}

}  // namespace casegraph::cypher
