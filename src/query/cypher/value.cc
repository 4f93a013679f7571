#include "query/cypher/value.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>

namespace casegraph::cypher {

Value Value::Bool(bool b) {
  Value v;
  v.kind_ = Kind::kBool;
  v.u_.b = b;
  return v;
}

Value Value::Int(int64_t i) {
  Value v;
  v.kind_ = Kind::kInt;
  v.u_.i = i;
  return v;
}

Value Value::Float(double d) {
  Value v;
  v.kind_ = Kind::kFloat;
  v.u_.d = d;
  return v;
}

Value Value::String(std::string s) { return Boxed(Kind::kString, std::make_shared<const std::string>(std::move(s))); }
Value Value::List(ValueList items) { return Boxed(Kind::kList, std::make_shared<const ValueList>(std::move(items))); }
Value Value::Map(ValueMap entries) { return Boxed(Kind::kMap, std::make_shared<const ValueMap>(std::move(entries))); }
Value Value::Path(PathValue path) { return Boxed(Kind::kPath, std::make_shared<const PathValue>(std::move(path))); }

Value Value::Boxed(Kind kind, std::shared_ptr<const void> heap) {
  Value v;
  v.kind_ = kind;
  v.heap_ = std::move(heap);
  return v;
}

const Value* Value::Find(std::string_view key) const {
  if (kind_ != Kind::kMap) return nullptr;
  for (const auto& [k, v] : map()) {
    if (k == key) return &v;
  }
  return nullptr;
}

const char* KindName(Value::Kind kind) {
  switch (kind) {
    case Value::Kind::kNull: return "null";
    case Value::Kind::kBool: return "a boolean";
    case Value::Kind::kInt: return "an integer";
    case Value::Kind::kFloat: return "a float";
    case Value::Kind::kString: return "a string";
    case Value::Kind::kList: return "a list";
    case Value::Kind::kMap: return "a map";
    case Value::Kind::kNode: return "a node";
    case Value::Kind::kRelationship: return "a relationship";
    case Value::Kind::kPath: return "a path";
  }
  return "a value";
}

namespace {

int Sign(double d) { return d < 0 ? -1 : d > 0 ? 1 : 0; }

// Numbers compared exactly when both are integers.
int CompareNumbers(const Value& a, const Value& b) {
  if (a.kind() == Value::Kind::kInt && b.kind() == Value::Kind::kInt) {
    return a.integer() < b.integer() ? -1 : a.integer() > b.integer() ? 1 : 0;
  }
  return Sign(a.number() - b.number());
}

bool SamePath(const PathValue& a, const PathValue& b) {
  if (a.start != b.start || a.hops.size() != b.hops.size()) return false;
  for (size_t i = 0; i < a.hops.size(); ++i) {
    if (a.hops[i].relation != b.hops[i].relation || a.hops[i].to != b.hops[i].to) return false;
  }
  return true;
}

std::optional<bool> ListsEqual(const ValueList& a, const ValueList& b) {
  if (a.size() != b.size()) return false;
  bool unknown = false;
  for (size_t i = 0; i < a.size(); ++i) {
    const std::optional<bool> e = Equals(a[i], b[i]);
    if (!e) {
      unknown = true;
    } else if (!*e) {
      return false;
    }
  }
  if (unknown) return std::nullopt;
  return true;
}

std::optional<bool> MapsEqual(const ValueMap& a, const ValueMap& b) {
  if (a.size() != b.size()) return false;
  bool unknown = false;
  for (const auto& entry : a) {
    const auto& key = entry.first;  // (a named variable: clang 14 does not capture structured bindings)
    auto it = std::find_if(b.begin(), b.end(), [&](const auto& e) { return e.first == key; });
    if (it == b.end()) return false;
    const std::optional<bool> e = Equals(entry.second, it->second);
    if (!e) {
      unknown = true;
    } else if (!*e) {
      return false;
    }
  }
  if (unknown) return std::nullopt;
  return true;
}

// The rank of a kind in ORDER BY's order.
int OrderRank(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kMap: return 0;
    case Value::Kind::kNode: return 1;
    case Value::Kind::kRelationship: return 2;
    case Value::Kind::kList: return 3;
    case Value::Kind::kPath: return 4;
    case Value::Kind::kString: return 5;
    case Value::Kind::kBool: return 6;
    case Value::Kind::kInt:
    case Value::Kind::kFloat: return 7;
    case Value::Kind::kNull: return 8;
  }
  return 8;
}

template <typename T>
int Cmp(const T& a, const T& b) {
  return a < b ? -1 : b < a ? 1 : 0;
}

}  // namespace

std::optional<bool> Equals(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_number() && b.is_number()) return CompareNumbers(a, b) == 0 && !std::isnan(a.number()) && !std::isnan(b.number());
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Value::Kind::kBool: return a.boolean() == b.boolean();
    case Value::Kind::kString: return a.string() == b.string();
    case Value::Kind::kList: return ListsEqual(a.list(), b.list());
    case Value::Kind::kMap: return MapsEqual(a.map(), b.map());
    case Value::Kind::kNode: return a.node() == b.node();
    case Value::Kind::kRelationship: return a.relation() == b.relation();
    case Value::Kind::kPath: return SamePath(a.path(), b.path());
    default: return false;
  }
}

