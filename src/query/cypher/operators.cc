#include "query/cypher/operators.h"

#include <algorithm>

namespace casegraph::cypher {

bool ExecState::Hold(size_t held) {
  if (held <= options.max_held_rows) return true;
  return budget.Fail(Status::InvalidInput(Message("the query holds more than ", std::to_string(options.max_held_rows),
                                                  " rows to sort, group or compare: narrow it, or raise ",
                                                  Field("max_held_rows"))));
}

namespace {

class MatchOp : public Operator {
 public:
  MatchOp(const Clause& c, ExecState* state, Operator* next)
      : Operator(next), clause_(c), plan_(PlanMatch(c.pattern, c.where.get(), *state->graph)),
        matcher_(c.pattern, plan_, state->ctx, &state->budget, static_cast<int>(state->options.row_limit) + 1) {}

  bool Push(ValueList& row) override {
    bool found = false;
    if (!matcher_.Run(row, next_, &found)) return false;
    if (found || clause_.kind != Clause::Kind::kOptionalMatch) return true;
    for (int s : clause_.new_slots) row[static_cast<size_t>(s)] = Value();  // OPTIONAL MATCH found nothing
    return next_->Push(row);
  }

 private:
  const Clause& clause_;
  MatchPlan plan_;
  Matcher matcher_;
};

class UnwindOp : public Operator {
 public:
  UnwindOp(const Clause& c, ExecState* state, Operator* next) : Operator(next), clause_(c), state_(state) {}

  bool Push(ValueList& row) override {
    Result<Value> list = Evaluate(*clause_.unwind, row, state_->ctx);
    if (!list.ok()) return state_->budget.Fail(list.status());
    const size_t slot = static_cast<size_t>(clause_.unwind_slot);
    if (list.value().is_null()) return true;  // nothing to unwind
    if (list.value().kind() != Value::Kind::kList) {
      row[slot] = list.value();
      return next_->Push(row);
    }
    for (const Value& item : list.value().list()) {
      if (!state_->budget.Spend()) return false;
      row[slot] = item;
      if (!next_->Push(row)) return false;
    }
    return true;
  }

 private:
  const Clause& clause_;
  ExecState* state_;
};

class FilterOp : public Operator {
 public:
  FilterOp(const Expr& e, ExecState* state, Operator* next) : Operator(next), e_(e), state_(state) {}

  bool Push(ValueList& row) override {
    Result<bool> holds = Holds(e_, row, state_->ctx);
    if (!holds.ok()) return state_->budget.Fail(holds.status());
    return !holds.value() || next_->Push(row);
  }

 private:
  const Expr& e_;
  ExecState* state_;
};

// After a projection: DISTINCT, ORDER BY, SKIP and LIMIT, streaming where they can.
class Output : public Operator {
 public:
  Output(const Projection& p, ExecState* state, Operator* next, int64_t skip, int64_t limit)
      : Operator(next), p_(p), state_(state), skip_(skip), limit_(limit) {}

  bool Push(ValueList& row) override {
    if (p_.distinct) {
      ValueList key;
      for (const ProjectionItem& item : p_.items) key.push_back(row[static_cast<size_t>(item.slot)]);
      if (!distinct_.insert(std::move(key)).second) return true;
      if (!state_->Hold(distinct_.size())) return false;
    }
    if (p_.order.empty()) return Emit(row);
    ValueList keys;
    for (const SortItem& item : p_.order) {
      Result<Value> k = Evaluate(*item.expr, row, state_->ctx);
      if (!k.ok()) return state_->budget.Fail(k.status());
      keys.push_back(std::move(k).value());
    }
    held_.emplace_back(std::move(keys), row);
    return state_->Hold(held_.size());
  }

  bool Finish() override {
    std::stable_sort(held_.begin(), held_.end(), [this](const auto& a, const auto& b) {
      for (size_t k = 0; k < p_.order.size(); ++k) {
        const int c = OrderCompare(a.first[k], b.first[k]);
        if (c != 0) return p_.order[k].descending ? c > 0 : c < 0;
      }
      return false;
    });
    for (auto& [keys, row] : held_) {
      if (!Emit(row)) return false;
      if (done_) break;
    }
    held_.clear();
    return next_->Finish();
  }

 private:
  bool Emit(ValueList& row) {
    if (done_) return false;
    if (seen_++ < skip_) return true;
    if (limit_ >= 0 && emitted_ >= limit_) {
      done_ = true;
      return false;
    }
    ++emitted_;
    if (!next_->Push(row)) return false;
    if (limit_ >= 0 && emitted_ >= limit_ && p_.order.empty()) {  // enough: stop what feeds this
      done_ = true;
      return false;
    }
    return true;
  }

  const Projection& p_;
  ExecState* state_;
  int64_t skip_, limit_;
  int64_t seen_ = 0, emitted_ = 0;
  bool done_ = false;
  std::unordered_set<ValueList, RowHash, RowEquivalent> distinct_;
  std::vector<std::pair<ValueList, ValueList>> held_;
};

// Projection without aggregates: each row's items into their slots.
class ProjectOp : public Operator {
 public:
  ProjectOp(const Projection& p, ExecState* state, std::unique_ptr<Output> out)
      : Operator(out.get()), p_(p), state_(state), out_(std::move(out)) {}

  bool Push(ValueList& row) override {
    for (const ProjectionItem& item : p_.items) {
      Result<Value> v = Evaluate(*item.expr, row, state_->ctx);
      if (!v.ok()) return state_->budget.Fail(v.status());
      row[static_cast<size_t>(item.slot)] = std::move(v).value();
    }
    return next_->Push(row);
  }

