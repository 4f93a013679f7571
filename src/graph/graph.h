// The immutable graph: built once from a Case, then only read. Entities are vertices
// 0..n-1 in model order, relations are edges carrying their index in the model.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <optional>
#include <string>
#include <vector>

#include "graph/name_index.h"
#include "model/case.h"

namespace casegraph {

using EntityId = uint32_t;    // index into Case::entities
using RelationId = uint32_t;  // index into Case::relations
using TypeId = uint32_t;      // index into Graph::relation_type_names() / entity_type_names()

/// The earliest and latest days, used for open span ends.
constexpr Day kFirstDay = INT32_MIN / 2;
constexpr Day kLastDay = INT32_MAX / 2;

struct EdgeData {
  RelationId relation = 0;
};

using CsrGraph = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, EdgeData,
                                                    boost::no_property, uint32_t, uint32_t>;

/// A relation's time as a closed interval of days; undated relations have dated == false.
/// An event's interval is its date's; a span's runs from its start's first day to its end's
/// last day, open ends being kFirstDay / kLastDay.
struct DayInterval {
  bool dated = false;
  bool span = false;  // start/end rather than date
  Day first = 0;
  Day last = 0;
};

class Graph {
 public:
  /// Builds the graph from a loaded, valid case. The graph owns the case afterwards; it is
  /// never copied or moved, so references into it stay valid.
  static std::unique_ptr<const Graph> Build(Case c);

  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;

  const Case& model() const { return model_; }
  const CsrGraph& csr() const { return csr_; }
  const NameIndex& names() const { return names_; }

  size_t entity_count() const { return model_.entities.size(); }
  size_t relation_count() const { return model_.relations.size(); }
  const Entity& entity(EntityId v) const { return model_.entities[v]; }
  const Relation& relation(RelationId r) const { return model_.relations[r]; }

  EntityId relation_from(RelationId r) const { return relation_ends_[r].first; }
  EntityId relation_to(RelationId r) const { return relation_ends_[r].second; }
  TypeId relation_type(RelationId r) const { return relation_type_[r]; }
  TypeId entity_type(EntityId v) const { return entity_type_[v]; }
  const DayInterval& relation_time(RelationId r) const { return relation_time_[r]; }
  double relation_weight(RelationId r) const { return relation_weight_[r]; }

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

 private:
  Graph() = default;

  Case model_;
  CsrGraph csr_;
  NameIndex names_;
  std::vector<std::pair<EntityId, EntityId>> relation_ends_;
  std::vector<TypeId> relation_type_, entity_type_;
  std::vector<DayInterval> relation_time_;
  std::vector<double> relation_weight_;
  std::vector<std::string> relation_type_names_, entity_type_names_;
  std::vector<RelationType> relation_type_info_;
  std::unordered_map<std::string, size_t> source_index_;
  std::unordered_map<std::string, RelationId> relation_index_;
};

}  // namespace casegraph
