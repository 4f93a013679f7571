// The executor's operators (internal to executor.cc and operators.cc): each takes rows by Push,
// passes what it makes to the next, and passes the end on by Finish.
#pragma once

#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "query/cypher/aggregator.h"
#include "query/cypher/matcher.h"
#include "query/cypher/query.h"

namespace casegraph::cypher {

/// What the operators of one query share.
struct ExecState {
  const Graph* graph = nullptr;
  EvalContext ctx;
  Budget budget;
  QueryOptions options;
  int slots = 0;  // the width of a row
  /// Counts a row held for sorting, grouping or DISTINCT; false once there are too many.
  bool Hold(size_t held);
};

class Operator : public RowSink {
 public:
  explicit Operator(Operator* next) : next_(next) {}
  /// The input has ended: flush what is held. False to stop (an error is in the budget).
  virtual bool Finish() { return next_ ? next_->Finish() : true; }

 protected:
  Operator* next_;
};

std::unique_ptr<Operator> MakeMatch(const Clause& c, ExecState* state, Operator* next);
std::unique_ptr<Operator> MakeUnwind(const Clause& c, ExecState* state, Operator* next);
std::unique_ptr<Operator> MakeFilter(const Expr& e, ExecState* state, Operator* next);
/// WITH or RETURN: projection, DISTINCT, grouping, ORDER BY, SKIP and LIMIT.
Result<std::unique_ptr<Operator>> MakeProjection(const Projection& p, ExecState* state, Operator* next);

/// The end of a pipeline: the answer's rows (a RETURN's item slots), up to the row limit.
class Collect : public Operator {
 public:
  Collect(const Projection& p, ExecState* state, size_t limit);
  bool Push(ValueList& row) override;
  bool Finish() override { return true; }
  std::vector<ValueList>& rows() { return rows_; }
  bool truncated() const { return truncated_; }

 private:
  std::vector<int> slots_;
  ExecState* state_;
  size_t limit_;
  std::vector<ValueList> rows_;
  bool truncated_ = false;
};

}  // namespace casegraph::cypher
