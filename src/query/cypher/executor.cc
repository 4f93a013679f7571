#include "query/cypher/executor.h"

#include <limits>
#include <map>
#include <unordered_set>

#include "query/cypher/operators.h"

namespace casegraph::cypher {

namespace {

// EXISTS { ... }: the first match of its pattern is enough.
class ExistsImpl : public ExistsRunner {
 public:
  explicit ExistsImpl(ExecState* state) : state_(state) {}

  Result<bool> Exists(const ExistsQuery& q, ValueList& row) override {
    auto it = plans_.find(&q);
    if (it == plans_.end()) it = plans_.emplace(&q, PlanMatch(q.pattern, q.where.get(), *state_->graph)).first;
    Matcher matcher(q.pattern, it->second, state_->ctx, &state_->budget, 1);
    FirstMatch sink;
    matcher.Run(row, &sink);
    if (!state_->budget.error.ok()) return state_->budget.error;
    return sink.found;
  }

 private:
  struct FirstMatch : RowSink {
    bool found = false;
    bool Push(ValueList&) override {
      found = true;
      return false;
    }
  };

  ExecState* state_;
  std::map<const ExistsQuery*, MatchPlan> plans_;
};

// MATCH pattern [WHERE ...] RETURN count(*): counted by the matcher, no row made for each match.
bool IsPlainCount(const SingleQuery& q) {
  if (q.clauses.size() != 2 || q.clauses[0].kind != Clause::Kind::kMatch || q.clauses[1].kind != Clause::Kind::kReturn) {
    return false;
  }
  const Projection& p = q.clauses[1].projection;
  return p.items.size() == 1 && p.items[0].expr->kind == ExprKind::kCountStar && !p.distinct && p.order.empty() && !p.skip &&
         !p.limit && !p.where;
}

Result<std::vector<ValueList>> RunCount(const SingleQuery& q, ExecState* state) {
  const Clause& match = q.clauses[0];
  const MatchPlan plan = PlanMatch(match.pattern, match.where.get(), *state->graph, /*counting=*/true);
  Matcher matcher(match.pattern, plan, state->ctx, &state->budget, static_cast<int>(state->options.row_limit) + 1);
  ValueList row(static_cast<size_t>(q.slots));
  uint64_t n = 0;
  if (!matcher.Count(row, &n) || !state->budget.error.ok()) return state->budget.error;
  if (n > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
    return Status::InvalidInput(Message("count(*) is more than an integer holds"));
  }
  return std::vector<ValueList>{ValueList{Value::Int(static_cast<int64_t>(n))}};
}

// One query without UNION: its clauses as a pipeline, fed one empty row.
Result<std::vector<ValueList>> RunSingle(const SingleQuery& q, ExecState* state, size_t limit, bool* truncated) {
  state->slots = q.slots;
  if (IsPlainCount(q)) return RunCount(q, state);
  const Clause& last = q.clauses.back();
  Collect collect(last.projection, state, limit);
  std::vector<std::unique_ptr<Operator>> ops;
  Operator* next = &collect;
  for (size_t i = q.clauses.size(); i-- > 0;) {
    const Clause& c = q.clauses[i];
    switch (c.kind) {
      case Clause::Kind::kMatch:
      case Clause::Kind::kOptionalMatch: ops.push_back(MakeMatch(c, state, next)); break;
      case Clause::Kind::kUnwind: ops.push_back(MakeUnwind(c, state, next)); break;
      case Clause::Kind::kWith:
      case Clause::Kind::kReturn: {
        if (c.projection.where) {
          ops.push_back(MakeFilter(*c.projection.where, state, next));
          next = ops.back().get();
        }
        Result<std::unique_ptr<Operator>> op = MakeProjection(c.projection, state, next);
        if (!op.ok()) return op.status();
        ops.push_back(std::move(op).value());
        break;
      }
    }
    next = ops.back().get();
  }
  ValueList row(static_cast<size_t>(q.slots));
  next->Push(row);
  if (state->budget.error.ok()) next->Finish();
  if (!state->budget.error.ok()) return state->budget.error;
  *truncated = collect.truncated();
  return std::move(collect.rows());
}

}  // namespace

Result<QueryAnswer> Execute(const Query& q, const Graph& g, const ValueMap& params, const QueryOptions& options) {
  ExecState state;
  state.graph = &g;
  state.options = options;
  state.budget.max_steps = options.max_steps;
  ExistsImpl exists(&state);
  state.ctx.graph = &g;
  state.ctx.params = &params;
  state.ctx.exists = &exists;
  state.ctx.budget = &state.budget;
  QueryAnswer answer;
  answer.columns = q.columns;
  const bool one = q.parts.size() == 1;
  std::unordered_set<ValueList, RowHash, RowEquivalent> seen;  // UNION without ALL
  for (size_t i = 0; i < q.parts.size(); ++i) {
    bool truncated = false;
    Result<std::vector<ValueList>> rows = RunSingle(q.parts[i], &state, one ? options.row_limit : options.max_held_rows, &truncated);
    if (!rows.ok()) return rows.status();
    const bool distinct = !one && !q.union_all[0];  // UNION: distinct rows over all the parts
    for (ValueList& row : rows.value()) {
      if (distinct && !seen.insert(row).second) continue;
      if (answer.rows.size() == options.row_limit) {
        answer.truncated = true;
        break;
      }
      answer.rows.push_back(std::move(row));
    }
    answer.truncated = answer.truncated || (one && truncated);
    if (!one && truncated) {
      return Status::InvalidInput(Message("a query of the UNION holds more than ", std::to_string(options.max_held_rows),
                                          " rows: narrow it, or raise ", Field("max_held_rows")));
    }
  }
  return answer;
}

}  // namespace casegraph::cypher
