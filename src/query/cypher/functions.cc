#include "query/cypher/functions.h"
#include "text/unicode.h"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "query/cypher/properties.h"
#include "query/time_filter.h"

namespace casegraph::cypher {

namespace {

using R = Result<Value>;
using Args = std::vector<Value>;

// The function's name as its documentation writes it (toLower, not tolower).
const char* Written(const Expr& call) { return Functions()[static_cast<size_t>(call.function)].written; }

R BadArgument(const Expr& call, const char* expected, const Value& got) {
  return EvalError(call, Message(Written(call), "() takes ", expected, ", not ", KindName(got.kind())));
}

R Type(const EvalContext& ctx, Args& a, const Expr& call) {
  if (a[0].is_null()) return Value();
  if (a[0].kind() != Value::Kind::kRelationship) return BadArgument(call, "a relationship", a[0]);
  return Value::String(ctx.graph->relation_type_name(a[0].relation()));
}

R Labels(const EvalContext& ctx, Args& a, const Expr& call) {
  if (a[0].is_null()) return Value();
  if (a[0].kind() != Value::Kind::kNode) return BadArgument(call, "a node", a[0]);
  return Value::List({Value::String(ctx.graph->entity_type_name(a[0].node()))});
}

// id(x): the entity's or relation's id, as the case files write it.
R Id(const EvalContext& ctx, Args& a, const Expr& call) {
  if (a[0].is_null()) return Value();
  if (a[0].kind() == Value::Kind::kNode) return Value::String(std::string(ctx.graph->entity_id(a[0].node())));
  if (a[0].kind() == Value::Kind::kRelationship) return Value::String(ctx.graph->relation_id(a[0].relation()));
  return BadArgument(call, "a node or a relationship", a[0]);
}

R Length(const EvalContext&, Args& a, const Expr& call) {
  switch (a[0].kind()) {
    case Value::Kind::kNull: return Value();
    case Value::Kind::kPath: return Value::Int(static_cast<int64_t>(a[0].path().hops.size()));
    case Value::Kind::kList: return Value::Int(static_cast<int64_t>(a[0].list().size()));
    default: return BadArgument(call, "a path", a[0]);
  }
}

R Size(const EvalContext&, Args& a, const Expr& call) {
  switch (a[0].kind()) {
    case Value::Kind::kNull: return Value();
    case Value::Kind::kList: return Value::Int(static_cast<int64_t>(a[0].list().size()));
    case Value::Kind::kString: {
      int64_t n = 0;
      for (unsigned char c : a[0].string()) n += (c & 0xC0) != 0x80;  // characters, not bytes
      return Value::Int(n);
    }
    default: return BadArgument(call, "a list or a string", a[0]);
  }
}

R Nodes(const EvalContext&, Args& a, const Expr& call) {
  if (a[0].is_null()) return Value();
  if (a[0].kind() != Value::Kind::kPath) return BadArgument(call, "a path", a[0]);
  ValueList out{Value::Node(a[0].path().start)};
  for (const Hop& h : a[0].path().hops) out.push_back(Value::Node(h.to));
  return Value::List(std::move(out));
}

R Relationships(const EvalContext&, Args& a, const Expr& call) {
  if (a[0].is_null()) return Value();
  if (a[0].kind() != Value::Kind::kPath) return BadArgument(call, "a path", a[0]);
  ValueList out;
  for (const Hop& h : a[0].path().hops) out.push_back(Value::Relationship(h));
  return Value::List(std::move(out));
}

R Coalesce(const EvalContext&, Args& a, const Expr&) {
  for (Value& v : a) {
    if (!v.is_null()) return v;
  }
  return Value();
}

R CaseOf(Args& a, const Expr& call, bool upper) {
  if (a[0].is_null()) return Value();
  if (a[0].kind() != Value::Kind::kString) return BadArgument(call, "a string", a[0]);
  return Value::String(upper ? UpperCase(a[0].string()) : LowerCase(a[0].string()));
}
R ToLower(const EvalContext&, Args& a, const Expr& call) { return CaseOf(a, call, false); }
R ToUpper(const EvalContext&, Args& a, const Expr& call) { return CaseOf(a, call, true); }

R Trim(const EvalContext&, Args& a, const Expr& call) {
  if (a[0].is_null()) return Value();
  if (a[0].kind() != Value::Kind::kString) return BadArgument(call, "a string", a[0]);
  const std::string& s = a[0].string();
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return Value::String("");
  return Value::String(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
}

R ToString(const EvalContext&, Args& a, const Expr& call) {
  switch (a[0].kind()) {
    case Value::Kind::kNull: return Value();
    case Value::Kind::kString: return a[0];
    case Value::Kind::kBool: return Value::String(a[0].boolean() ? "true" : "false");
    case Value::Kind::kInt:
    case Value::Kind::kFloat: return Value::String(NumberString(a[0]));
    default: return BadArgument(call, "a number, a boolean or a string", a[0]);
  }
}

R ToNumber(Args& a, const Expr& call, bool integer) {
  const Value& v = a[0];
  if (v.is_null()) return Value();
  if (v.kind() == Value::Kind::kInt) return integer ? v : Value::Float(v.number());
  if (v.kind() == Value::Kind::kFloat) {
    if (!integer) return v;
    if (!std::isfinite(v.number()) || std::fabs(v.number()) >= 9.2e18) return Value();
    return Value::Int(static_cast<int64_t>(v.number()));
  }
  if (v.kind() != Value::Kind::kString) return BadArgument(call, "a number or a string", v);
  errno = 0;
  char* end = nullptr;
  const double d = std::strtod(v.string().c_str(), &end);
  if (end == v.string().c_str() || *end != '\0' || errno == ERANGE) return Value();  // not a number: null
  if (!integer) return Value::Float(d);
  if (std::fabs(d) >= 9.2e18) return Value();
  return Value::Int(static_cast<int64_t>(d));
}
R ToInteger(const EvalContext&, Args& a, const Expr& call) { return ToNumber(a, call, true); }
R ToFloat(const EvalContext&, Args& a, const Expr& call) { return ToNumber(a, call, false); }

R Abs(const EvalContext&, Args& a, const Expr& call) {
  if (a[0].is_null()) return Value();
  if (a[0].kind() == Value::Kind::kInt) {
    if (a[0].integer() == INT64_MIN) return EvalError(call, Message("integer overflow in abs()"));
    return Value::Int(std::llabs(a[0].integer()));
  }
  if (a[0].kind() == Value::Kind::kFloat) return Value::Float(std::fabs(a[0].number()));
  return BadArgument(call, "a number", a[0]);
}

R EndOf(const EvalContext&, Args& a, const Expr& call, bool start) {
  if (a[0].is_null()) return Value();
  if (a[0].kind() != Value::Kind::kRelationship) return BadArgument(call, "a relationship", a[0]);
  const Hop h = a[0].relationship();  // the relation as written: from and to by its own direction
  const EntityId from = h.forward ? h.from : h.to, to = h.forward ? h.to : h.from;
  return Value::Node(start ? from : to);
}
R StartNode(const EvalContext& c, Args& a, const Expr& call) { return EndOf(c, a, call, true); }
R EndNode(const EvalContext& c, Args& a, const Expr& call) { return EndOf(c, a, call, false); }

R HeadOrLast(Args& a, const Expr& call, bool head) {
  if (a[0].is_null()) return Value();
  if (a[0].kind() != Value::Kind::kList) return BadArgument(call, "a list", a[0]);
  if (a[0].list().empty()) return Value();
  return head ? a[0].list().front() : a[0].list().back();
}
R Head(const EvalContext&, Args& a, const Expr& call) { return HeadOrLast(a, call, true); }
R Last(const EvalContext&, Args& a, const Expr& call) { return HeadOrLast(a, call, false); }

R Range(const EvalContext& ctx, Args& a, const Expr& call) {
  for (const Value& v : a) {
    if (v.kind() != Value::Kind::kInt) return BadArgument(call, "integers", v);
  }
  const int64_t from = a[0].integer(), to = a[1].integer(), step = a.size() > 2 ? a[2].integer() : 1;
  if (step == 0) return EvalError(call, Message("range() takes a step other than 0"));
  const long double count = (static_cast<long double>(to) - from) / step + 1;
  if (count > 1e6) return EvalError(call, Message("range() of more than 1,000,000 numbers"));
  // Making a list's item costs what some steps of matching do: the budget counts 8.
  if (count > 0 && ctx.budget && !ctx.budget->Spend(8 * static_cast<uint64_t>(count))) return ctx.budget->error;
  ValueList out;
  if (count > 0) out.reserve(static_cast<size_t>(count));
  for (int64_t k = 0; k < static_cast<int64_t>(count); ++k) out.push_back(Value::Int(from + k * step));  // no overflow past to
  return Value::List(std::move(out));
}

R Keys(const EvalContext& ctx, Args& a, const Expr& call) {
  ValueList out;
  switch (a[0].kind()) {
    case Value::Kind::kNull: return Value();
    case Value::Kind::kMap:
      for (const auto& [k, v] : a[0].map()) out.push_back(Value::String(k));
      break;
    case Value::Kind::kNode:
    case Value::Kind::kRelationship: {
      const bool node = a[0].kind() == Value::Kind::kNode;
      for (const std::string& k : node ? NodePropertyNames() : RelationshipPropertyNames()) out.push_back(Value::String(k));
      const Attributes& attributes =
          node ? ctx.graph->entity_attributes(a[0].node()) : ctx.graph->relation_attributes(a[0].relation());
      for (const auto& [k, v] : attributes) out.push_back(Value::String(k));
      break;
    }
    default: return BadArgument(call, "a map, a node or a relationship", a[0]);
  }
  return Value::List(std::move(out));
}

// first_day(r), last_day(r): the first and last day a relation's dates may stand for.
R Day(Args& a, const Expr& call, const EvalContext& ctx, bool first) {
  if (a[0].is_null()) return Value();
  if (a[0].kind() != Value::Kind::kRelationship) return BadArgument(call, "a relationship", a[0]);
  const DayInterval& t = ctx.graph->relation_time(a[0].relation());
  if (!t.dated) return Value();
  const casegraph::Day d = first ? t.first : t.last;
  if (d == kFirstDay || d == kLastDay) return Value();  // an open end
  return Value::String(DayText(d));
}
R FirstDay(const EvalContext& c, Args& a, const Expr& call) { return Day(a, call, c, true); }
R LastDay(const EvalContext& c, Args& a, const Expr& call) { return Day(a, call, c, false); }

// as_of(r, D) and overlaps(r, A, B): what --as-of D and --from A --to B keep.
R TimeTest(const EvalContext& ctx, Args& a, const Expr& call, bool window) {
  if (a[0].is_null()) return Value();
  if (a[0].kind() != Value::Kind::kRelationship) return BadArgument(call, "a relationship first", a[0]);
  std::string dates[2];
  for (size_t i = 1; i < a.size(); ++i) {
    if (a[i].is_null()) continue;
    if (a[i].kind() != Value::Kind::kString) return BadArgument(call, "dates as strings (\"2021-03-09\")", a[i]);
    dates[i - 1] = a[i].string();
  }
  if (!window && dates[0].empty()) return Value();
  Result<TimeFilter> filter = window ? TimeFilter::Parse("", dates[0], dates[1]) : TimeFilter::Parse(dates[0], "", "");
  if (!filter.ok()) {
    for (const std::string& d : dates) {  // a date that does not parse, in the function's words
      if (Result<Date> date = ParseDate(d); !d.empty() && !date.ok()) {
        return EvalError(call, Message(Written(call), "(): ", date.status().message()));
      }
    }
    const std::string message = filter.status().message_parts().Worded(
        [](std::string_view field) -> std::string { return field == "since" ? "the range's start" : "the range's end"; });
    return EvalError(call, Message(Written(call), "(): ", message));
  }
  return Value::Bool(filter.value().Allows(ctx.graph->relation_time(a[0].relation())));
}
R AsOf(const EvalContext& c, Args& a, const Expr& call) { return TimeTest(c, a, call, false); }
R Overlaps(const EvalContext& c, Args& a, const Expr& call) { return TimeTest(c, a, call, true); }

const FunctionInfo kFunctions[] = {
    {"count", "count", 1, 1, true, nullptr, "the number of rows (count(*)) or of non-null values"},
    {"collect", "collect", 1, 1, true, nullptr, "the non-null values, as a list"},
    {"sum", "sum", 1, 1, true, nullptr, "the sum of the numbers (0 for none)"},
    {"avg", "avg", 1, 1, true, nullptr, "the mean of the numbers (null for none)"},
    {"min", "min", 1, 1, true, nullptr, "the least value (null for none)"},
    {"max", "max", 1, 1, true, nullptr, "the greatest value (null for none)"},
    {"type", "type", 1, 1, false, Type, "a relationship's type"},
    {"labels", "labels", 1, 1, false, Labels, "a node's labels: its entity type, as a list"},
    {"id", "id", 1, 1, false, Id, "an entity's or relation's id"},
    {"length", "length", 1, 1, false, Length, "a path's number of relationships"},
    {"nodes", "nodes", 1, 1, false, Nodes, "a path's nodes"},
    {"relationships", "relationships", 1, 1, false, Relationships, "a path's relationships"},
    {"startnode", "startNode", 1, 1, false, StartNode, "the node a relationship is from, as written"},
    {"endnode", "endNode", 1, 1, false, EndNode, "the node a relationship is to, as written"},
    {"coalesce", "coalesce", 1, -1, false, Coalesce, "the first argument that is not null"},
    {"size", "size", 1, 1, false, Size, "a list's items or a string's characters"},
    {"tolower", "toLower", 1, 1, false, ToLower, "a string in lower case"},
    {"toupper", "toUpper", 1, 1, false, ToUpper, "a string in upper case"},
    {"trim", "trim", 1, 1, false, Trim, "a string without leading and trailing spaces"},
    {"tostring", "toString", 1, 1, false, ToString, "a number or boolean as a string"},
    {"tointeger", "toInteger", 1, 1, false, ToInteger, "a number or string as an integer (null if it is none)"},
    {"tofloat", "toFloat", 1, 1, false, ToFloat, "a number or string as a float (null if it is none)"},
    {"abs", "abs", 1, 1, false, Abs, "a number's absolute value"},
    {"head", "head", 1, 1, false, Head, "a list's first item"},
    {"last", "last", 1, 1, false, Last, "a list's last item"},
    {"range", "range", 2, 3, false, Range, "the integers from a to b (by a step)"},
    {"keys", "keys", 1, 1, false, Keys, "a map's keys, or a node's or relationship's property names"},
    {"first_day", "first_day", 1, 1, false, FirstDay, "the first day a relation's dates may stand for"},
    {"last_day", "last_day", 1, 1, false, LastDay, "the last day a relation's dates may stand for"},
    {"as_of", "as_of", 2, 2, false, AsOf, "whether --as-of D would keep the relation"},
    {"overlaps", "overlaps", 3, 3, false, Overlaps, "whether --from A --to B would keep the relation"},
};

}  // namespace

std::span<const FunctionInfo> Functions() { return kFunctions; }

int FindFunction(std::string_view name) {
  for (size_t i = 0; i < std::size(kFunctions); ++i) {
    if (name == kFunctions[i].name) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace casegraph::cypher
