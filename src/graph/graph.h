// The immutable graph: built once from a Case, then only read. Entities are vertices 0..n-1
// (the case's entities, then the entities named only in CSV files); relations are edges
// 0..m-1 (the case's relations, then the CSV rows).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/graph_arrays.h"
#include "graph/name_index.h"
#include "model/case.h"

namespace casegraph {

/// A model object for a moment: a stored one, or one made for the holder and dropped with it.
template <typename T>
class Transient {
 public:
  explicit Transient(const T* stored) : stored_(stored) {}
  explicit Transient(T made) : stored_(nullptr), made_(std::move(made)) {}
  Transient(Transient&&) noexcept = default;
  Transient(const Transient&) = delete;
  Transient& operator=(const Transient&) = delete;

  const T& operator*() const { return made_ ? *made_ : *stored_; }
  const T* operator->() const { return &**this; }

 private:
  const T* stored_;
  std::optional<T> made_;
};

class Graph {
 public:
  /// Builds the graph from a loaded, valid case (LoadCase's: among other things, at most
  /// kMaxRelationTypes relation types). The graph owns the case afterwards; it is
  /// never copied or moved, so references into it stay valid.
  static std::unique_ptr<const Graph> Build(Case c);
  /// A graph of arrays made elsewhere (a snapshot's). REQUIRES: they describe c as Build would
  /// have made them (VerifySnapshotArrays checks what a damaged file could break).
  static std::unique_ptr<const Graph> Adopt(Case c, GraphArrays arrays);

  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;

  const Case& model() const { return model_; }
  const GraphArrays& arrays() const { return a_; }

  size_t entity_count() const { return a_.entity_type.size(); }
  size_t relation_count() const { return a_.from.size(); }
  /// An entity or relation as a model object: the case's own, or, for those of CSV files, one
  /// made for the holder and dropped with it (an export of millions of CSV relations keeps none).
  Transient<Entity> entity(EntityId v) const;
  Transient<Relation> relation(RelationId r) const;
  /// An entity's or relation's attributes (CSV ones have none).
  const Attributes& entity_attributes(EntityId v) const;
  const Attributes& relation_attributes(RelationId r) const;
  /// The id, name and type of an entity, without making its Entity.
  std::string_view entity_id(EntityId v) const;
  std::string_view entity_name(EntityId v) const;
  const std::string& entity_type_name(EntityId v) const { return a_.entity_type_names[a_.entity_type[v]]; }

  /// What renderers read of a relation, without making a Relation for a CSV row.
  std::string relation_id(RelationId r) const;
  const std::string& relation_type_name(RelationId r) const { return a_.relation_type_names[a_.relation_type[r]]; }
  struct Dates {
    const std::optional<Date>* date;
    const std::optional<Date>* start;
    const std::optional<Date>* end;
  };
  Dates relation_dates(RelationId r) const;
  std::span<const Evidence> relation_evidence(RelationId r) const;

  /// Relations out of v (v is their from) and into v (v is their to), in relation order.
  std::span<const Incidence> out(EntityId v) const { return a_.out.of(v); }
  std::span<const Incidence> in(EntityId v) const { return a_.in.of(v); }
  const Adjacency& out_rows() const { return a_.out; }
  const Adjacency& in_rows() const { return a_.in; }

  EntityId relation_from(RelationId r) const { return a_.from[r]; }
  EntityId relation_to(RelationId r) const { return a_.to[r]; }
  TypeId relation_type(RelationId r) const { return a_.relation_type[r]; }
  ClaimStatus relation_status(RelationId r) const {
    return a_.status.empty() ? kDefaultClaimStatus : static_cast<ClaimStatus>(a_.status[r]);
  }
  TypeId entity_type(EntityId v) const { return a_.entity_type[v]; }
  const DayInterval& relation_time(RelationId r) const { return a_.time.empty() ? kUndated : a_.time[r]; }
  double relation_weight(RelationId r) const { return a_.weight.empty() ? 1.0 : a_.weight[r]; }
  bool any_dated() const { return !a_.time.empty(); }

  /// Interned type names, sorted; a TypeId indexes these.
  const std::vector<std::string>& relation_type_names() const { return a_.relation_type_names; }
  const std::vector<std::string>& entity_type_names() const { return a_.entity_type_names; }
  std::optional<TypeId> FindRelationType(const std::string& name) const;
  std::optional<TypeId> FindEntityType(const std::string& name) const;

  /// The vocabulary entry of a relation type (every type in the graph has one).
  const RelationType& relation_type_info(TypeId t) const { return relation_type_info_[t]; }
  bool is_symmetric(TypeId t) const { return relation_type_info_[t].symmetric; }

  /// The source with this id, or nullptr.
  const Source* FindSource(const std::string& id) const;
  std::optional<RelationId> FindRelation(const std::string& id) const;
  /// The entity with exactly this id.
  std::optional<EntityId> FindEntity(std::string_view id) const;
  /// Resolves what a user typed: an exact id at once, else through names().
  Resolution Resolve(const std::string& text) const;
  /// Names, aliases and ids under Unicode folding: indexed on first use (once, by whichever thread
  /// asks first), since a command that only reads ids or checks the case never needs them.
  const NameIndex& names() const;
  /// Every attribute key some entity, or some relation, has (sorted).
  const std::vector<std::string>& entity_attribute_keys() const { return entity_attribute_keys_; }
  const std::vector<std::string>& relation_attribute_keys() const { return relation_attribute_keys_; }

 private:
  // Indexes the vocabulary, sources and relation ids (names on first use: names()).
  Graph(Case c, GraphArrays arrays);

  static const DayInterval kUndated;

  Case model_;
  GraphArrays a_;
  std::vector<RelationType> relation_type_info_;
  std::unordered_map<std::string, size_t> source_index_;
  IdTable relation_ids_;  // the case's relations
  std::unordered_map<std::string, RelationId> csv_relation_ids_;  // CSV rows' given ids
  std::unordered_map<std::string, size_t> stem_file_;             // CSV stem -> EdgeTable::files index
  std::vector<std::string> entity_attribute_keys_, relation_attribute_keys_;
  mutable std::once_flag names_indexed_;
  mutable NameIndex names_;
};

}  // namespace casegraph
