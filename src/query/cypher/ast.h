// Pattern queries, stage 2's output: the syntax tree of a query, every node with its place in
// the text. The binder annotates it (slots, resolved labels and types, functions) in place.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "graph/graph_arrays.h"
#include "query/cypher/lexer.h"
#include "query/cypher/value.h"

namespace casegraph::cypher {

/// var = the value of a Result, or return its status from the enclosing function.
#define CYPHER_TRY(var, expr)                 \
  auto var##_result = (expr);                 \
  if (!var##_result.ok()) return var##_result.status(); \
  auto var = std::move(var##_result).value()

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;
struct ExistsQuery;

enum class ExprKind : uint8_t {
  kLiteral,     // literal
  kParameter,   // $name
  kVariable,    // name
  kProperty,    // args[0].name
  kIndex,       // args[0][args[1]]
  kSlice,       // args[0][args[1]..args[2]] (either bound may be a null literal: open)
  kList,        // [args...]
  kMap,         // {keys[i]: args[i]}
  kNot,         // NOT args[0]
  kNegate,      // -args[0]
  kAnd,
  kOr,
  kXor,
  kArithmetic,  // op: + - * / % ^
  kComparison,  // args[0] keys[0] args[1] keys[1] ...: a chain of = <> < <= > >=, joined by AND
  kIsNull,      // args[0] IS NULL (negated: IS NOT NULL)
  kIn,          // args[0] IN args[1]
  kStartsWith,
  kEndsWith,
  kContains,
  kFunction,    // name(args...), DISTINCT for aggregates
  kCountStar,   // count(*)
  kCase,        // CASE [subject] WHEN .. THEN .. [ELSE ..] END
  kExists,      // EXISTS { MATCH pattern [WHERE ..] }
  kHasLabels,   // args[0]:keys[0]:keys[1]... (a node's labels or a relationship's type)
  kComprehension,  // [name IN args[0] WHERE args[1] | args[2]] (absent parts: null literals); slot: name's
};

struct Expr {
  ExprKind kind = ExprKind::kLiteral;
  Place place;       // where it starts
  uint32_t end = 0;  // byte offset one past it
  std::string op;    // kArithmetic, kComparison; kComprehension: any, all, none or single for a quantifier
  std::string name;  // variable, property key, function name (lower case), parameter name
  Value literal;
  std::vector<ExprPtr> args;
  std::vector<std::string> keys;  // kMap; kHasLabels: the labels
  std::vector<Place> label_places;  // kHasLabels
  bool distinct = false;          // an aggregate over distinct values
  bool negated = false;           // kIsNull: IS NOT NULL
  bool case_subject = false;      // kCase: args[0] is the subject, then WHEN/THEN pairs; kComprehension: WHERE given
  bool case_else = false;         // kCase: the last arg is ELSE; kComprehension: | given
  std::unique_ptr<ExistsQuery> exists;
  // Set by the binder.
  int slot = -1;      // kVariable: the row slot; an aggregate: its accumulator
  int function = -1;  // kFunction: the function's index in the function table
  bool aggregate = false;
  std::vector<TypeId> label_types;     // kHasLabels: the entity types it allows (any of them)
  std::vector<TypeId> relation_types;  // kHasLabels: the relation types it allows
  bool matches_nothing = false;     // kHasLabels: two different labels, or none an entity has
};

enum class ArrowDirection : uint8_t { kRight, kLeft, kBoth };  // -[]->, <-[]-, -[]-

struct NodePattern {
  Place place;
  std::string var;
  std::vector<std::string> labels;
  std::vector<Place> label_places;
  bool label_alternatives = false;  // (:a|b): either label; (:a:b): both (one label per node: a = b)
  std::vector<std::pair<std::string, ExprPtr>> properties;
  // Set by the binder.
  int slot = -1;                     // every node has one (anonymous ones a hidden slot)
  bool bound_before = false;         // its variable was bound by an earlier clause
  std::vector<TypeId> label_types;   // the entity types the labels allow; empty: any
  bool matches_nothing = false;      // a label no entity has
};

struct RelPattern {
  Place place;
  std::string var;
  std::vector<std::string> types;
  std::vector<Place> type_places;
  ArrowDirection direction = ArrowDirection::kBoth;
  bool variable_length = false;
  int min_hops = 1, max_hops = 1;  // max_hops -1: no upper bound
  Place length_place;
  std::vector<std::pair<std::string, ExprPtr>> properties;
  // Set by the binder.
  int slot = -1;
  bool bound_before = false;
  std::vector<char> allowed_type;  // by TypeId; empty: any type
  bool matches_nothing = false;    // only types no relation has
};

struct PatternPart {
  enum class Kind : uint8_t { kChain, kShortest, kAllShortest };
  Kind kind = Kind::kChain;
  Place place;
  std::string path_var;
  std::vector<NodePattern> nodes;  // nodes[i] -rels[i]- nodes[i+1]
  std::vector<RelPattern> rels;
  int path_slot = -1;  // set by the binder when path_var is given
};

struct Pattern {
  std::vector<PatternPart> parts;
};

struct ExistsQuery {
  Pattern pattern;
  ExprPtr where;
  int first_slot = -1;  // set by the binder: the subquery's own slots start here
};

struct ProjectionItem {
  ExprPtr expr;
  std::string name;  // the alias, or the expression as written
  bool aliased = false;
  int slot = -1;     // set by the binder
};

struct SortItem {
  ExprPtr expr;
  bool descending = false;
};

struct Projection {
  bool distinct = false;
  bool star = false;  // WITH * / RETURN *
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order;
  ExprPtr skip, limit;
  ExprPtr where;  // WITH ... WHERE
  bool aggregates = false;  // set by the binder: some item aggregates
  int aggregate_count = 0;  // set by the binder: accumulators per group
};

struct Clause {
  enum class Kind : uint8_t { kMatch, kOptionalMatch, kUnwind, kWith, kReturn };
  Kind kind = Kind::kMatch;
  Place place;
  Pattern pattern;  // kMatch, kOptionalMatch
  ExprPtr where;
  ExprPtr unwind;   // kUnwind: the list, and its variable
  std::string unwind_var;
  int unwind_slot = -1;
  Projection projection;  // kWith, kReturn
  std::vector<int> new_slots;  // set by the binder: the slots a MATCH binds (null when OPTIONAL finds none)
};

struct SingleQuery {
  std::vector<Clause> clauses;
  int slots = 0;  // set by the binder: the width of a row
};

struct Query {
  std::vector<SingleQuery> parts;  // joined by UNION
  std::vector<bool> union_all;     // union_all[i] joins parts[i] and parts[i + 1]
  std::vector<std::string> columns;  // set by the binder
};

}  // namespace casegraph::cypher
