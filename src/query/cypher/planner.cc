#include "query/cypher/planner.h"

#include <algorithm>
#include <map>
#include <set>

namespace casegraph::cypher {

namespace {

// Every slot an expression reads, EXISTS subqueries' outer variables included.
void SlotsRead(const Expr& e, std::set<int>* out, bool* has_exists) {
  if (e.kind == ExprKind::kVariable) out->insert(e.slot);
  if (e.kind == ExprKind::kExists) *has_exists = true;
  if (e.kind == ExprKind::kComprehension) {  // its own variable is not the row's to bind
    std::set<int> inner;
    for (const ExprPtr& a : e.args) SlotsRead(*a, &inner, has_exists);
    inner.erase(e.slot);
    out->insert(inner.begin(), inner.end());
    return;
  }
  for (const ExprPtr& a : e.args) SlotsRead(*a, out, has_exists);
}

void Conjuncts(const Expr* e, std::vector<const Expr*>* out) {
  if (!e) return;
  if (e->kind == ExprKind::kAnd) {
    Conjuncts(e->args[0].get(), out);
    Conjuncts(e->args[1].get(), out);
  } else {
    out->push_back(e);
  }
}

const Expr* PropertyValue(const NodePattern& n, const char* key) {
  for (const auto& [k, v] : n.properties) {
    if (k == key) return v.get();
  }
  return nullptr;
}

class Planner {
 public:
  Planner(const Pattern& pattern, const Graph& g, bool counting) : pattern_(pattern), g_(g), counting_(counting) {
    for (const PatternPart& part : pattern.parts) {
      for (const NodePattern& n : part.nodes) {
        if (n.bound_before) bound_.insert(n.slot);
      }
      for (const RelPattern& r : part.rels) {
        if (r.bound_before) bound_.insert(r.slot);
        if (!r.variable_length) plan_.uses_relationships = true;
      }
    }
    outer_ = bound_;
  }

  MatchPlan Run(const Expr* where) {
    std::vector<bool> done(pattern_.parts.size(), false);
    for (size_t k = 0; k < pattern_.parts.size(); ++k) {
      // The part that starts cheapest next (one touching bound variables before the others).
      size_t best = 0;
      double best_cost = -1;
      for (size_t i = 0; i < pattern_.parts.size(); ++i) {
        if (done[i]) continue;
        const double cost = StartCost(pattern_.parts[i], BestStart(pattern_.parts[i]));
        if (best_cost < 0 || cost < best_cost) {
          best = i;
          best_cost = cost;
        }
      }
      done[best] = true;
      PlanPart(static_cast<int>(best));
    }
    PlaceFilters(where);
    return std::move(plan_);
  }

 private:
  double NodeCost(const NodePattern& n) {
    if (bound_.count(n.slot)) return 1;
    if (n.matches_nothing) return 0.5;
    if (PropertyValue(n, "id")) return 1.5;
    if (PropertyValue(n, "name")) return 2;
    if (n.label_types.empty()) return static_cast<double>(g_.entity_count()) + 0.5;
    if (type_counts_.empty()) {  // entities per type, counted once
      type_counts_.assign(g_.entity_type_names().size(), 0);
      for (EntityId v = 0; v < g_.entity_count(); ++v) ++type_counts_[g_.entity_type(v)];
    }
    size_t count = 0;
    for (TypeId t : n.label_types) count += type_counts_[t];
    return static_cast<double>(count) + 0.25;
  }

  size_t BestStart(const PatternPart& part) {
    if (part.kind != PatternPart::Kind::kChain) return 0;
    size_t best = 0;
    double cost = NodeCost(part.nodes[0]);
    for (size_t i = 1; i < part.nodes.size(); ++i) {
      const double c = NodeCost(part.nodes[i]);
      if (c < cost) {
        best = i;
        cost = c;
      }
    }
    // Counting one chain: start, at no extra cost, next to its last node, so that the last step,
    // which is counted from each entity's precomputed number, leaves the entity the scan is at.
    const size_t next_to_last = part.nodes.size() - 2;
    if (CountsLastStep() && part.nodes.size() >= 2 && NodeCost(part.nodes[next_to_last]) <= cost) best = next_to_last;
    return best;
  }

