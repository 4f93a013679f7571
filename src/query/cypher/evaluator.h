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

/// What one query's searches share: a bound on the work they do (so that no query runs for
/// ever), and the first error, which stops everything.
struct Budget {
  uint64_t steps = 0;
  uint64_t max_steps = 0;
  Status error;

  /// Counts n steps; false (with the error set) once the bound is passed.
  bool Spend(uint64_t n = 1) {
    steps += n;
    return steps <= max_steps || OverBudget();
  }
  bool OverBudget();  // sets the error; false
  bool Fail(Status s) {
    if (error.ok()) error = std::move(s);
    return false;
  }
};

struct EvalContext {
  const Graph* graph = nullptr;
  const ValueMap* params = nullptr;
  const ValueList* aggregates = nullptr;  // a group's aggregate values, when evaluating its output
  ExistsRunner* exists = nullptr;
  Budget* budget = nullptr;  // what building large values spends (range())
};

/// The value of e over row. Errors (invalid input, placed in the query): a type mismatch
/// ("'+' cannot add a node and an integer"), integer overflow or division by zero, a bad argument.
Result<Value> Evaluate(const Expr& e, ValueList& row, const EvalContext& ctx);

/// Whether a predicate holds: true only when it evaluates to true (false and null do not).
Result<bool> Holds(const Expr& e, ValueList& row, const EvalContext& ctx);

/// An error at the expression.
Status EvalError(const Expr& e, Message m);

}  // namespace casegraph::cypher
