#include "query/cypher/binder.h"

#include <algorithm>
#include <set>

#include "query/cypher/binder_internal.h"
#include "query/cypher/properties.h"
#include "text/edit_distance.h"

namespace casegraph::cypher {

const char* KindWord(VarKind k) {
  switch (k) {
    case VarKind::kNode: return "a node";
    case VarKind::kRelationship: return "a relationship";
    case VarKind::kRelationshipList: return "a list of relationships";
    case VarKind::kPath: return "a path";
    case VarKind::kValue: return "a value";
  }
  return "a value";
}

const Variable* Binder::Find(const Scope& scope, std::string_view name) const {
  for (auto it = scope.rbegin(); it != scope.rend(); ++it) {
    if (it->name == name) return &*it;
  }
  return nullptr;
}

Status Binder::BindQuery(Query* q) {
  for (size_t i = 0; i < q->parts.size(); ++i) {
    next_slot_ = 0;
    clause_ = 0;
    std::vector<std::string> columns;
    if (Status s = BindSingle(&q->parts[i], &columns); !s.ok()) return s;
    if (i == 0) {
      q->columns = std::move(columns);
    } else if (columns != q->columns) {
      return Error(q->parts[i].clauses.front().place,
                   Message("the queries a UNION joins must return the same columns, in the same order"));
    }
  }
  return Status();
}

Status Binder::BindSingle(SingleQuery* q, std::vector<std::string>* columns) {
  Scope scope;
  for (Clause& c : q->clauses) {
    ++clause_;
    Status s;
    switch (c.kind) {
      case Clause::Kind::kMatch:
      case Clause::Kind::kOptionalMatch: s = BindMatch(&c, scope); break;
      case Clause::Kind::kUnwind: s = BindUnwind(&c, scope); break;
      case Clause::Kind::kWith: s = BindProjection(&c.projection, scope, false, nullptr); break;
      case Clause::Kind::kReturn: s = BindProjection(&c.projection, scope, true, columns); break;
    }
    if (!s.ok()) return s;
  }
  q->slots = next_slot_;
  return Status();
}

Status Binder::BindMatch(Clause* c, Scope& scope) {
  for (PatternPart& part : c->pattern.parts) {
    if (Status s = BindPart(&part, scope, &c->new_slots); !s.ok()) return s;
  }
  if (c->where) return BindExpr(c->where.get(), scope, ExprRules{});
  return Status();
}

Status Binder::BindPart(PatternPart* part, Scope& scope, std::vector<int>* new_slots) {
  if (!part->path_var.empty()) {
    if (Find(scope, part->path_var)) {
      return Error(part->place, Message("the variable '", part->path_var, "' is bound already: a path needs a new name"));
    }
    part->path_slot = NewSlot();
    new_slots->push_back(part->path_slot);
    scope.push_back({part->path_var, part->path_slot, VarKind::kPath, clause_});
  }
  const bool shortest = part->kind != PatternPart::Kind::kChain;
  for (size_t i = 0; i < part->nodes.size(); ++i) {
    if (Status s = BindNode(&part->nodes[i], scope, new_slots); !s.ok()) return s;
    if (i < part->rels.size()) {
      if (Status s = BindRel(&part->rels[i], scope, shortest, new_slots); !s.ok()) return s;
    }
  }
  return Status();
}

Status Binder::BindNode(NodePattern* n, Scope& scope, std::vector<int>* new_slots) {
  if (const Variable* v = n->var.empty() ? nullptr : Find(scope, n->var)) {
    if (v->kind != VarKind::kNode && !(v->kind == VarKind::kValue && v->clause < clause_)) {
      return Error(n->place, Message("'", n->var, "' is ", KindWord(v->kind), ", not a node"));
    }
    n->slot = v->slot;
    n->bound_before = v->clause < clause_;
  } else {
    n->slot = NewSlot();
    new_slots->push_back(n->slot);
    if (!n->var.empty()) scope.push_back({n->var, n->slot, VarKind::kNode, clause_});
  }
  if (!n->labels.empty()) {
    CYPHER_TRY(types, LabelTypes(n->labels, n->label_places));
    const bool all_different = !n->label_alternatives && std::set<std::string>(n->labels.begin(), n->labels.end()).size() > 1;
    n->matches_nothing = types.empty() || all_different;  // one label per node
    n->label_types = std::move(types);
  }
  return BindPatternProperties(&n->properties, scope, true);
}

// The entity types labels name (a label the vocabulary declares but no entity has names none);
// an unknown label is an error with the nearest names.
Result<std::vector<TypeId>> Binder::LabelTypes(const std::vector<std::string>& labels, const std::vector<Place>& places) const {
  std::vector<std::string> known;  // the vocabulary's entity types and those entities have
  for (const auto& [id, t] : g_.model().vocabulary.entity_types) known.push_back(id);
  for (const std::string& t : g_.entity_type_names()) {
    if (std::find(known.begin(), known.end(), t) == known.end()) known.push_back(t);
  }
  std::set<TypeId> types;
  for (size_t i = 0; i < labels.size(); ++i) {
    if (std::find(known.begin(), known.end(), labels[i]) == known.end()) {
      return Error(places[i], Message("unknown label '", labels[i], "'", DidYouMean(Suggest(labels[i], known)),
                                      " (a node's label is its entity type)"));
    }
    if (std::optional<TypeId> t = g_.FindEntityType(labels[i])) types.insert(*t);
  }
  return std::vector<TypeId>(types.begin(), types.end());
}

// The relation types relationship types name, each flagged in a table by type id.
Result<std::vector<char>> Binder::RelationTypes(const std::vector<std::string>& types, const std::vector<Place>& places) const {
  std::vector<std::string> known;
  for (const auto& [id, t] : g_.model().vocabulary.relation_types) known.push_back(id);
  std::vector<char> allowed(g_.relation_type_names().size(), 0);
  for (size_t i = 0; i < types.size(); ++i) {
    if (!g_.model().vocabulary.relation_types.count(types[i])) {
      return Error(places[i], Message("unknown relationship type '", types[i], "'", DidYouMean(Suggest(types[i], known)),
                                      " (a relationship's type is its relation type)"));
    }
    if (std::optional<TypeId> t = g_.FindRelationType(types[i])) allowed[*t] = 1;
  }
  return allowed;
}

Status Binder::BindRel(RelPattern* r, Scope& scope, bool in_shortest, std::vector<int>* new_slots) {
  if (const Variable* v = r->var.empty() ? nullptr : Find(scope, r->var)) {
    if (v->kind != VarKind::kRelationship || r->variable_length) {
      return Error(r->place, Message("'", r->var, "' is ", KindWord(v->kind), ", not a relationship"));
    }
    if (v->clause == clause_) {
      return Error(r->place, Message("the relationship variable '", r->var, "' is used twice in one MATCH: a pattern never "
                                     "uses one relationship twice"));
    }
    r->slot = v->slot;
    r->bound_before = true;
  } else {
    r->slot = NewSlot();
    new_slots->push_back(r->slot);
    const VarKind kind = r->variable_length ? VarKind::kRelationshipList : VarKind::kRelationship;
    if (!r->var.empty()) scope.push_back({r->var, r->slot, kind, clause_});
  }
  bool any = r->types.empty();
  if (!r->types.empty()) {
    CYPHER_TRY(allowed, RelationTypes(r->types, r->type_places));
    any = std::find(allowed.begin(), allowed.end(), 1) != allowed.end();
    r->allowed_type = std::move(allowed);
  }
  r->matches_nothing = !any;
  if (r->variable_length && r->max_hops < 0 && !in_shortest) {
    return Error(r->length_place, Message("a variable-length relationship needs an upper bound, e.g. *", r->min_hops, "..5 "
                                          "(only shortestPath and allShortestPaths search without one)"));
  }
  if (in_shortest && !r->properties.empty()) {
    return Error(r->place, Message("shortestPath takes relationship types and a hop bound, not properties: filter with WHERE"));
  }
  if (in_shortest && r->min_hops > 1) {
    return Error(r->length_place, Message("shortestPath's lower bound is 0 or 1"));
  }
  return BindPatternProperties(&r->properties, scope, false);
}

// {key: value} in a pattern: known keys, and values that do not depend on the pattern itself
// (only on earlier clauses and parameters), so that they are known before it is matched.
Status Binder::BindPatternProperties(std::vector<std::pair<std::string, ExprPtr>>* props, Scope& scope, bool node) {
  Scope earlier;
  for (const Variable& v : scope) {
    if (v.clause < clause_) earlier.push_back(v);
  }
  for (auto& [key, value] : *props) {
    if (Status s = CheckPropertyKey(key, node, value->place); !s.ok()) return s;
    if (Status s = BindExpr(value.get(), earlier, ExprRules{}); !s.ok()) {
      if (BindExpr(value.get(), scope, ExprRules{}).ok()) {
        return Error(value->place, Message("a property in a pattern cannot depend on the pattern's own variables: "
                                           "compare them in WHERE"));
      }
      return s;
    }
  }
  return Status();
}

Status Binder::BindUnwind(Clause* c, Scope& scope) {
  if (Status s = BindExpr(c->unwind.get(), scope, ExprRules{}); !s.ok()) return s;
  if (Find(scope, c->unwind_var)) {
    return Error(c->place, Message("the variable '", c->unwind_var, "' is bound already: UNWIND needs a new name"));
  }
  c->unwind_slot = NewSlot();
  scope.push_back({c->unwind_var, c->unwind_slot, VarKind::kValue, clause_});
  return Status();
}

void Binder::StarItems(Projection* p, const Scope& scope, bool sorted) {
  std::vector<const Variable*> visible;
  for (const Variable& v : scope) {
    if (Find(scope, v.name) == &v) visible.push_back(&v);  // the newest of each name
  }
  if (sorted) std::sort(visible.begin(), visible.end(), [](auto* a, auto* b) { return a->name < b->name; });
  std::vector<ProjectionItem> items;
  for (const Variable* v : visible) {
    ProjectionItem item;
    item.expr = std::make_unique<Expr>();
    item.expr->kind = ExprKind::kVariable;
    item.expr->name = v->name;
    item.name = v->name;
    item.aliased = true;
    items.push_back(std::move(item));
  }
  for (ProjectionItem& item : p->items) items.push_back(std::move(item));
  p->items = std::move(items);
  p->star = false;
}

namespace {

bool HasAggregate(const Expr& e) {
  if (e.aggregate) return true;
  for (const ExprPtr& a : e.args) {
    if (HasAggregate(*a)) return true;
  }
  return false;
}

// A grouping key that other items may build on: a variable or a variable's property.
bool IsSimpleKey(const Expr& e) {
  return e.kind == ExprKind::kVariable || (e.kind == ExprKind::kProperty && e.args[0]->kind == ExprKind::kVariable);
}

}  // namespace

Status Binder::BindProjection(Projection* p, Scope& scope, bool is_return, std::vector<std::string>* columns) {
  if (p->star) {
    if (scope.empty() && p->items.empty()) return Error(Place{}, Message("RETURN * and WITH * need variables to project"));
    StarItems(p, scope, is_return);
  }
  const Scope before = scope;
  Scope after;
  std::set<std::string> names;
  for (ProjectionItem& item : p->items) {
    ExprRules rules;
    rules.aggregates_into = p;
    if (Status s = BindExpr(item.expr.get(), scope, rules); !s.ok()) return s;
    if (!is_return && !item.aliased && item.expr->kind != ExprKind::kVariable) {
      return Error(item.expr->place, Message("an expression in WITH needs a name: write '", item.name, " AS name'"));
    }
    if (!names.insert(item.name).second) {
      return Error(item.expr->place, Message("two columns are named '", item.name, "': give one another name with AS"));
    }
    item.slot = NewSlot();
    VarKind kind = VarKind::kValue;
    if (item.expr->kind == ExprKind::kVariable) kind = Find(before, item.expr->name)->kind;
    after.push_back({item.name, item.slot, kind, clause_});
    if (columns) columns->push_back(item.name);
  }
  if (p->aggregates) {
    for (const ProjectionItem& item : p->items) {
      if (!HasAggregate(*item.expr)) continue;  // a grouping key
      std::vector<int> locals;
      if (Status s = CheckGroupedUse(*item.expr, *p, &locals); !s.ok()) return s;
    }
  }
  if (Status s = BindOrderBy(p, before, after); !s.ok()) return s;
  if (Status s = BindCount(p->skip, "SKIP"); !s.ok()) return s;
  if (Status s = BindCount(p->limit, "LIMIT"); !s.ok()) return s;
  scope = after;
  if (p->where) return BindExpr(p->where.get(), scope, ExprRules{});
  return Status();
}


// In an item that aggregates, what lies outside the aggregates must be a grouping key of its own
// (openCypher: RETURN n.age, n.age + count(*) groups by n.age; RETURN n.age + count(*) is an error,
// since which n's age it adds would be arbitrary).
Status Binder::CheckGroupedUse(const Expr& e, const Projection& p, std::vector<int>* locals) const {
  if (e.aggregate) return Status();
  if (e.kind == ExprKind::kComprehension) {  // its variable is its own, not a grouping key
    if (Status s = CheckGroupedUse(*e.args[0], p, locals); !s.ok()) return s;
    locals->push_back(e.slot);
    for (size_t i = 1; i < 3; ++i) {
      if (Status s = CheckGroupedUse(*e.args[i], p, locals); !s.ok()) return s;
    }
    locals->pop_back();
    return Status();
  }
  if (IsSimpleKey(e)) {
    const int slot = e.kind == ExprKind::kVariable ? e.slot : e.args[0]->slot;
    if (std::find(locals->begin(), locals->end(), slot) != locals->end()) return Status();
    const std::string text = TextOf(e);
    for (const ProjectionItem& item : p.items) {
      if (!HasAggregate(*item.expr) && IsSimpleKey(*item.expr) && TextOf(*item.expr) == text) return Status();
    }
    return Error(e.place, Message("'", text, "' is used beside an aggregate without being a grouping key: return it as "
                                  "a column of its own too, or move it into the aggregate"));
  }
  for (const ExprPtr& a : e.args) {
    if (Status s = CheckGroupedUse(*a, p, locals); !s.ok()) return s;
  }
  return Status();
}

// ORDER BY sees the projected names and, unless the projection aggregates or is DISTINCT, what
// was in scope before; an expression written as a projected one stands for it.
Status Binder::BindOrderBy(Projection* p, const Scope& before, const Scope& after) {
  for (SortItem& item : p->order) {
    const std::string text = TextOf(*item.expr);
    for (const ProjectionItem& projected : p->items) {
      if (!projected.aliased && projected.name == text) {
        item.expr->kind = ExprKind::kVariable;  // the projected column itself
        item.expr->name = projected.name;
        item.expr->args.clear();
        break;
      }
    }
    Scope scope = p->aggregates || p->distinct ? Scope() : before;
    scope.insert(scope.end(), after.begin(), after.end());
    if (Status s = BindExpr(item.expr.get(), scope, ExprRules{}); !s.ok()) {
      if (p->aggregates || p->distinct) {
        return Error(item.expr->place, Message("after DISTINCT or an aggregate, ORDER BY may use only the projected "
                                               "columns: ", s.message()));
      }
      return s;
    }
  }
  return Status();
}

// SKIP and LIMIT: a number known before the query runs (a literal or a parameter).
Status Binder::BindCount(ExprPtr& e, const char* what) {
  if (!e) return Status();
  Scope none;
  if (Status s = BindExpr(e.get(), none, ExprRules{}); !s.ok()) {
    return Error(e->place, Message(what, " takes a number or a parameter: ", s.message()));
  }
  return Status();
}

Status Bind(Query* query, std::string_view text, const Graph& g, const ValueMap& params) {
  return Binder(text, g, params).BindQuery(query);
}

}  // namespace casegraph::cypher