  bool CountsLastStep() const { return counting_ && pattern_.parts.size() == 1; }

  double StartCost(const PatternPart& part, size_t start) { return NodeCost(part.nodes[start]); }

  void Start(int part, int node) {
    const NodePattern& n = pattern_.parts[part].nodes[node];
    MatchStep step;
    step.kind = MatchStep::Kind::kStart;
    step.part = part;
    step.node = node;
    step.node_bound = bound_.count(n.slot) > 0;
    if (step.node_bound) {
      step.access.kind = StartAccess::Kind::kBound;
    } else if (const Expr* id = PropertyValue(n, "id")) {
      step.access = {StartAccess::Kind::kById, id};
    } else if (const Expr* name = PropertyValue(n, "name")) {
      step.access = {StartAccess::Kind::kByName, name};
    }
    Bind(n.slot);
    plan_.steps.push_back(step);
  }

  void Expand(int part, int rel, bool rightward) {
    const PatternPart& p = pattern_.parts[part];
    MatchStep step;
    step.kind = p.rels[rel].variable_length ? MatchStep::Kind::kVarExpand : MatchStep::Kind::kExpand;
    step.part = part;
    step.rel = rel;
    step.rightward = rightward;
    step.node = rightward ? rel + 1 : rel;
    step.node_bound = bound_.count(p.nodes[step.node].slot) > 0;
    Bind(p.rels[rel].slot);
    Bind(p.nodes[step.node].slot);
    plan_.steps.push_back(step);
  }

  void PlanPart(int part) {
    const PatternPart& p = pattern_.parts[part];
    if (p.kind != PatternPart::Kind::kChain) {
      Start(part, 0);
      Start(part, 1);
      MatchStep step;
      step.kind = MatchStep::Kind::kShortest;
      step.part = part;
      Bind(p.rels[0].slot);
      plan_.steps.push_back(step);
    } else {
      const int start = static_cast<int>(BestStart(p));
      Start(part, start);
      if (CountsLastStep()) {  // leftward first: the last step is then the rightmost relationship
        for (int r = start - 1; r >= 0; --r) Expand(part, r, false);
        for (int r = start; r < static_cast<int>(p.rels.size()); ++r) Expand(part, r, true);
      } else {
        for (int r = start; r < static_cast<int>(p.rels.size()); ++r) Expand(part, r, true);
        for (int r = start - 1; r >= 0; --r) Expand(part, r, false);
      }
    }
    if (p.path_slot >= 0) {
      MatchStep step;
      step.kind = MatchStep::Kind::kPath;
      step.part = part;
      Bind(p.path_slot);
      plan_.steps.push_back(step);
    }
  }

  void Bind(int slot) {
    bound_.insert(slot);
    bound_at_[slot] = static_cast<int>(plan_.steps.size());  // bound by the step about to be added
  }

  // Each condition after the step that binds the last of its variables (EXISTS at the end).
  void PlaceFilters(const Expr* where) {
    std::vector<const Expr*> conjuncts;
    Conjuncts(where, &conjuncts);
    for (const Expr* c : conjuncts) {
      std::set<int> slots;
      bool exists = false;
      SlotsRead(*c, &slots, &exists);
      int after = -1;
      for (int s : slots) {
        auto it = bound_at_.find(s);
        if (it != bound_at_.end() && !outer_.count(s)) after = std::max(after, it->second);
      }
      if (exists && !plan_.steps.empty()) after = static_cast<int>(plan_.steps.size()) - 1;
      if (after < 0) {
        plan_.filters.push_back(c);
      } else {
        plan_.steps[after].filters.push_back(c);
      }
    }
  }

  const Pattern& pattern_;
  const Graph& g_;
  bool counting_;  // the matches are counted, not made (MATCH ... RETURN count(*))
  MatchPlan plan_;
  std::set<int> bound_, outer_;
  std::map<int, int> bound_at_;  // slot -> the step that binds it
  std::vector<size_t> type_counts_;
};

}  // namespace

MatchPlan PlanMatch(const Pattern& pattern, const Expr* where, const Graph& g, bool counting) {
  return Planner(pattern, g, counting).Run(where);
}

}  // namespace casegraph::cypher
