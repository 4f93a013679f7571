// The immutable graph: built once from a Case, then only read. Entities are vertices 0..n-1
// (the case's entities, then the entities named only in CSV files); relations are edges
// 0..m-1 (the case's relations, then the CSV rows).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/name_index.h"
#include "model/case.h"
#include "model/column.h"
#include "model/id_table.h"

namespace casegraph {

using EntityId = uint32_t;    // vertex number
using RelationId = uint32_t;  // edge number
using TypeId = uint32_t;      // index into Graph::relation_type_names() / entity_type_names()

/// The earliest and latest days, used for open span ends.
constexpr Day kFirstDay = INT32_MIN / 2;
constexpr Day kLastDay = INT32_MAX / 2;

/// A relation's time as a closed interval of days; undated relations have dated == false.
/// An event's interval is its date's; a span's runs from its start's first day to its end's
/// last day, open ends being kFirstDay / kLastDay.
struct DayInterval {
  bool dated = false;
  bool span = false;  // start/end rather than date
  Day first = 0;
  Day last = 0;
};

/// One relation at an entity: the entity at its other end, the relation and its type (kept
/// alongside, so that a search filtering on types reads nothing else).
struct Incidence {
  EntityId other;
  RelationId relation;
  TypeId type;
};

/// Compressed sparse rows: the incidences of vertex v are items[offsets[v] .. offsets[v+1]),
/// in relation order. Offsets are 32-bit (a row holds each relation at most once, and relation
/// numbers are 32-bit): half the size, so more of them stay in the processor's cache.
struct Adjacency {
  Column<uint32_t> offsets;
  Column<Incidence> items;

  std::span<const Incidence> of(EntityId v) const {
    return std::span<const Incidence>(items.data() + offsets[v], items.data() + offsets[v + 1]);
  }
  /// Hints that v's row will be read soon: where it is (PrefetchPlace), then, once that has
  /// arrived, its first incidences (PrefetchRow). A search issues these some entities ahead, so
  /// that the memory reads of several rows overlap instead of following one another. Always
  /// inlined: GCC deems a function whose only effect is a prefetch pure, and drops calls to it.
  [[gnu::always_inline]] void PrefetchPlace(EntityId v) const { __builtin_prefetch(offsets.data() + v); }
  [[gnu::always_inline]] void PrefetchRow(EntityId v) const { __builtin_prefetch(items.data() + offsets[v]); }
};

/// A model object for a moment: a stored one, or one made for the holder and dropped with it.
template <typename T>
class Transient {
 public:
  explicit Transient(const T* stored) : stored_(stored) {}
  explicit Transient(T made) : stored_(nullptr), made_(std::move(made)) {}
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
  /// Builds the graph from a loaded, valid case. The graph owns the case afterwards; it is
  /// never copied or moved, so references into it stay valid.
  static std::unique_ptr<const Graph> Build(Case c);

  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;

  const Case& model() const { return model_; }

  size_t entity_count() const { return entity_type_.size(); }
  size_t relation_count() const { return from_.size(); }
  /// An entity or relation as a model object. Those of CSV files are made on first use and
  /// kept, so the reference stays valid as long as the graph.
  const Entity& entity(EntityId v) const;
  const Relation& relation(RelationId r) const;
  /// The same for a moment: those of CSV files are made for the holder and dropped with it, not
  /// kept (an export of millions of CSV relations would keep them all).
  Transient<Entity> TransientEntity(EntityId v) const;
  Transient<Relation> TransientRelation(RelationId r) const;
  /// An entity's or relation's attributes (CSV ones have none).
  const Attributes& entity_attributes(EntityId v) const;
  const Attributes& relation_attributes(RelationId r) const;
  /// The id, name and type of an entity, without making its Entity.
  std::string_view entity_id(EntityId v) const;
  std::string_view entity_name(EntityId v) const;
  const std::string& entity_type_name(EntityId v) const { return entity_type_names_[entity_type_[v]]; }

  /// What renderers read of a relation, without making a Relation for a CSV row (so that a long
  /// batch over a CSV graph does not keep a Relation for every row it ever showed).
  std::string relation_id(RelationId r) const;
  const std::string& relation_type_name(RelationId r) const { return relation_type_names_[relation_type_[r]]; }
  struct Dates {
    const std::optional<Date>* date;
    const std::optional<Date>* start;
    const std::optional<Date>* end;
  };
  Dates relation_dates(RelationId r) const;
  std::span<const Evidence> relation_evidence(RelationId r) const;

  /// Relations out of v (v is their from) and into v (v is their to), in relation order.
  std::span<const Incidence> out(EntityId v) const { return out_.of(v); }
  std::span<const Incidence> in(EntityId v) const { return in_.of(v); }
  const Adjacency& out_rows() const { return out_; }
  const Adjacency& in_rows() const { return in_; }

  EntityId relation_from(RelationId r) const { return from_[r]; }
  EntityId relation_to(RelationId r) const { return to_[r]; }
  TypeId relation_type(RelationId r) const { return relation_type_[r]; }
  Status relation_status(RelationId r) const { return static_cast<Status>(status_[r]); }
  TypeId entity_type(EntityId v) const { return entity_type_[v]; }
  const DayInterval& relation_time(RelationId r) const { return time_.empty() ? kUndated : time_[r]; }
  double relation_weight(RelationId r) const { return weight_.empty() ? 1.0 : weight_[r]; }
  bool any_dated() const { return !time_.empty(); }

  /// Interned type names, sorted; a TypeId indexes these.
  const std::vector<std::string>& relation_type_names() const { return relation_type_names_; }
  const std::vector<std::string>& entity_type_names() const { return entity_type_names_; }
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
  /// Names, aliases and ids under Unicode folding; built on first use.
  const NameIndex& names() const;

 private:
  friend class SnapshotCodec;  // io/snapshot.cc writes and reads these arrays
  Graph() = default;
  void BuildAdjacency();
  // An entity or relation of CSV files as a model object.
  Entity MakeEntity(EntityId v) const;
  Relation MakeRelation(RelationId r) const;
  // Indexes of the vocabulary, sources and relation ids; the adjacency too when asked.
  void Finish(bool build_adjacency);

  static const DayInterval kUndated;

  Case model_;
  Column<EntityId> from_, to_;
  Column<TypeId> relation_type_, entity_type_;
  Column<uint8_t> status_;
  std::vector<DayInterval> time_;  // empty when no relation is dated
  Column<double> weight_;          // empty when every weight is 1
  Adjacency out_, in_;
  IdTable entity_ids_;
  std::vector<std::string> relation_type_names_, entity_type_names_;
  std::vector<RelationType> relation_type_info_;
  std::unordered_map<std::string, size_t> source_index_;
  IdTable relation_ids_;  // the case's relations
  std::unordered_map<std::string, RelationId> csv_relation_ids_;  // CSV rows' given ids
  std::unordered_map<std::string, size_t> stem_file_;             // CSV stem -> EdgeTable::files index

  mutable std::once_flag names_built_;
  mutable std::unique_ptr<NameIndex> names_;
  mutable std::mutex made_mutex_;
  mutable std::unordered_map<EntityId, std::unique_ptr<Entity>> made_entities_;
  mutable std::unordered_map<RelationId, std::unique_ptr<Relation>> made_relations_;
};

}  // namespace casegraph
