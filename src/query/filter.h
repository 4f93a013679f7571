// Which relations a search may cross, and in which direction: compiled once per query,
// consulted at every step (filters act inside the search, never on its results).
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "graph/graph.h"
#include "model/status.h"
#include "query/time_filter.h"

namespace casegraph {

enum class Direction { kAny, kForward, kBackward };

/// The filters as a user writes them: names, not ids.
struct FilterSpec {
  Direction direction = Direction::kAny;
  std::vector<std::string> via;      // relation types allowed (empty: all)
  std::vector<std::string> not_via;  // relation types excluded
  std::vector<std::string> avoid;    // entities (any reference) or relation ids to avoid
  std::vector<std::string> status;   // statuses allowed (empty: all)
  std::vector<std::string> through_types;  // entity types allowed as intermediate stops (empty: all)
  std::optional<int> max_hops;
  std::string as_of, since, until;   // the graph as of a day; a window ("" when not given)

  bool operator==(const FilterSpec&) const = default;
};

/// A compiled filter over one graph.
class TraversalFilter {
 public:
  /// Allows everything, in any direction.
  explicit TraversalFilter(const Graph& g);

  /// May relation r be crossed, forward (from -> to) or backward? Its type is read only when
  /// the answer can depend on it (reads_types()).
  bool AllowsRelation(RelationId r, bool forward) const {
    if (reads_types_) return AllowsStep(r, graph_->relation_type(r), forward);
    if (checks_relation_ && !AllowsRelationDetails(r)) return false;
    return direction == Direction::kAny || forward == (direction == Direction::kForward);
  }
  /// The same, for a relation whose type the caller has at hand.
  bool AllowsStep(RelationId r, TypeId t, bool forward) const {
    if (!allowed_type_[t]) return false;
    if (checks_relation_ && !AllowsRelationDetails(r)) return false;
    if (direction == Direction::kAny || symmetric_[t]) return true;
    return forward == (direction == Direction::kForward);
  }
  /// True when whether a relation may be crossed can depend on its type: some type is not
  /// allowed, or a symmetric type may be crossed against a direction.
  bool reads_types() const { return reads_types_; }
  /// True when only relations followed as written (kForward) or against (kBackward) can be
  /// crossed: no symmetric type is allowed, so a search need not look at the other side.
  bool one_way() const { return one_way_; }
  /// True when whether a step may be taken depends on its relation's type alone (allowed_type),
  /// and every entity may be entered and passed: no status, time, avoided relation or entity, or
  /// through-type to check, and a direction that one_way() or kAny settles for every side scanned.
  bool steps_by_type() const { return steps_by_type_; }
  /// True when every relation type is allowed.
  bool all_types() const { return all_types_; }
  /// Which relation types may be crossed: nonzero at the TypeIds allowed.
  const char* allowed_types() const { return allowed_type_.data(); }
  /// Is v one of the entities --avoid names?
  bool IsAvoided(EntityId v) const {
    return !avoided_entity_.empty() && std::binary_search(avoided_entity_.begin(), avoided_entity_.end(), v);
  }
  /// May a path pass through entity v (as an intermediate stop)?
  bool AllowsEntity(EntityId v) const {
    return !IsAvoided(v) && (through_type_.empty() || through_type_[graph_->entity_type(v)]);
  }

  std::optional<int> max_hops;
  Direction direction = Direction::kAny;
  std::vector<std::string> avoided_ids;  // the entity and relation ids --avoid resolved to
  TimeFilter time;                       // --as-of, --from/--to

 private:
  friend Result<TraversalFilter> CompileFilter(const Graph& g, const FilterSpec& spec);
  // Status, avoided relations, time: what the relation's own arrays must be read for.
  bool AllowsRelationDetails(RelationId r) const;
  void Settle();  // computes one_way_ and checks_relation_ once the filter is compiled

  const Graph* graph_;
  std::vector<char> allowed_type_;        // by TypeId
  std::vector<char> symmetric_;           // by TypeId
  std::vector<EntityId> avoided_entity_;  // sorted
  std::vector<RelationId> avoided_relation_;  // sorted
  std::vector<char> through_type_;        // by entity TypeId, empty when all are allowed
  unsigned allowed_status_ = ~0u;         // bit per ClaimStatus
  bool checks_relation_ = false;
  bool one_way_ = false;
  bool steps_by_type_ = false;
  bool all_types_ = false;
  bool reads_types_ = false;
};

/// Resolves names in the spec. Errors: unknown relation type, entity type or status, unknown or
/// ambiguous entity, negative max_hops, invalid dates or window; each names its field.
Result<TraversalFilter> CompileFilter(const Graph& g, const FilterSpec& spec);

}  // namespace casegraph
