// Pattern queries, execution: grouping and aggregates. Rows are grouped by the values of a
// projection's other items (hash aggregation, groups kept in order of their first row), and each
// group's count, collect, sum, avg, min and max computed as its rows come, DISTINCT ones over
// distinct values only.
#pragma once

#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "query/cypher/evaluator.h"

namespace casegraph::cypher {

/// The state of one aggregate for one group.
struct Accumulator {
  int64_t count = 0;
  bool any_float = false;
  int64_t int_sum = 0;
  double float_sum = 0;
  Value best;        // min, max
  ValueList values;  // collect
  std::unordered_set<ValueList, RowHash, RowEquivalent> seen;  // DISTINCT: values had (as one-item rows)
};

class Aggregates {
 public:
  /// calls: the projection's aggregate calls, in accumulator order.
  explicit Aggregates(std::vector<const Expr*> calls) : calls_(std::move(calls)) {}

  size_t size() const { return calls_.size(); }
  /// Fresh accumulators for a group.
  std::vector<Accumulator> Start() const { return std::vector<Accumulator>(calls_.size()); }
  /// Adds a row to a group's accumulators. Errors: a value an aggregate cannot take (sum of a string).
  Status Add(std::vector<Accumulator>* group, ValueList& row, const EvalContext& ctx) const;
  /// The aggregates' values for a group.
  Result<ValueList> Results(const std::vector<Accumulator>& group) const;

 private:
  Status AddValue(const Expr& call, Accumulator* a, const Value& v) const;

  std::vector<const Expr*> calls_;
};

/// Collects every aggregate call of an expression, by accumulator number.
void CollectAggregates(const Expr& e, std::vector<const Expr*>* calls);

}  // namespace casegraph::cypher