 private:
  const Projection& p_;
  ExecState* state_;
  std::unique_ptr<Output> out_;
};

// Projection with aggregates: rows grouped by the other items, one row per group at the end.
class AggregateOp : public Operator {
 public:
  AggregateOp(const Projection& p, ExecState* state, std::unique_ptr<Output> out)
      : Operator(out.get()), p_(p), state_(state), out_(std::move(out)), aggregates_(Calls(p)) {
    for (const ProjectionItem& item : p.items) {
      std::vector<const Expr*> calls;
      CollectAggregates(*item.expr, &calls);
      if (calls.empty()) keys_.push_back(&item);
    }
  }

  bool Push(ValueList& row) override {
    ValueList key;
    for (const ProjectionItem* item : keys_) {
      Result<Value> v = Evaluate(*item->expr, row, state_->ctx);
      if (!v.ok()) return state_->budget.Fail(v.status());
      key.push_back(std::move(v).value());
    }
    auto [it, added] = index_.emplace(std::move(key), groups_.size());
    if (added) {
      groups_.push_back(Group{row, aggregates_.Start()});
      if (!state_->Hold(groups_.size())) return false;
    }
    if (Status s = aggregates_.Add(&groups_[it->second].accumulators, row, state_->ctx); !s.ok()) {
      return state_->budget.Fail(s);
    }
    return true;
  }

  bool Finish() override {
    if (groups_.empty() && keys_.empty()) groups_.push_back(Group{ValueList(static_cast<size_t>(state_->slots)), aggregates_.Start()});
    for (Group& g : groups_) {
      Result<ValueList> results = aggregates_.Results(g.accumulators);
      if (!results.ok()) return state_->budget.Fail(results.status());
      EvalContext ctx = state_->ctx;
      ctx.aggregates = &results.value();
      for (const ProjectionItem& item : p_.items) {
        Result<Value> v = Evaluate(*item.expr, g.row, ctx);
        if (!v.ok()) return state_->budget.Fail(v.status());
        g.row[static_cast<size_t>(item.slot)] = std::move(v).value();
      }
      if (!next_->Push(g.row)) {
        if (!state_->budget.error.ok()) return false;
        break;  // a LIMIT has its rows
      }
    }
    return next_->Finish();
  }

 private:
  struct Group {
    ValueList row;  // the group's first row
    std::vector<Accumulator> accumulators;
  };
  static std::vector<const Expr*> Calls(const Projection& p) {
    std::vector<const Expr*> calls;
    for (const ProjectionItem& item : p.items) CollectAggregates(*item.expr, &calls);
    return calls;
  }

  const Projection& p_;
  ExecState* state_;
  std::unique_ptr<Output> out_;
  Aggregates aggregates_;
  std::vector<const ProjectionItem*> keys_;
  std::unordered_map<ValueList, size_t, RowHash, RowEquivalent> index_;
  std::vector<Group> groups_;
};

// SKIP's or LIMIT's number, known before the query runs; -1 when it has none.
Result<int64_t> CountOf(const ExprPtr& e, ExecState* state, const char* what) {
  if (!e) return int64_t{-1};
  ValueList row(static_cast<size_t>(state->slots));
  Result<Value> v = Evaluate(*e, row, state->ctx);
  if (!v.ok()) return v.status();
  if (v.value().kind() != Value::Kind::kInt) {
    return EvalError(*e, Message(what, " takes an integer of 0 or more, not ", KindName(v.value().kind())));
  }
  if (v.value().integer() < 0) {
    return EvalError(*e, Message(what, " takes an integer of 0 or more, not ", v.value().integer()));
  }
  return v.value().integer();
}

}  // namespace

std::unique_ptr<Operator> MakeMatch(const Clause& c, ExecState* state, Operator* next) {
  return std::make_unique<MatchOp>(c, state, next);
}

std::unique_ptr<Operator> MakeUnwind(const Clause& c, ExecState* state, Operator* next) {
  return std::make_unique<UnwindOp>(c, state, next);
}

std::unique_ptr<Operator> MakeFilter(const Expr& e, ExecState* state, Operator* next) {
  return std::make_unique<FilterOp>(e, state, next);
}

Result<std::unique_ptr<Operator>> MakeProjection(const Projection& p, ExecState* state, Operator* next) {
  Result<int64_t> skip = CountOf(p.skip, state, "SKIP");
  if (!skip.ok()) return skip.status();
  Result<int64_t> limit = CountOf(p.limit, state, "LIMIT");
  if (!limit.ok()) return limit.status();
  auto out = std::make_unique<Output>(p, state, next, std::max<int64_t>(skip.value(), 0), limit.value());
  if (p.aggregates) return std::unique_ptr<Operator>(std::make_unique<AggregateOp>(p, state, std::move(out)));
  return std::unique_ptr<Operator>(std::make_unique<ProjectOp>(p, state, std::move(out)));
}

Collect::Collect(const Projection& p, ExecState* state, size_t limit) : Operator(nullptr), state_(state), limit_(limit) {
  for (const ProjectionItem& item : p.items) slots_.push_back(item.slot);
}

bool Collect::Push(ValueList& row) {
  if (rows_.size() == limit_) {
    truncated_ = true;
    return false;
  }
  ValueList out;
  out.reserve(slots_.size());
  for (int s : slots_) out.push_back(row[static_cast<size_t>(s)]);
  rows_.push_back(std::move(out));
  return state_->budget.error.ok();
}

}  // namespace casegraph::cypher
