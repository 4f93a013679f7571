#include "query/cypher/matcher.h"

#include <algorithm>

#include "query/cypher/properties.h"
#include "query/walker.h"

namespace casegraph::cypher {

Matcher::Matcher(const Pattern& pattern, const MatchPlan& plan, const EvalContext& ctx, Budget* budget, int all_paths_limit)
    : pattern_(pattern), plan_(plan), ctx_(ctx), g_(*ctx.graph), budget_(budget), all_paths_limit_(all_paths_limit) {
  symmetric_.resize(g_.relation_type_names().size());
  for (TypeId t = 0; t < symmetric_.size(); ++t) symmetric_[t] = g_.is_symmetric(t);
  shortest_filters_.resize(pattern.parts.size());
  int longest = 0;  // relationships a match may hold at most
  for (const PatternPart& part : pattern.parts) {
    std::vector<char>& any = any_symmetric_.emplace_back();
    for (const RelPattern& r : part.rels) {
      longest += r.max_hops < 0 ? kLongMatch + 1 : r.max_hops;
      bool symmetric = false;
      for (TypeId t = 0; t < symmetric_.size(); ++t) symmetric = symmetric || (symmetric_[t] && (r.allowed_type.empty() || r.allowed_type[t]));
      any.push_back(symmetric);
    }
  }
  if (longest > kLongMatch) used_flags_.assign(g_.relation_count(), 0);
}

bool Matcher::PrepareValues(ValueList& row) {
  node_values_.assign(pattern_.parts.size(), {});
  rel_values_.assign(pattern_.parts.size(), {});
  for (size_t p = 0; p < pattern_.parts.size(); ++p) {
    const PatternPart& part = pattern_.parts[p];
    for (auto [patterns, values] : {std::pair(0, &node_values_[p]), std::pair(1, &rel_values_[p])}) {
      const size_t count = patterns == 0 ? part.nodes.size() : part.rels.size();
      values->resize(count);
      for (size_t i = 0; i < count; ++i) {
        const auto& props = patterns == 0 ? part.nodes[i].properties : part.rels[i].properties;
        for (const auto& [key, expr] : props) {
          Result<Value> v = Evaluate(*expr, row, ctx_);
          if (!v.ok()) return budget_->Fail(v.status());
          (*values)[i].push_back(std::move(v).value());
        }
      }
    }
  }
  return true;
}

bool Matcher::Run(ValueList& row, RowSink* sink, bool* found) {
  sink_ = sink;
  found_ = false;
  if (!used_flags_.empty()) {
    for (const UsedRelation& r : used_) used_flags_[r.relation] = 0;
  }
  used_.clear();
  bool go_on = PrepareValues(row);
  for (const Expr* f : plan_.filters) {
    if (!go_on) break;
    Result<bool> holds = Holds(*f, row, ctx_);
    if (!holds.ok()) return budget_->Fail(holds.status());
    if (!holds.value()) {
      if (found) *found = false;
      return true;
    }
  }
  if (go_on) go_on = Step(0, row);
  if (found) *found = found_;
  return go_on;
}

// After step i bound its variables: its conditions, then the next step.
bool Matcher::Next(size_t i, ValueList& row) {
  for (const Expr* f : plan_.steps[i].filters) {
    Result<bool> holds = Holds(*f, row, ctx_);
    if (!holds.ok()) return budget_->Fail(holds.status());
    if (!holds.value()) return true;
  }
  return Step(i + 1, row);
}

bool Matcher::Step(size_t i, ValueList& row) {
  if (i == plan_.steps.size()) {
    found_ = true;
    if (counting_) return ++count_, true;
    return sink_->Push(row);
  }
  const MatchStep& s = plan_.steps[i];
  if (before_last_.step && i + 2 == plan_.steps.size()) return CountLastTwoSteps(row);
  if (walked_before_last_ && i + 2 == plan_.steps.size()) return CountBeforeLastStep(row);
  if (last_.step && i + 1 == plan_.steps.size()) return CountLastStep(row);
  switch (s.kind) {
    case MatchStep::Kind::kStart: return Start(s, i, row);
    case MatchStep::Kind::kExpand: return Expand(s, i, row);
    case MatchStep::Kind::kVarExpand: {
      const RelPattern& r = pattern_.parts[s.part].rels[s.rel];
      const NodePattern& from = pattern_.parts[s.part].nodes[s.rightward ? s.rel : s.rel + 1];
      if (r.matches_nothing && r.min_hops > 0) return true;
      trail_.clear();
      return VarExpand(s, i, row, row[from.slot].node(), 0);
    }
    case MatchStep::Kind::kShortest: return Shortest(s, i, row);
    case MatchStep::Kind::kPath: return BindPath(s, i, row);
  }
  return true;
}

bool Matcher::NodePropertiesMatch(int part, int node, EntityId v) const {
  const NodePattern& n = pattern_.parts[part].nodes[node];
  const std::vector<Value>& values = node_values_[part][node];
  for (size_t k = 0; k < n.properties.size(); ++k) {
    const std::optional<bool> eq = Equals(NodeProperty(g_, v, n.properties[k].first), values[k]);
    if (!eq || !*eq) return false;
  }
  return true;
}

bool Matcher::RelationPropertiesMatch(int part, int rel, RelationId r) const {
  const RelPattern& p = pattern_.parts[part].rels[rel];
  const std::vector<Value>& values = rel_values_[part][rel];
  for (size_t k = 0; k < p.properties.size(); ++k) {
    const std::optional<bool> eq = Equals(RelationshipProperty(g_, r, p.properties[k].first), values[k]);
    if (!eq || !*eq) return false;
  }
  return true;
}

bool Matcher::Start(const MatchStep& s, size_t i, ValueList& row) {
  const NodePattern& n = pattern_.parts[s.part].nodes[s.node];
  auto try_entity = [&](EntityId v) {
    if (!budget_->Spend() ) return false;
    if (!NodeMatches(s.part, s.node, v, row)) return true;
    row[n.slot] = Value::Node(v);
    return Next(i, row);
  };
  switch (s.access.kind) {
    case StartAccess::Kind::kBound: {
      const Value& bound = row[n.slot];
      if (bound.is_null()) return true;  // an optional match found nothing: nothing matches it
      if (bound.kind() != Value::Kind::kNode) {
        return budget_->Fail(Status::InvalidInput(Message("'", n.var, "' is ", KindName(bound.kind()), ", not a node"))
                                 .At(QueryLocation(n.place)));
      }
      if (!NodeMatches(s.part, s.node, bound.node(), row)) return true;
      return Next(i, row);
    }
    case StartAccess::Kind::kById:
    case StartAccess::Kind::kByName: {
      Result<Value> key = Evaluate(*s.access.key, row, ctx_);
      if (!key.ok()) return budget_->Fail(key.status());
      if (key.value().kind() != Value::Kind::kString) return true;  // ids and names are strings
      if (s.access.kind == StartAccess::Kind::kById) {
        const std::optional<EntityId> v = g_.FindEntity(key.value().string());
        return !v || try_entity(*v);
      }
      for (EntityId v : g_.names().NamedExactly(key.value().string())) {
        if (!try_entity(v)) return false;
      }
      return true;
    }
    case StartAccess::Kind::kAll:
      for (EntityId v = 0; v < g_.entity_count(); ++v) {
        if (!try_entity(v)) return false;
      }
      return true;
  }
  return true;
}

bool Matcher::Expand(const MatchStep& s, size_t i, ValueList& row) {
  const PatternPart& part = pattern_.parts[s.part];
  const RelPattern& r = part.rels[s.rel];
  if (r.matches_nothing) return true;
  const NodePattern& target = part.nodes[s.node];
  const EntityId u = row[part.nodes[s.rightward ? s.rel : s.rel + 1].slot].node();
  const Value* bound_target = s.node_bound ? &row[target.slot] : nullptr;
  if (bound_target && bound_target->kind() != Value::Kind::kNode) return true;
  const Value* bound_rel = r.bound_before ? &row[r.slot] : nullptr;
  if (bound_rel && bound_rel->kind() != Value::Kind::kRelationship) return true;
  const bool read = !r.var.empty() || !part.path_var.empty();  // an anonymous relationship outside a path: no one
  bool go_on = true;
  ForEachStepFrom(u, s.part, s.rel, s.rightward, [&](RelationId rel, EntityId other, bool out, TypeId type) {
    if (!go_on || !(go_on = budget_->Spend())) return;
    if (bound_rel && bound_rel->relation() != rel) return;
    if (bound_target && bound_target->node() != other) return;
    if (Used(rel) || !RelationMatches(s.part, s.rel, rel, type)) return;
    if (!bound_target && !NodeMatches(s.part, s.node, other, row)) return;
    if (read) {
      const bool forward = out == s.rightward;  // as written, read left to right in the pattern
      row[r.slot] = Value::Relationship(s.rightward ? Hop{rel, forward, u, other} : Hop{rel, forward, other, u});
    }
    if (!bound_target) row[target.slot] = Value::Node(other);
    Use(rel, u, other, out, type);
    go_on = Next(i, row);
    Unuse();
  });
  return go_on;
}

// The trail so far ends at `at`, depth relationships from where it began.
bool Matcher::VarExpand(const MatchStep& s, size_t i, ValueList& row, EntityId at, int depth) {
  const RelPattern& r = pattern_.parts[s.part].rels[s.rel];
  if (depth >= r.min_hops && !BindVarTarget(s, i, row, at)) return false;
  if (r.max_hops >= 0 && depth >= r.max_hops) return true;
  if (r.matches_nothing) return true;
  bool go_on = true;
  ForEachStepFrom(at, s.part, s.rel, s.rightward, [&](RelationId rel, EntityId other, bool out, TypeId type) {
    if (!go_on || !(go_on = budget_->Spend())) return;
    if (Used(rel) || !RelationMatches(s.part, s.rel, rel, type)) return;
    Use(rel, at, other, out, type);
    trail_.push_back({rel, other, out});
    go_on = VarExpand(s, i, row, other, depth + 1);
    trail_.pop_back();
    Unuse();
  });
  return go_on;
}

// A trail ending at `at` reaches the step's node: bind it and the relationships, in pattern order.
bool Matcher::BindVarTarget(const MatchStep& s, size_t i, ValueList& row, EntityId at) {
  const PatternPart& part = pattern_.parts[s.part];
  const NodePattern& target = part.nodes[s.node];
  if (s.node_bound) {
    const Value& bound = row[target.slot];
    if (bound.kind() != Value::Kind::kNode || bound.node() != at) return true;
  } else if (!NodeMatches(s.part, s.node, at, row)) {
    return true;
  }
  const RelPattern& r = part.rels[s.rel];
  if (r.var.empty() && part.path_var.empty()) {  // nothing reads the relationships: bind the end only
    if (!s.node_bound) row[target.slot] = Value::Node(at);
    return Next(i, row);
  }
  ValueList hops;
  hops.reserve(trail_.size());
  EntityId from = row[part.nodes[s.rightward ? s.rel : s.rel + 1].slot].node();
  std::vector<Hop> walked;
  for (const TrailStep& t : trail_) {
    walked.push_back(Hop{t.relation, t.out, from, t.other});
    from = t.other;
  }
  if (!s.rightward) {  // found from the right: read it from the left
    std::reverse(walked.begin(), walked.end());
    for (Hop& h : walked) h = Hop{h.relation, !h.forward, h.to, h.from};
  }
  for (const Hop& h : walked) hops.push_back(Value::Relationship(h));
  row[part.rels[s.rel].slot] = Value::List(std::move(hops));
  if (!s.node_bound) row[target.slot] = Value::Node(at);
  return Next(i, row);
}

bool Matcher::Shortest(const MatchStep& s, size_t i, ValueList& row) {
  const PatternPart& part = pattern_.parts[s.part];
  const RelPattern& r = part.rels[0];
  std::optional<TraversalFilter>& filter = shortest_filters_[s.part];
  if (!filter) {
    FilterSpec spec;
    spec.via = r.types;
    spec.direction = r.direction == ArrowDirection::kRight ? Direction::kForward
                     : r.direction == ArrowDirection::kLeft ? Direction::kBackward
                                                            : Direction::kAny;
    if (r.max_hops >= 0) spec.max_hops = r.max_hops;
    Result<TraversalFilter> compiled = CompileFilter(g_, spec);
    if (!compiled.ok()) return budget_->Fail(compiled.status());
    filter = std::move(compiled).value();
  }
  const EntityId from = row[part.nodes[0].slot].node(), to = row[part.nodes[1].slot].node();
  if (from == to && r.min_hops > 0) return true;
  PathQuery q;
  q.from = from;
  q.to = to;
  q.form = part.kind == PatternPart::Kind::kShortest ? PathForm::kShortest : PathForm::kAllShortest;
  q.limit = all_paths_limit_;
  Result<PathAnswer> answer = FindPaths(g_, *filter, q);
  if (!answer.ok()) return budget_->Fail(answer.status());
  if (!budget_->Spend(1 + answer.value().paths.size())) return false;
  for (const Path& p : answer.value().paths) {
    ValueList hops;
    for (const Hop& h : p.hops) hops.push_back(Value::Relationship(h));
    row[r.slot] = r.variable_length ? Value::List(std::move(hops)) : hops.empty() ? Value() : hops.front();
    if (!Next(i, row)) return false;
  }
  return true;
}

bool Matcher::BindPath(const MatchStep& s, size_t i, ValueList& row) {
  const PatternPart& part = pattern_.parts[s.part];
  PathValue path;
  path.start = row[part.nodes[0].slot].node();
  for (const RelPattern& r : part.rels) {
    const Value& v = row[r.slot];
    if (v.kind() == Value::Kind::kRelationship) {
      path.hops.push_back(v.relationship());
    } else if (v.kind() == Value::Kind::kList) {
      for (const Value& h : v.list()) path.hops.push_back(h.relationship());
    }
  }
  row[part.path_slot] = Value::Path(std::move(path));
  return Next(i, row);
}

}  // namespace casegraph::cypher
