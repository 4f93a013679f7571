// The binder's state (internal to binder.cc and expression_binder.cc).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.h"
#include "query/cypher/ast.h"

namespace casegraph::cypher {

enum class VarKind : uint8_t { kNode, kRelationship, kRelationshipList, kPath, kValue };

struct Variable {
  std::string name;
  int slot = -1;
  VarKind kind = VarKind::kValue;
  int clause = 0;  // the clause that bound it
};

using Scope = std::vector<Variable>;

const char* KindWord(VarKind k);  // "a node", "a path", ...

class Binder {
 public:
  Binder(std::string_view text, const Graph& g, const ValueMap& params) : text_(text), g_(g), params_(params) {}

  Status BindQuery(Query* q);

  // Expressions (expression_binder.cc).
  struct ExprRules {
    Projection* aggregates_into = nullptr;  // where aggregates may appear: their accumulators
    bool in_aggregate = false;
  };
  Status BindExpr(Expr* e, Scope& scope, const ExprRules& rules);

 private:
  Status BindSingle(SingleQuery* q, std::vector<std::string>* columns);
  Status BindMatch(Clause* c, Scope& scope);
  Status BindPart(PatternPart* part, Scope& scope, std::vector<int>* new_slots);
  Status BindNode(NodePattern* n, Scope& scope, std::vector<int>* new_slots);
  Status BindRel(RelPattern* r, Scope& scope, bool in_shortest, std::vector<int>* new_slots);
  Status BindPatternProperties(std::vector<std::pair<std::string, ExprPtr>>* props, Scope& scope, bool node);
  Status BindUnwind(Clause* c, Scope& scope);
  Status BindProjection(Projection* p, Scope& scope, bool is_return, std::vector<std::string>* columns);
  Status BindOrderBy(Projection* p, const Scope& before, const Scope& after);
  Status BindCount(ExprPtr& e, const char* what);
  void StarItems(Projection* p, const Scope& scope, bool sorted);

  // Expressions (expression_binder.cc).
  Status BindVariable(Expr* e, Scope& scope);
  Status BindParameter(Expr* e);
  Status BindProperty(Expr* e, Scope& scope, const ExprRules& rules);
  Status BindFunction(Expr* e, Scope& scope, const ExprRules& rules);
  Status BindExists(Expr* e, Scope& scope);
  Result<std::vector<TypeId>> LabelTypes(const std::vector<std::string>& labels, const std::vector<Place>& places) const;
  Result<std::vector<char>> RelationTypes(const std::vector<std::string>& types, const std::vector<Place>& places) const;
  Status BindLabelPredicate(Expr* e, Scope& scope, const ExprRules& rules);
  Status BindComprehension(Expr* e, Scope& scope, const ExprRules& rules);
  Status CheckGroupedUse(const Expr& e, const Projection& p, std::vector<int>* locals) const;
  Status CheckPropertyKey(std::string_view key, bool node, const Place& at) const;

  Status Error(const Place& at, Message m) const { return Status::InvalidInput(std::move(m)).At(QueryLocation(at)); }
  const Variable* Find(const Scope& scope, std::string_view name) const;
  int NewSlot() { return next_slot_++; }
  std::string TextOf(const Expr& e) const { return std::string(text_.substr(e.place.offset, e.end - e.place.offset)); }

  std::string_view text_;
  const Graph& g_;
  const ValueMap& params_;
  int next_slot_ = 0;
  int clause_ = 0;  // the clause being bound, counted from 1
};

}  // namespace casegraph::cypher
