// Pattern queries, execution: expressions evaluated over a row of values, with openCypher's
// three-valued logic (null propagates; AND, OR and XOR know when null does not matter).
#pragma once

#include "graph/graph.h"
#include "model/status.h"
#include "query/cypher/ast.h"
#include "query/cypher/value.h"

namespace casegraph::cypher {

/// Runs an EXISTS { ... } subquery for a row (the executor's).
class ExistsRunner {
 public:
  virtual ~ExistsRunner() = default;
  virtual Result<bool> Exists(const ExistsQuery& q, ValueList& row) = 0;
};

struct EvalContext {
  const Graph* graph = nullptr;
  const ValueMap* params = nullptr;
  const ValueList* aggregates = nullptr;  // a group's aggregate values, when evaluating its output
  ExistsRunner* exists = nullptr;
};

/// The value of e over row. Errors (invalid input, placed in the query): a type mismatch
/// ("'+' cannot add a node and an integer"), integer overflow or division by zero, a bad argument.
Result<Value> Evaluate(const Expr& e, ValueList& row, const EvalContext& ctx);

/// Whether a predicate holds: true only when it evaluates to true (false and null do not).
Result<bool> Holds(const Expr& e, ValueList& row, const EvalContext& ctx);

/// An error at the expression.
Status EvalError(const Expr& e, Message m);

}  // namespace casegraph::cypher
