// The binder's expressions: variables to slots, functions looked up, property names checked.
#include <algorithm>
#include <set>

#include "query/cypher/binder_internal.h"
#include "query/cypher/functions.h"
#include "query/cypher/properties.h"
#include "text/edit_distance.h"

namespace casegraph::cypher {

Status Binder::BindExpr(Expr* e, Scope& scope, const ExprRules& rules) {
  switch (e->kind) {
    case ExprKind::kVariable: return BindVariable(e, scope);
    case ExprKind::kParameter: return BindParameter(e);
    case ExprKind::kProperty: return BindProperty(e, scope, rules);
    case ExprKind::kFunction:
    case ExprKind::kCountStar: return BindFunction(e, scope, rules);
    case ExprKind::kExists: return BindExists(e, scope);
    case ExprKind::kHasLabels: return BindLabelPredicate(e, scope, rules);
    case ExprKind::kComprehension: return BindComprehension(e, scope, rules);
    default:
      for (ExprPtr& a : e->args) {
        if (Status s = BindExpr(a.get(), scope, rules); !s.ok()) return s;
      }
      return Status();
  }
}

Status Binder::BindVariable(Expr* e, Scope& scope) {
  if (const Variable* v = Find(scope, e->name)) {
    e->slot = v->slot;
    return Status();
  }
  std::vector<std::string> names;
  for (const Variable& v : scope) names.push_back(v.name);
  return Error(e->place, Message("unknown variable '", e->name, "'", DidYouMean(Suggest(e->name, names))));
}

Status Binder::BindParameter(Expr* e) {
  std::vector<std::string> names;
  for (const auto& [name, value] : params_) {
    if (name == e->name) return Status();
    names.push_back(name);
  }
  return Error(e->place, Message("unknown parameter $", e->name, DidYouMean(Suggest(e->name, names)), " (give it in ",
                                 Field("params"), ")"));
}

// n:label (its entity type) or r:type (its relation type); several: all of them, which one label
// per node allows only when they are the same.
Status Binder::BindLabelPredicate(Expr* e, Scope& scope, const ExprRules& rules) {
  if (Status s = BindExpr(e->args[0].get(), scope, rules); !s.ok()) return s;
  const Variable* v = Find(scope, e->args[0]->name);
  e->matches_nothing = std::set<std::string>(e->keys.begin(), e->keys.end()).size() > 1;
  if (v->kind == VarKind::kNode) {
    CYPHER_TRY(types, LabelTypes(e->keys, e->label_places));
    e->matches_nothing = e->matches_nothing || types.empty();
    e->label_types = std::move(types);
    return Status();
  }
  if (v->kind == VarKind::kRelationship) {
    CYPHER_TRY(allowed, RelationTypes(e->keys, e->label_places));
    for (TypeId t = 0; t < allowed.size(); ++t) {
      if (allowed[t]) e->relation_types.push_back(t);
    }
    e->matches_nothing = e->matches_nothing || e->relation_types.empty();
    return Status();
  }
  if (v->kind == VarKind::kValue) {  // a node or a relationship only when it runs: the labels may name either
    Result<std::vector<TypeId>> entity_types = LabelTypes(e->keys, e->label_places);
    Result<std::vector<char>> relation_types = RelationTypes(e->keys, e->label_places);
    if (!entity_types.ok() && !relation_types.ok()) return entity_types.status();
    if (entity_types.ok()) e->label_types = std::move(entity_types).value();
    if (relation_types.ok()) {
      for (TypeId t = 0; t < relation_types.value().size(); ++t) {
        if (relation_types.value()[t]) e->relation_types.push_back(t);
      }
    }
    return Status();
  }
  return Error(e->place, Message("'", v->name, "' is ", KindWord(v->kind), ": only a node has labels and a relationship a type"));
}

// [x IN list WHERE ... | ...]: the list in the outer scope; the rest sees x too, in a slot of its own.
Status Binder::BindComprehension(Expr* e, Scope& scope, const ExprRules& rules) {
  if (Status s = BindExpr(e->args[0].get(), scope, rules); !s.ok()) return s;
  Scope inner = scope;
  inner.erase(std::remove_if(inner.begin(), inner.end(), [&](const Variable& v) { return v.name == e->name; }), inner.end());
  e->slot = NewSlot();
  inner.push_back({e->name, e->slot, VarKind::kValue, clause_});
  for (size_t i = 1; i < 3; ++i) {
    if (Status s = BindExpr(e->args[i].get(), inner, rules); !s.ok()) return s;
  }
  return Status();
}

Status Binder::CheckPropertyKey(std::string_view key, bool node, const Place& at) const {
  const std::vector<std::string>& builtin = node ? NodePropertyNames() : RelationshipPropertyNames();
  const std::vector<std::string>& attributes = node ? g_.entity_attribute_keys() : g_.relation_attribute_keys();
  if (std::find(builtin.begin(), builtin.end(), key) != builtin.end() ||
      std::binary_search(attributes.begin(), attributes.end(), std::string(key))) {
    return Status();
  }
  std::vector<std::string> known = builtin;
  known.insert(known.end(), attributes.begin(), attributes.end());
  return Error(at, Message("unknown property '", std::string(key), "' of ", node ? "nodes" : "relationships",
                           DidYouMean(Suggest(key, known))));
}

Status Binder::BindProperty(Expr* e, Scope& scope, const ExprRules& rules) {
  if (Status s = BindExpr(e->args[0].get(), scope, rules); !s.ok()) return s;
  const Expr& object = *e->args[0];
  if (object.kind != ExprKind::kVariable) return Status();  // a map or a value: known when it runs
  const Variable* v = Find(scope, object.name);
  // Where the key follows the object, that is where a misspelled key is.
  Place at = e->place;
  at.offset = object.end + 1;
  at.column += static_cast<int>(object.end + 1 - e->place.offset);
  switch (v->kind) {
    case VarKind::kNode: return CheckPropertyKey(e->name, true, at);
    case VarKind::kRelationship: return CheckPropertyKey(e->name, false, at);
    case VarKind::kRelationshipList:
    case VarKind::kPath:
      return Error(e->place, Message("'", object.name, "' is ", v->kind == VarKind::kPath ? "a path" : "a list of relationships",
                                     ": it has no properties"));
    case VarKind::kValue: return Status();
  }
  return Status();
}

Status Binder::BindFunction(Expr* e, Scope& scope, const ExprRules& rules) {
  const int f = e->kind == ExprKind::kCountStar ? FindFunction("count") : FindFunction(e->name);
  if (f < 0) {
    std::vector<std::string> names;
    for (const FunctionInfo& info : Functions()) names.push_back(info.written);
    if (e->name == "exists") {
      return Error(e->place, Message("exists(property) is not supported; write property IS NOT NULL, or EXISTS { MATCH ... } for a pattern"));
    }
    const std::string written(text_.substr(e->place.offset, e->name.size()));
    return Error(e->place, Message("unknown function '", written, "'", DidYouMean(Suggest(written, names))));
  }
  const FunctionInfo& info = Functions()[static_cast<size_t>(f)];
  e->function = f;
  const int n = static_cast<int>(e->args.size());
  if (e->kind != ExprKind::kCountStar && (n < info.min_args || (info.max_args >= 0 && n > info.max_args))) {
    const std::string wants = info.min_args == info.max_args ? std::to_string(info.min_args)
                              : info.max_args < 0          ? std::to_string(info.min_args) + " or more"
                                                           : std::to_string(info.min_args) + " to " + std::to_string(info.max_args);
    return Error(e->place, Message(info.written, "() takes ", wants, wants == "1" ? " argument" : " arguments", ", not ", n));
  }
  if (e->distinct && !info.aggregate) return Error(e->place, Message("DISTINCT belongs only in an aggregate, not in ", info.written, "()"));
  ExprRules inner = rules;
  if (info.aggregate) {
    if (!rules.aggregates_into) {
      return Error(e->place, Message("the aggregate ", info.written, "() belongs in WITH or RETURN, not here"));
    }
    if (rules.in_aggregate) return Error(e->place, Message("an aggregate cannot hold another: ", info.written, "() inside one"));
    e->aggregate = true;
    e->slot = rules.aggregates_into->aggregate_count++;
    rules.aggregates_into->aggregates = true;
    inner.in_aggregate = true;
  }
  for (ExprPtr& a : e->args) {
    if (Status s = BindExpr(a.get(), scope, inner); !s.ok()) return s;
  }
  return Status();
}

// EXISTS { MATCH ... }: its pattern sees the variables around it, and binds its own apart.
Status Binder::BindExists(Expr* e, Scope& scope) {
  Scope inner = scope;
  std::vector<int> new_slots;
  ++clause_;  // its variables are its own: the outer ones count as bound before
  e->exists->first_slot = next_slot_;
  for (PatternPart& part : e->exists->pattern.parts) {
    if (Status s = BindPart(&part, inner, &new_slots); !s.ok()) return s;
  }
  Status s = e->exists->where ? BindExpr(e->exists->where.get(), inner, ExprRules{}) : Status();
  --clause_;
  return s;
}

}  // namespace casegraph::cypher
