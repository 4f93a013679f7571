#include "graph/graph.h"

#include <algorithm>
#include <set>

namespace casegraph {

const DayInterval Graph::kUndated{};

Graph::Graph(Case c, GraphArrays arrays) : model_(std::move(c)), a_(std::move(arrays)) {
  const Case& m = model_;
  for (const std::string& t : a_.relation_type_names) relation_type_info_.push_back(m.vocabulary.relation_types.at(t));
  for (size_t i = 0; i < m.sources.size(); ++i) source_index_.emplace(m.sources[i].id, i);
  // The case's relations by id: the loader's table if it handed one over, else built here.
  if (model_.relation_index.size() == m.relations.size()) relation_ids_ = std::move(model_.relation_index);
  model_.relation_index = IdTable();
  if (relation_ids_.size() != m.relations.size()) {
    auto key = [&m](uint32_t r) { return std::string_view(m.relations[r].id); };
    relation_ids_ = IdTable();
    relation_ids_.Reserve(m.relations.size(), key);
    for (RelationId r = 0; r < m.relations.size(); ++r) relation_ids_.Insert(m.relations[r].id, r, key);
  }
  for (const auto& [row, id] : m.edges.ids) csv_relation_ids_.emplace(id, static_cast<RelationId>(m.relations.size() + row));
  for (size_t f = 0; f < m.edges.files.size(); ++f) stem_file_.emplace(m.edges.files[f].stem, f);
  std::set<std::string> entity_keys, relation_keys;
  for (const Entity& e : m.entities) {
    for (const auto& [key, value] : e.attributes) entity_keys.insert(key);
  }
  for (const Relation& r : m.relations) {
    for (const auto& [key, value] : r.attributes) relation_keys.insert(key);
  }
  entity_attribute_keys_.assign(entity_keys.begin(), entity_keys.end());
  relation_attribute_keys_.assign(relation_keys.begin(), relation_keys.end());
}

const NameIndex& Graph::names() const {
  std::call_once(names_indexed_, [this] { names_ = NameIndex(*this); });
  return names_;
}

std::unique_ptr<const Graph> Graph::Adopt(Case c, GraphArrays arrays) {
  return std::unique_ptr<const Graph>(new Graph(std::move(c), std::move(arrays)));
}

std::string_view Graph::entity_id(EntityId v) const {
  const size_t rich = model_.entities.size();
  return v < rich ? std::string_view(model_.entities[v].id) : model_.edges.entity_id(v - rich);
}

std::string_view Graph::entity_name(EntityId v) const {
  const size_t rich = model_.entities.size();
  return v < rich ? std::string_view(model_.entities[v].name) : model_.edges.entity_id(v - rich);
}

std::string Graph::relation_id(RelationId r) const {
  const size_t rich = model_.relations.size();
  return r < rich ? model_.relations[r].id : model_.edges.row_id(r - rich);
}

Graph::Dates Graph::relation_dates(RelationId r) const {
  static const std::optional<Date> kNone;
  const size_t rich = model_.relations.size();
  if (r < rich) {
    const Relation& rel = model_.relations[r];
    return {&rel.date, &rel.start, &rel.end};
  }
  if (const EdgeDates* d = model_.edges.row_dates(r - rich)) return {&d->date, &d->start, &d->end};
  return {&kNone, &kNone, &kNone};
}

std::span<const Evidence> Graph::relation_evidence(RelationId r) const {
  if (r < model_.relations.size()) return model_.relations[r].evidence;
  return {};
}

Transient<Entity> Graph::entity(EntityId v) const {
  if (v < model_.entities.size()) return Transient<Entity>(&model_.entities[v]);
  return Transient<Entity>(model_.edges.ImplicitEntity(v - model_.entities.size(), model_.files));
}

Transient<Relation> Graph::relation(RelationId r) const {
  if (r < model_.relations.size()) return Transient<Relation>(&model_.relations[r]);
  return Transient<Relation>(model_.edges.Row(r - model_.relations.size(), std::string(entity_id(a_.from[r])),
                                              std::string(entity_id(a_.to[r])), relation_type_name(r), model_.files));
}

const Attributes& Graph::entity_attributes(EntityId v) const {
  static const Attributes kNone;
  return v < model_.entities.size() ? model_.entities[v].attributes : kNone;
}

const Attributes& Graph::relation_attributes(RelationId r) const {
  static const Attributes kNone;
  return r < model_.relations.size() ? model_.relations[r].attributes : kNone;
}

std::optional<EntityId> Graph::FindEntity(std::string_view id) const {
  return a_.entity_ids.Find(id, [this](uint32_t v) { return entity_id(v); });
}

Resolution Graph::Resolve(const std::string& text) const { return names().Resolve(text); }

std::optional<TypeId> Graph::FindRelationType(const std::string& name) const {
  const std::vector<std::string>& names = a_.relation_type_names;
  auto it = std::lower_bound(names.begin(), names.end(), name);
  if (it == names.end() || *it != name) return std::nullopt;
  return static_cast<TypeId>(it - names.begin());
}

std::optional<TypeId> Graph::FindEntityType(const std::string& name) const {
  const std::vector<std::string>& names = a_.entity_type_names;
  auto it = std::lower_bound(names.begin(), names.end(), name);
  if (it == names.end() || *it != name) return std::nullopt;
  return static_cast<TypeId>(it - names.begin());
}

const Source* Graph::FindSource(const std::string& id) const {
  auto it = source_index_.find(id);
  return it == source_index_.end() ? nullptr : &model_.sources[it->second];
}

std::optional<RelationId> Graph::FindRelation(const std::string& id) const {
  auto key = [this](uint32_t r) { return std::string_view(model_.relations[r].id); };
  if (std::optional<uint32_t> r = relation_ids_.Find(id, key)) return *r;
  if (auto it = csv_relation_ids_.find(id); it != csv_relation_ids_.end()) return it->second;
  // "<stem>#<n>": the n-th row of a CSV file without an id of its own.
  const size_t hash = id.rfind('#');
  if (hash == std::string::npos) return std::nullopt;
  auto file = stem_file_.find(id.substr(0, hash));
  if (file == stem_file_.end()) return std::nullopt;
  const std::string digits = id.substr(hash + 1);
  if (digits.empty() || digits.size() > 9 || digits[0] == '0' ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  const EdgeFile& f = model_.edges.files[file->second];
  const size_t n = std::stoul(digits);
  if (n > f.rows) return std::nullopt;
  const size_t row = f.first_row + n - 1;
  if (model_.edges.row_id(row) != id) return std::nullopt;
  return static_cast<RelationId>(model_.relations.size() + row);
}

}  // namespace casegraph
