#include "query/cypher/aggregator.h"

#include <cmath>

namespace casegraph::cypher {

void CollectAggregates(const Expr& e, std::vector<const Expr*>* calls) {
  if (e.aggregate) {
    if (calls->size() <= static_cast<size_t>(e.slot)) calls->resize(static_cast<size_t>(e.slot) + 1, nullptr);
    (*calls)[static_cast<size_t>(e.slot)] = &e;
    return;  // aggregates do not nest
  }
  for (const ExprPtr& a : e.args) CollectAggregates(*a, calls);
}

Status Aggregates::Add(std::vector<Accumulator>* group, ValueList& row, const EvalContext& ctx) const {
  for (size_t i = 0; i < calls_.size(); ++i) {
    const Expr& call = *calls_[i];
    Accumulator& a = (*group)[i];
    if (call.kind == ExprKind::kCountStar) {
      ++a.count;
      continue;
    }
    Result<Value> v = Evaluate(*call.args[0], row, ctx);
    if (!v.ok()) return v.status();
    if (v.value().is_null()) continue;  // aggregates skip nulls
    if (call.distinct && !a.seen.insert(ValueList{v.value()}).second) continue;
    if (Status s = AddValue(call, &a, v.value()); !s.ok()) return s;
  }
  return Status();
}

Status Aggregates::AddValue(const Expr& call, Accumulator* a, const Value& v) const {
  const std::string& name = call.name;
  ++a->count;
  if (name == "collect") {
    a->values.push_back(v);
  } else if (name == "sum" || name == "avg") {
    if (!v.is_number()) return EvalError(call, Message(name, "() adds numbers, not ", KindName(v.kind())));
    if (v.kind() == Value::Kind::kFloat) a->any_float = true;
    a->float_sum += v.number();
    if (v.kind() == Value::Kind::kInt && __builtin_add_overflow(a->int_sum, v.integer(), &a->int_sum)) {
      return EvalError(call, Message("integer overflow in ", name, "()"));
    }
  } else if (name == "min" || name == "max") {
    const int c = a->best.is_null() ? 0 : OrderCompare(v, a->best);
    if (a->best.is_null() || (name == "min" ? c < 0 : c > 0)) a->best = v;
  }
  return Status();
}

Result<ValueList> Aggregates::Results(const std::vector<Accumulator>& group) const {
  ValueList out;
  for (size_t i = 0; i < calls_.size(); ++i) {
    const Expr& call = *calls_[i];
    const Accumulator& a = group[i];
    const std::string& name = call.name;
    if (call.kind == ExprKind::kCountStar || name == "count") {
      out.push_back(Value::Int(a.count));
    } else if (name == "collect") {
      out.push_back(Value::List(a.values));
    } else if (name == "sum") {
      out.push_back(a.any_float ? Value::Float(a.float_sum) : Value::Int(a.int_sum));
    } else if (name == "avg") {
      out.push_back(a.count == 0 ? Value() : Value::Float(a.float_sum / static_cast<double>(a.count)));
    } else {  // min, max
      out.push_back(a.best);
    }
  }
  return out;
}

}  // namespace casegraph::cypher
