#include "graph/graph.h"

#include <algorithm>
#include <thread>
#include <unordered_map>

namespace casegraph {

namespace {

// Type names to TypeIds: names are added as they come (few distinct ones among millions), then
// numbered in sorted order.
class Interner {
 public:
  /// A provisional number for name; name must outlive the interner.
  uint32_t Add(std::string_view name) {
    if (name == last_) return last_number_;  // runs of one type are common
    auto [it, added] = numbers_.emplace(name, static_cast<uint32_t>(names_.size()));
    if (added) names_.push_back(name);
    last_ = name;
    last_number_ = it->second;
    return it->second;
  }

  /// The distinct names, sorted; *final_of[provisional] is the name's index among them.
  std::vector<std::string> Finish(std::vector<TypeId>* final_of) const {
    std::vector<std::string> sorted(names_.begin(), names_.end());
    std::sort(sorted.begin(), sorted.end());
    final_of->clear();
    for (std::string_view n : names_) {
      final_of->push_back(static_cast<TypeId>(std::lower_bound(sorted.begin(), sorted.end(), n) - sorted.begin()));
    }
    return sorted;
  }

 private:
  std::unordered_map<std::string_view, uint32_t> numbers_;
  std::vector<std::string_view> names_;
  std::string_view last_;
  uint32_t last_number_ = 0;
};

DayInterval IntervalOf(const std::optional<Date>& date, const std::optional<Date>& start, const std::optional<Date>& end) {
  DayInterval t;
  if (date) return {true, false, date->first, date->last};
  if (!start && !end) return t;
  t.dated = true;
  t.span = true;
  t.first = start ? start->first : kFirstDay;
  t.last = end ? end->last : kLastDay;
  return t;
}

// Counting sort of relations by one end: rows of each vertex in relation order.
Adjacency BuildRows(size_t vertices, const Column<EntityId>& key, const Column<EntityId>& other,
                    const Column<TypeId>& type) {
  std::vector<uint32_t> offsets(vertices + 1, 0);  // at most one item per relation: RelationId's range
  for (EntityId v : key) ++offsets[v + 1];
  for (size_t v = 0; v < vertices; ++v) offsets[v + 1] += offsets[v];
  std::vector<Incidence> items(key.size());
  std::vector<uint32_t> next(offsets.begin(), offsets.end() - 1);
  for (RelationId r = 0; r < key.size(); ++r) items[next[key[r]]++] = Incidence{other[r], r, type[r]};
  Adjacency a;
  a.offsets = Column<uint32_t>(std::move(offsets));
  a.items = Column<Incidence>(std::move(items));
  return a;
}

}  // namespace

const DayInterval Graph::kUndated{};

std::unique_ptr<const Graph> Graph::Build(Case c) {
  std::unique_ptr<Graph> built(new Graph());
  Graph& g = *built;
  g.model_ = std::move(c);
  Case& m = g.model_;
  EdgeTable& t = m.edges;
  const size_t rich_entities = m.entities.size(), rich_relations = m.relations.size();
  const size_t rows = t.size();
  const size_t entities = rich_entities + t.entity_count(), relations = rich_relations + rows;

  // Entity ids and types. The loader's table of the case's entities is taken over when it has one.
  auto key = [&g](uint32_t v) { return g.entity_id(v); };
  if (m.entity_index.size() == rich_entities) g.entity_ids_ = std::move(m.entity_index);
  m.entity_index = IdTable();
  g.entity_ids_.Reserve(entities, key);
  Interner entity_types;
  std::vector<uint32_t> entity_type;
  entity_type.reserve(entities);
  const bool indexed = g.entity_ids_.size() == rich_entities;
  for (EntityId v = 0; v < rich_entities; ++v) {
    if (!indexed) g.entity_ids_.Insert(m.entities[v].id, v, key);
    entity_type.push_back(entity_types.Add(m.entities[v].type));
  }
  if (t.entity_count() > 0) {
    entity_type.resize(entities, entity_types.Add("unknown"));
    if (rich_entities == 0 && t.entity_index.size() == t.entity_count()) {
      g.entity_ids_ = std::move(t.entity_index);  // the loader's, numbered as here
    } else {
      for (EntityId v = static_cast<EntityId>(rich_entities); v < entities; ++v) g.entity_ids_.Insert(g.entity_id(v), v, key);
    }
  }
  t.entity_index = IdTable();
  std::vector<TypeId> final_entity_type;
  g.entity_type_names_ = entity_types.Finish(&final_entity_type);
  for (uint32_t& type : entity_type) type = final_entity_type[type];
  g.entity_type_ = Column<TypeId>(std::move(entity_type));

  // Relations: the case's, then the CSV rows.
  std::vector<EntityId> from, to;
  std::vector<uint8_t> status;
  if (rich_relations > 0) {
    from.reserve(relations);
    to.reserve(relations);
  }
  status.reserve(relations);
  Interner types;
  std::vector<TypeId> relation_type;
  relation_type.reserve(rich_relations > 0 ? relations : 0);
  bool any_dated = false, any_weight = false;
  // The ends the loader found already (entities of case files), else looked up here.
  const bool ends_known = m.relation_from.size() == rich_relations && m.relation_to.size() == rich_relations;
  auto end = [&](const std::vector<uint32_t>& known, RelationId r, const std::string& id) {
    return ends_known && known[r] != kUnknownEntity ? known[r] : *g.FindEntity(id);
  };
  for (RelationId r = 0; r < rich_relations; ++r) {
    const Relation& rel = m.relations[r];
    from.push_back(end(m.relation_from, r, rel.from));
    to.push_back(end(m.relation_to, r, rel.to));
    status.push_back(static_cast<uint8_t>(rel.status));
    relation_type.push_back(types.Add(rel.type));
    any_dated = any_dated || rel.IsDated();
    any_weight = any_weight || rel.weight != 1.0;
  }
  std::vector<uint32_t>().swap(m.relation_from);
  std::vector<uint32_t>().swap(m.relation_to);
  std::vector<uint32_t> row_type_of;  // the table's type numbers -> provisional ones
  for (const std::string& name : t.type_names) row_type_of.push_back(types.Add(name));
  std::vector<TypeId> final_type;
  g.relation_type_names_ = types.Finish(&final_type);
  for (TypeId& type : relation_type) type = final_type[type];
  if (rich_relations == 0) {  // only CSV rows: take the table's arrays over rather than copy them
    from = std::move(t.from);
    to = std::move(t.to);
    relation_type = std::move(t.type);
    for (TypeId& type : relation_type) type = final_type[row_type_of[type]];
  } else {
    for (uint32_t row_type : t.type) relation_type.push_back(final_type[row_type_of[row_type]]);
    from.insert(from.end(), t.from.begin(), t.from.end());
    to.insert(to.end(), t.to.begin(), t.to.end());
  }
  std::vector<uint32_t>().swap(t.from);  // the graph's arrays hold them now
  std::vector<uint32_t>().swap(t.to);
  std::vector<uint32_t>().swap(t.type);
  for (size_t row = 0; row < rows; ++row) status.push_back(static_cast<uint8_t>(t.row_status(row)));
  g.from_ = Column<EntityId>(std::move(from));
  g.to_ = Column<EntityId>(std::move(to));
  g.relation_type_ = Column<TypeId>(std::move(relation_type));
  g.status_ = Column<uint8_t>(std::move(status));
  any_dated = any_dated || !t.dates.empty();
  any_weight = any_weight || !t.weight.empty();
  if (any_dated) {
    g.time_.reserve(relations);
    for (const Relation& rel : m.relations) g.time_.push_back(IntervalOf(rel.date, rel.start, rel.end));
    g.time_.resize(relations);
    for (const auto& [row, d] : t.dates) g.time_[rich_relations + row] = IntervalOf(d.date, d.start, d.end);
  }
  if (any_weight) {
    std::vector<double> weight;
    weight.reserve(relations);
    for (const Relation& rel : m.relations) weight.push_back(rel.weight);
    for (size_t row = 0; row < rows; ++row) weight.push_back(t.row_weight(row));
    g.weight_ = Column<double>(std::move(weight));
  }
  g.Finish(true);
  return built;
}

void Graph::Finish(bool build_adjacency) {
  const Case& m = model_;
  for (const std::string& t : relation_type_names_) relation_type_info_.push_back(m.vocabulary.relation_types.at(t));
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
  if (build_adjacency) BuildAdjacency();
}

void Graph::BuildAdjacency() {
  // The two directions are independent: the second is built by a second thread.
  std::thread in_rows([this] { in_ = BuildRows(entity_count(), to_, from_, relation_type_); });
  out_ = BuildRows(entity_count(), from_, to_, relation_type_);
  in_rows.join();
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

Entity Graph::MakeEntity(EntityId v) const {
  return model_.edges.ImplicitEntity(v - model_.entities.size(), model_.files);
}

Relation Graph::MakeRelation(RelationId r) const {
  return model_.edges.Row(r - model_.relations.size(), std::string(entity_id(from_[r])), std::string(entity_id(to_[r])),
                          relation_type_names_[relation_type_[r]], model_.files);
}

const Entity& Graph::entity(EntityId v) const {
  if (v < model_.entities.size()) return model_.entities[v];
  std::lock_guard<std::mutex> lock(made_mutex_);
  std::unique_ptr<Entity>& made = made_entities_[v];
  if (!made) made = std::make_unique<Entity>(MakeEntity(v));
  return *made;
}

const Relation& Graph::relation(RelationId r) const {
  if (r < model_.relations.size()) return model_.relations[r];
  std::lock_guard<std::mutex> lock(made_mutex_);
  std::unique_ptr<Relation>& made = made_relations_[r];
  if (!made) made = std::make_unique<Relation>(MakeRelation(r));
  return *made;
}

Transient<Entity> Graph::TransientEntity(EntityId v) const {
  return v < model_.entities.size() ? Transient<Entity>(&model_.entities[v]) : Transient<Entity>(MakeEntity(v));
}

Transient<Relation> Graph::TransientRelation(RelationId r) const {
  return r < model_.relations.size() ? Transient<Relation>(&model_.relations[r]) : Transient<Relation>(MakeRelation(r));
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
  return entity_ids_.Find(id, [this](uint32_t v) { return entity_id(v); });
}

Resolution Graph::Resolve(const std::string& text) const {
  if (std::optional<EntityId> v = FindEntity(text)) {
    Resolution r;
    r.kind = Resolution::Kind::kFound;
    r.entity = *v;
    return r;
  }
  return names().Resolve(text);
}

const NameIndex& Graph::names() const {
  std::call_once(names_built_, [this] { names_ = std::make_unique<NameIndex>(*this); });
  return *names_;
}

std::optional<TypeId> Graph::FindRelationType(const std::string& name) const {
  auto it = std::lower_bound(relation_type_names_.begin(), relation_type_names_.end(), name);
  if (it == relation_type_names_.end() || *it != name) return std::nullopt;
  return static_cast<TypeId>(it - relation_type_names_.begin());
}

std::optional<TypeId> Graph::FindEntityType(const std::string& name) const {
  auto it = std::lower_bound(entity_type_names_.begin(), entity_type_names_.end(), name);
  if (it == entity_type_names_.end() || *it != name) return std::nullopt;
  return static_cast<TypeId>(it - entity_type_names_.begin());
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