std::optional<int> Compare(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_number() && b.is_number()) {
    if (std::isnan(a.number()) || std::isnan(b.number())) return std::nullopt;
    return CompareNumbers(a, b);
  }
  if (a.kind() != b.kind()) return std::nullopt;
  switch (a.kind()) {
    case Value::Kind::kBool: return Cmp(a.boolean(), b.boolean());
    case Value::Kind::kString: return Cmp(a.string(), b.string());
    case Value::Kind::kList: {
      const ValueList &x = a.list(), &y = b.list();
      for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
        const std::optional<int> c = Compare(x[i], y[i]);
        if (!c) return std::nullopt;
        if (*c != 0) return c;
      }
      return Cmp(x.size(), y.size());
    }
    default: return std::nullopt;
  }
}

int OrderCompare(const Value& a, const Value& b) {
  const int ra = OrderRank(a), rb = OrderRank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (a.kind()) {
    case Value::Kind::kNull: return 0;
    case Value::Kind::kBool: return Cmp(a.boolean(), b.boolean());
    case Value::Kind::kInt:
    case Value::Kind::kFloat: {
      const bool na = std::isnan(a.number()), nb = std::isnan(b.number());
      if (na || nb) return na == nb ? 0 : na ? 1 : -1;  // NaN after every number
      return CompareNumbers(a, b);
    }
    case Value::Kind::kString: return Cmp(a.string(), b.string());
    case Value::Kind::kNode: return Cmp(a.node(), b.node());
    case Value::Kind::kRelationship: return Cmp(a.relation(), b.relation());
    case Value::Kind::kList: {
      const ValueList &x = a.list(), &y = b.list();
      for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
        if (const int c = OrderCompare(x[i], y[i]); c != 0) return c;
      }
      return Cmp(x.size(), y.size());
    }
    case Value::Kind::kPath: {
      const PathValue &x = a.path(), &y = b.path();
      if (x.start != y.start) return Cmp(x.start, y.start);
      for (size_t i = 0; i < x.hops.size() && i < y.hops.size(); ++i) {
        if (x.hops[i].relation != y.hops[i].relation) return Cmp(x.hops[i].relation, y.hops[i].relation);
      }
      return Cmp(x.hops.size(), y.hops.size());
    }
    case Value::Kind::kMap: {
      const ValueMap &x = a.map(), &y = b.map();
      for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
        if (x[i].first != y[i].first) return Cmp(x[i].first, y[i].first);
        if (const int c = OrderCompare(x[i].second, y[i].second); c != 0) return c;
      }
      return Cmp(x.size(), y.size());
    }
  }
  return 0;
}

bool Equivalent(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
  if (a.is_number() && b.is_number()) {
    if (std::isnan(a.number()) || std::isnan(b.number())) return std::isnan(a.number()) && std::isnan(b.number());
    return CompareNumbers(a, b) == 0;
  }
  if (a.kind() != b.kind()) return false;
  if (a.kind() == Value::Kind::kList) {
    const ValueList &x = a.list(), &y = b.list();
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i) {
      if (!Equivalent(x[i], y[i])) return false;
    }
    return true;
  }
  if (a.kind() == Value::Kind::kMap) {
    const ValueMap &x = a.map(), &y = b.map();
    if (x.size() != y.size()) return false;
    for (const auto& [key, value] : x) {
      const Value* other = b.Find(key);
      if (!other || !Equivalent(value, *other)) return false;
    }
    return true;
  }
  const std::optional<bool> e = Equals(a, b);
  return e && *e;
}

size_t Hash(const Value& v) {
  auto mix = [](size_t h, size_t x) { return h ^ (x + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2)); };
  switch (v.kind()) {
    case Value::Kind::kNull: return 0x51ED;
    case Value::Kind::kBool: return v.boolean() ? 1 : 2;
    case Value::Kind::kInt:
    case Value::Kind::kFloat: {
      double d = v.number();
      if (d == 0) d = 0;  // -0.0 and 0.0 alike
      if (std::isnan(d)) return 0x7FF8;
      uint64_t bits;
      std::memcpy(&bits, &d, sizeof bits);
      return std::hash<uint64_t>()(bits);
    }
    case Value::Kind::kString: return std::hash<std::string>()(v.string());
    case Value::Kind::kList: {
      size_t h = 0x11;
      for (const Value& x : v.list()) h = mix(h, Hash(x));
      return h;
    }
    case Value::Kind::kMap: {
      size_t h = 0x13;  // order-independent: keys may come in any order
      for (const auto& [key, value] : v.map()) h ^= mix(std::hash<std::string>()(key), Hash(value));
      return h;
    }
    case Value::Kind::kNode: return mix(0x17, v.node());
    case Value::Kind::kRelationship: return mix(0x19, v.relation());
    case Value::Kind::kPath: {
      size_t h = mix(0x1B, v.path().start);
      for (const Hop& hop : v.path().hops) h = mix(h, hop.relation);
      return h;
    }
  }
  return 0;
}

size_t RowHash::operator()(const ValueList& row) const {
  size_t h = row.size();
  for (const Value& v : row) h = h * 31 + Hash(v);
  return h;
}

bool RowEquivalent::operator()(const ValueList& a, const ValueList& b) const {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!Equivalent(a[i], b[i])) return false;
  }
  return true;
}

// A number as toString() writes it: an integer as is, a float with a point or exponent.
std::string NumberString(const Value& v) {
  if (v.kind() == Value::Kind::kInt) return std::to_string(v.integer());
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.15g", v.number());
  std::string s = buffer;
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";  // 1.0, not 1
  return s;
}

}  // namespace casegraph::cypher
