#include "query/cypher/evaluator.h"

#include <cmath>
#include <limits>

#include "query/cypher/functions.h"
#include "query/cypher/properties.h"

namespace casegraph::cypher {

Status EvalError(const Expr& e, Message m) { return Status::InvalidInput(std::move(m)).At(QueryLocation(e.place)); }

namespace {

using R = Result<Value>;

// Three-valued booleans: nullopt is null.
using Truth = std::optional<bool>;

Result<Truth> TruthOf(const Expr& e, ValueList& row, const EvalContext& ctx) {
  Result<Value> v = Evaluate(e, row, ctx);
  if (!v.ok()) return v.status();
  if (v.value().is_null()) return Truth();
  if (v.value().kind() != Value::Kind::kBool) {
    return EvalError(e, Message("expected a boolean, not ", KindName(v.value().kind())));
  }
  return Truth(v.value().boolean());
}

Value FromTruth(const Truth& t) { return t ? Value::Bool(*t) : Value(); }

R Logic(const Expr& e, ValueList& row, const EvalContext& ctx) {
  Result<Truth> a = TruthOf(*e.args[0], row, ctx);
  if (!a.ok()) return a.status();
  const Truth x = a.value();
  // Short cuts: false AND _, true OR _.
  if (e.kind == ExprKind::kAnd && x && !*x) return Value::Bool(false);
  if (e.kind == ExprKind::kOr && x && *x) return Value::Bool(true);
  Result<Truth> b = TruthOf(*e.args[1], row, ctx);
  if (!b.ok()) return b.status();
  const Truth y = b.value();
  switch (e.kind) {
    case ExprKind::kAnd:
      if (y && !*y) return Value::Bool(false);
      return x && y ? Value::Bool(true) : Value();
    case ExprKind::kOr:
      if (y && *y) return Value::Bool(true);
      return x && y ? Value::Bool(false) : Value();
    default:  // XOR
      return x && y ? Value::Bool(*x != *y) : Value();
  }
}

R Comparison(const Expr& e, ValueList& row, const EvalContext& ctx) {
  R first = Evaluate(*e.args[0], row, ctx);
  if (!first.ok()) return first;
  Value left = std::move(first).value();
  Truth all = true;
  for (size_t i = 0; i < e.keys.size(); ++i) {
    R next = Evaluate(*e.args[i + 1], row, ctx);
    if (!next.ok()) return next;
    const Value& right = next.value();
    const std::string& op = e.keys[i];
    Truth t;
    if (op == "=" || op == "<>") {
      const std::optional<bool> eq = Equals(left, right);
      if (eq) t = op == "=" ? *eq : !*eq;
    } else if (const std::optional<int> c = Compare(left, right)) {
      t = op == "<" ? *c < 0 : op == "<=" ? *c <= 0 : op == ">" ? *c > 0 : *c >= 0;
    }
    if (t && !*t) return Value::Bool(false);
    if (!t) all.reset();
    left = std::move(next).value();
  }
  return FromTruth(all);
}

R IntegerArithmetic(const Expr& e, int64_t a, int64_t b) {
  int64_t out = 0;
  bool overflow = false;
  switch (e.op[0]) {
    case '+': overflow = __builtin_add_overflow(a, b, &out); break;
    case '-': overflow = __builtin_sub_overflow(a, b, &out); break;
    case '*': overflow = __builtin_mul_overflow(a, b, &out); break;
    case '/':
    case '%':
      if (b == 0) return EvalError(e, Message("division by zero"));
      overflow = a == std::numeric_limits<int64_t>::min() && b == -1;
      if (!overflow) out = e.op[0] == '/' ? a / b : a % b;
      break;
    default: return Value::Float(std::pow(static_cast<double>(a), static_cast<double>(b)));  // ^
  }
  if (overflow) return EvalError(e, Message("integer overflow in '", e.op, "'"));
  return Value::Int(out);
}

R FloatArithmetic(const Expr& e, double a, double b) {
  switch (e.op[0]) {
    case '+': return Value::Float(a + b);
    case '-': return Value::Float(a - b);
    case '*': return Value::Float(a * b);
    case '/': return Value::Float(a / b);
    case '%': return Value::Float(std::fmod(a, b));
    default: return Value::Float(std::pow(a, b));
  }
}

// A string, number or boolean as toString() writes it; nullopt for anything else.
std::optional<std::string> ScalarText(const Value& v) {
  if (v.kind() == Value::Kind::kString) return v.string();
  if (v.is_number()) return NumberString(v);
  if (v.kind() == Value::Kind::kBool) return std::string(v.boolean() ? "true" : "false");
  return std::nullopt;
}

R Arithmetic(const Expr& e, ValueList& row, const EvalContext& ctx) {
  R a = Evaluate(*e.args[0], row, ctx);
  if (!a.ok()) return a;
  R b = Evaluate(*e.args[1], row, ctx);
  if (!b.ok()) return b;
  const Value &x = a.value(), &y = b.value();
  if (x.is_null() || y.is_null()) return Value();
  if (x.kind() == Value::Kind::kInt && y.kind() == Value::Kind::kInt) return IntegerArithmetic(e, x.integer(), y.integer());
  if (x.is_number() && y.is_number()) return FloatArithmetic(e, x.number(), y.number());
  if (e.op == "+") {
    if (x.kind() == Value::Kind::kList || y.kind() == Value::Kind::kList) {
      ValueList out = x.kind() == Value::Kind::kList ? x.list() : ValueList{x};
      if (y.kind() == Value::Kind::kList) {
        out.insert(out.end(), y.list().begin(), y.list().end());
      } else {
        out.push_back(y);
      }
      return Value::List(std::move(out));
    }
    // A string and a string, number or boolean: the text of both.
    if (x.kind() == Value::Kind::kString || y.kind() == Value::Kind::kString) {
      std::optional<std::string> left = ScalarText(x), right = ScalarText(y);
      if (left && right) return Value::String(*left + *right);
    }
  }
  return EvalError(e, Message("'", e.op, "' cannot combine ", KindName(x.kind()), " and ", KindName(y.kind())));
}

R Property(const Expr& e, ValueList& row, const EvalContext& ctx) {
  R object = Evaluate(*e.args[0], row, ctx);
  if (!object.ok()) return object;
  const Value& o = object.value();
  switch (o.kind()) {
    case Value::Kind::kNull: return Value();
    case Value::Kind::kNode: return NodeProperty(*ctx.graph, o.node(), e.name);
    case Value::Kind::kRelationship: return RelationshipProperty(*ctx.graph, o.relation(), e.name);
    case Value::Kind::kMap: {
      const Value* v = o.Find(e.name);
      return v ? *v : Value();
    }
    default: return EvalError(e, Message("cannot read the property '", e.name, "' of ", KindName(o.kind())));
  }
}

// A list index from the end when negative; nullopt when out of range.
std::optional<size_t> IndexOf(int64_t i, size_t size) {
  if (i < 0) i += static_cast<int64_t>(size);
  if (i < 0 || static_cast<size_t>(i) >= size) return std::nullopt;
  return static_cast<size_t>(i);
}

R Index(const Expr& e, ValueList& row, const EvalContext& ctx) {
  R a = Evaluate(*e.args[0], row, ctx);
  if (!a.ok()) return a;
  R b = Evaluate(*e.args[1], row, ctx);
  if (!b.ok()) return b;
  const Value &x = a.value(), &i = b.value();
  if (x.is_null() || i.is_null()) return Value();
  if (x.kind() == Value::Kind::kList && i.kind() == Value::Kind::kInt) {
    const std::optional<size_t> at = IndexOf(i.integer(), x.list().size());
    return at ? x.list()[*at] : Value();
  }
  if ((x.kind() == Value::Kind::kMap || x.kind() == Value::Kind::kNode || x.kind() == Value::Kind::kRelationship) &&
      i.kind() == Value::Kind::kString) {
    if (x.kind() == Value::Kind::kNode) return NodeProperty(*ctx.graph, x.node(), i.string());
    if (x.kind() == Value::Kind::kRelationship) return RelationshipProperty(*ctx.graph, x.relation(), i.string());
    const Value* v = x.Find(i.string());
    return v ? *v : Value();
  }
  return EvalError(e, Message("cannot index ", KindName(x.kind()), " by ", KindName(i.kind())));
}

R Slice(const Expr& e, ValueList& row, const EvalContext& ctx) {
  Value parts[3];
  for (int k = 0; k < 3; ++k) {
    R v = Evaluate(*e.args[k], row, ctx);
    if (!v.ok()) return v;
    parts[k] = std::move(v).value();
  }
  if (parts[0].is_null()) return Value();
  if (parts[0].kind() != Value::Kind::kList) return EvalError(e, Message("cannot slice ", KindName(parts[0].kind())));
  const ValueList& list = parts[0].list();
  const int64_t n = static_cast<int64_t>(list.size());
  auto bound = [&](const Value& v, int64_t open) -> int64_t {
    if (v.is_null()) return open;
    int64_t i = v.kind() == Value::Kind::kInt ? v.integer() : 0;
    if (i < 0) i += n;
    return std::max<int64_t>(0, std::min(i, n));
  };
  const int64_t from = bound(parts[1], 0), to = bound(parts[2], n);
  return Value::List(from < to ? ValueList(list.begin() + from, list.begin() + to) : ValueList());
}

R StringPredicate(const Expr& e, ValueList& row, const EvalContext& ctx) {
  R a = Evaluate(*e.args[0], row, ctx);
  if (!a.ok()) return a;
  R b = Evaluate(*e.args[1], row, ctx);
  if (!b.ok()) return b;
  const Value &x = a.value(), &y = b.value();
  if (x.kind() != Value::Kind::kString || y.kind() != Value::Kind::kString) return Value();
  const std::string &s = x.string(), &t = y.string();
  if (e.kind == ExprKind::kStartsWith) return Value::Bool(s.compare(0, t.size(), t) == 0);
  if (e.kind == ExprKind::kEndsWith) return Value::Bool(s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0);
  return Value::Bool(s.find(t) != std::string::npos);
}

R In(const Expr& e, ValueList& row, const EvalContext& ctx) {
  R a = Evaluate(*e.args[0], row, ctx);
  if (!a.ok()) return a;
  R b = Evaluate(*e.args[1], row, ctx);
  if (!b.ok()) return b;
  const Value &x = a.value(), &list = b.value();
  if (list.is_null()) return Value();
  if (list.kind() != Value::Kind::kList) return EvalError(*e.args[1], Message("IN takes a list, not ", KindName(list.kind())));
  bool unknown = false;
  for (const Value& item : list.list()) {
    const std::optional<bool> eq = Equals(x, item);
    if (eq && *eq) return Value::Bool(true);
    if (!eq) unknown = true;
  }
  return unknown ? Value() : Value::Bool(false);
}

R Case(const Expr& e, ValueList& row, const EvalContext& ctx) {
  size_t i = 0;
  Value subject;
  if (e.case_subject) {
    R s = Evaluate(*e.args[i++], row, ctx);
    if (!s.ok()) return s;
    subject = std::move(s).value();
  }
  const size_t pairs_end = e.args.size() - (e.case_else ? 1 : 0);
  for (; i + 1 < pairs_end; i += 2) {
    R when = Evaluate(*e.args[i], row, ctx);
    if (!when.ok()) return when;
    bool matched;
    if (e.case_subject) {
      const std::optional<bool> eq = Equals(subject, when.value());
      matched = eq && *eq;
    } else {
      matched = when.value().kind() == Value::Kind::kBool && when.value().boolean();
    }
    if (matched) return Evaluate(*e.args[i + 1], row, ctx);
  }
  return e.case_else ? Evaluate(*e.args.back(), row, ctx) : R(Value());
}

R Collection(const Expr& e, ValueList& row, const EvalContext& ctx) {
  if (e.kind == ExprKind::kList) {
    ValueList items;
    for (const ExprPtr& a : e.args) {
      R v = Evaluate(*a, row, ctx);
      if (!v.ok()) return v;
      items.push_back(std::move(v).value());
    }
    return Value::List(std::move(items));
  }
  ValueMap entries;
  for (size_t i = 0; i < e.args.size(); ++i) {
    R v = Evaluate(*e.args[i], row, ctx);
    if (!v.ok()) return v;
    entries.emplace_back(e.keys[i], std::move(v).value());
  }
  return Value::Map(std::move(entries));
}

R Call(const Expr& e, ValueList& row, const EvalContext& ctx) {
  if (e.aggregate) return (*ctx.aggregates)[static_cast<size_t>(e.slot)];
  std::vector<Value> args;
  args.reserve(e.args.size());
  for (const ExprPtr& a : e.args) {
    R v = Evaluate(*a, row, ctx);
    if (!v.ok()) return v;
    args.push_back(std::move(v).value());
  }
  return Functions()[static_cast<size_t>(e.function)].scalar(ctx, args, e);
}

// n:a:b: null for null, else whether the node's type (the relationship's) is each label.
R HasLabels(const Expr& e, ValueList& row, const EvalContext& ctx) {
  R v = Evaluate(*e.args[0], row, ctx);
  if (!v.ok()) return v;
  const Value& x = v.value();
  if (x.is_null()) return Value();
  const std::vector<TypeId>* types = nullptr;
  TypeId type = 0;
  if (x.kind() == Value::Kind::kNode) {
    types = &e.label_types;
    type = ctx.graph->entity_type(x.node());
  } else if (x.kind() == Value::Kind::kRelationship) {
    types = &e.relation_types;
    type = ctx.graph->relation_type(x.relation());
  } else {
    return EvalError(e, Message("only a node has labels and a relationship a type, not ", KindName(x.kind())));
  }
  return Value::Bool(!e.matches_nothing && std::find(types->begin(), types->end(), type) != types->end());
}

// any/all/none/single(x IN list WHERE condition), in three-valued logic: null when the items whose
// condition is null could change the answer.
R Quantifier(const Expr& e, const ValueList& items, ValueList& row, const EvalContext& ctx) {
  Value& x = row[static_cast<size_t>(e.slot)];
  const Value saved = x;
  size_t yes = 0, unknown = 0;
  for (const Value& item : items) {
    x = item;
    Result<Truth> t = TruthOf(*e.args[1], row, ctx);
    if (!t.ok()) return t.status();
    if (!t.value()) ++unknown;
    else if (*t.value()) ++yes;
  }
  x = saved;
  const size_t no = items.size() - yes - unknown;
  Truth answer;
  if (e.op == "any") answer = yes > 0 ? Truth(true) : unknown > 0 ? Truth() : Truth(false);
  else if (e.op == "all") answer = no > 0 ? Truth(false) : unknown > 0 ? Truth() : Truth(true);
  else if (e.op == "none") answer = yes > 0 ? Truth(false) : unknown > 0 ? Truth() : Truth(true);
  else answer = yes > 1 ? Truth(false) : unknown > 0 ? Truth() : Truth(yes == 1);  // single
  return answer ? Value::Bool(*answer) : Value();
}

R Comprehension(const Expr& e, ValueList& row, const EvalContext& ctx) {
  R list = Evaluate(*e.args[0], row, ctx);
  if (!list.ok() || list.value().is_null()) return list;
  if (list.value().kind() != Value::Kind::kList) {
    return EvalError(*e.args[0], Message("a list comprehension takes a list, not ", KindName(list.value().kind())));
  }
  if (!e.op.empty()) return Quantifier(e, list.value().list(), row, ctx);
  Value& x = row[static_cast<size_t>(e.slot)];
  const Value saved = x;
  ValueList out;
  for (const Value& item : list.value().list()) {
    x = item;
    Result<Truth> keep = Truth(true);
    if (e.case_subject) keep = TruthOf(*e.args[1], row, ctx);
    if (!keep.ok()) return keep.status();
    if (!keep.value() || !*keep.value()) continue;
    if (!e.case_else) {
      out.push_back(item);
      continue;
    }
    R v = Evaluate(*e.args[2], row, ctx);
    if (!v.ok()) return v;
    out.push_back(std::move(v).value());
  }
  x = saved;
  return Value::List(std::move(out));
}

R Unary(const Expr& e, ValueList& row, const EvalContext& ctx) {
  if (e.kind == ExprKind::kNot) {
    Result<Truth> t = TruthOf(*e.args[0], row, ctx);
    if (!t.ok()) return t.status();
    return t.value() ? Value::Bool(!*t.value()) : Value();
  }
  if (e.kind == ExprKind::kIsNull) {
    R v = Evaluate(*e.args[0], row, ctx);
    if (!v.ok()) return v;
    return Value::Bool(v.value().is_null() != e.negated);
  }
  R v = Evaluate(*e.args[0], row, ctx);  // negate
  if (!v.ok()) return v;
  const Value& x = v.value();
  if (x.is_null()) return Value();
  if (x.kind() == Value::Kind::kInt) {
    if (x.integer() == std::numeric_limits<int64_t>::min()) return EvalError(e, Message("integer overflow in '-'"));
    return Value::Int(-x.integer());
  }
  if (x.kind() == Value::Kind::kFloat) return Value::Float(-x.number());
  return EvalError(e, Message("'-' cannot negate ", KindName(x.kind())));
}

}  // namespace

Result<Value> Evaluate(const Expr& e, ValueList& row, const EvalContext& ctx) {
  switch (e.kind) {
    case ExprKind::kLiteral: return e.literal;
    case ExprKind::kParameter: {
      for (const auto& [name, value] : *ctx.params) {
        if (name == e.name) return value;
      }
      return Value();  // the binder checked that it was given
    }
    case ExprKind::kVariable: return row[static_cast<size_t>(e.slot)];
    case ExprKind::kProperty: return Property(e, row, ctx);
    case ExprKind::kIndex: return Index(e, row, ctx);
    case ExprKind::kSlice: return Slice(e, row, ctx);
    case ExprKind::kList:
    case ExprKind::kMap: return Collection(e, row, ctx);
    case ExprKind::kNot:
    case ExprKind::kNegate:
    case ExprKind::kIsNull: return Unary(e, row, ctx);
    case ExprKind::kAnd:
    case ExprKind::kOr:
    case ExprKind::kXor: return Logic(e, row, ctx);
    case ExprKind::kArithmetic: return Arithmetic(e, row, ctx);
    case ExprKind::kComparison: return Comparison(e, row, ctx);
    case ExprKind::kIn: return In(e, row, ctx);
    case ExprKind::kStartsWith:
    case ExprKind::kEndsWith:
    case ExprKind::kContains: return StringPredicate(e, row, ctx);
    case ExprKind::kFunction:
    case ExprKind::kCountStar: return Call(e, row, ctx);
    case ExprKind::kCase: return Case(e, row, ctx);
    case ExprKind::kHasLabels: return HasLabels(e, row, ctx);
    case ExprKind::kComprehension: return Comprehension(e, row, ctx);
    case ExprKind::kExists: {
      Result<bool> found = ctx.exists->Exists(*e.exists, row);
      if (!found.ok()) return found.status();
      return Value::Bool(found.value());
    }
  }
  return Value();
}

bool Budget::OverBudget() {
  if (error.ok()) {
    error = Status::InvalidInput(Message("the query stopped after ", std::to_string(max_steps),
                                         " steps of matching: narrow its patterns (labels, types, ids, hop bounds) or raise ",
                                         Field("max_steps")));
  }
  return false;
}

Result<bool> Holds(const Expr& e, ValueList& row, const EvalContext& ctx) {
  Result<Value> v = Evaluate(e, row, ctx);
  if (!v.ok()) return v.status();
  if (v.value().is_null()) return false;
  if (v.value().kind() != Value::Kind::kBool) {
    return EvalError(e, Message("a condition must be true, false or null, not ", KindName(v.value().kind())));
  }
  return v.value().boolean();
}

}  // namespace casegraph::cypher
