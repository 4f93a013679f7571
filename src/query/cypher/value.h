// The values a pattern query computes with: Cypher's null, booleans, integers, floats, strings,
// lists and maps, and the graph's own: nodes (entities), relationships (relations as matched,
// with the direction they were crossed) and paths. Equality and comparison follow openCypher:
// three-valued with null; a total order for ORDER BY (maps, nodes, relationships, lists, paths,
// strings, booleans, numbers, then null); equivalence (null equals null) for DISTINCT and grouping.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "query/path.h"

namespace casegraph::cypher {

class Value;
using ValueList = std::vector<Value>;
using ValueMap = std::vector<std::pair<std::string, Value>>;  // in the order written or made

struct PathValue {
  EntityId start = 0;
  std::vector<Hop> hops;
};

class Value {
 public:
  enum class Kind : uint8_t { kNull, kBool, kInt, kFloat, kString, kList, kMap, kNode, kRelationship, kPath };

  Value() = default;  // null
  static Value Bool(bool b);
  static Value Int(int64_t i);
  static Value Float(double d);
  static Value String(std::string s);
  static Value List(ValueList items);
  static Value Map(ValueMap entries);
  static Value Node(EntityId v) {
    Value out;
    out.kind_ = Kind::kNode;
    out.u_.hop = PlainHop{0, v, v, true};
    return out;
  }
  static Value Relationship(const Hop& hop) {
    Value out;
    out.kind_ = Kind::kRelationship;
    out.u_.hop = PlainHop{hop.relation, hop.from, hop.to, hop.forward};
    return out;
  }
  static Value Path(PathValue path);

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::kNull; }
  bool is_number() const { return kind_ == Kind::kInt || kind_ == Kind::kFloat; }
  bool boolean() const { return u_.b; }
  int64_t integer() const { return u_.i; }
  /// An integer or float as a double.
  double number() const { return kind_ == Kind::kInt ? static_cast<double>(u_.i) : u_.d; }
  // (Reading through get() copies no shared_ptr: no reference count touched.)
  const std::string& string() const { return *static_cast<const std::string*>(heap_.get()); }
  const ValueList& list() const { return *static_cast<const ValueList*>(heap_.get()); }
  const ValueMap& map() const { return *static_cast<const ValueMap*>(heap_.get()); }
  EntityId node() const { return u_.hop.from; }
  Hop relationship() const { return Hop{u_.hop.relation, u_.hop.forward, u_.hop.from, u_.hop.to}; }
  RelationId relation() const { return u_.hop.relation; }
  const PathValue& path() const { return *static_cast<const PathValue*>(heap_.get()); }
  /// A map's entry, or nullptr.
  const Value* Find(std::string_view key) const;

 private:
  struct PlainHop {  // a Hop without default member initializers, so it can live in the union
    RelationId relation;
    EntityId from, to;
    bool forward;
  };
  static Value Boxed(Kind kind, std::shared_ptr<const void> heap);  // a value held on the heap

  Kind kind_ = Kind::kNull;
  union {
    bool b;
    int64_t i;
    double d;
    PlainHop hop;  // kNode: hop.from is the entity
  } u_{};
  std::shared_ptr<const void> heap_;  // kString, kList, kMap, kPath
};

/// "null", "a boolean", "an integer", ... for messages.
const char* KindName(Value::Kind kind);

/// a = b in three-valued logic: nullopt for null (also when lists differ only where a null is).
std::optional<bool> Equals(const Value& a, const Value& b);

/// a < b and friends: -1, 0 or 1 for comparable values (numbers, strings, booleans, lists of
/// comparable values); nullopt when they are not comparable or either is null.
std::optional<int> Compare(const Value& a, const Value& b);

/// The total order of ORDER BY: -1, 0 or 1.
int OrderCompare(const Value& a, const Value& b);

/// Equivalence, as DISTINCT and grouping see it: null equals null, 1 equals 1.0.
bool Equivalent(const Value& a, const Value& b);
/// A hash consistent with Equivalent.
size_t Hash(const Value& v);

/// Equivalence and hash of rows of values (group keys, DISTINCT rows).
struct RowHash {
  size_t operator()(const ValueList& row) const;
};
struct RowEquivalent {
  bool operator()(const ValueList& a, const ValueList& b) const;
};

std::string NumberString(const Value& v);  // 2, 2.5, 1.0, 1e+20

}  // namespace casegraph::cypher
