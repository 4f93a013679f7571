#include "graph/graph.h"

#include <algorithm>
#include <thread>
#include <unordered_map>

namespace casegraph {

namespace {

// Sorted distinct names and, for each input, its index among them.
std::vector<std::string> Intern(const std::vector<std::string>& names, std::vector<TypeId>* ids) {
  std::vector<std::string> sorted = names;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  ids->clear();
  for (const std::string& n : names) {
    ids->push_back(static_cast<TypeId>(std::lower_bound(sorted.begin(), sorted.end(), n) - sorted.begin()));
  }
  return sorted;
}

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
  std::vector<uint64_t> offsets(vertices + 1, 0);
  for (EntityId v : key) ++offsets[v + 1];
  for (size_t v = 0; v < vertices; ++v) offsets[v + 1] += offsets[v];
  std::vector<Incidence> items(key.size());
  std::vector<uint64_t> next(offsets.begin(), offsets.end() - 1);
  for (RelationId r = 0; r < key.size(); ++r) items[next[key[r]]++] = Incidence{other[r], r, type[r]};
  Adjacency a;
  a.offsets = Column<uint64_t>(std::move(offsets));
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

  // Entity ids and types.
  auto key = [&g](uint32_t v) { return g.entity_id(v); };
  g.entity_ids_.Reserve(entities, key);
  std::vector<std::string> entity_types;
  for (EntityId v = 0; v < rich_entities; ++v) {
    g.entity_ids_.Insert(m.entities[v].id, v, key);
    entity_types.push_back(m.entities[v].type);
  }
  if (t.entity_count() > 0) entity_types.push_back("unknown");
  std::vector<TypeId> entity_type;
  g.entity_type_names_ = Intern(entity_types, &entity_type);
  if (t.entity_count() > 0) {
    const TypeId unknown = entity_type.back();
    entity_type.pop_back();
    entity_type.resize(entities, unknown);
    if (rich_entities == 0 && t.entity_index.size() == t.entity_count()) {
      g.entity_ids_ = std::move(t.entity_index);  // the loader's, numbered as here
    } else {
      for (EntityId v = static_cast<EntityId>(rich_entities); v < entities; ++v) g.entity_ids_.Insert(g.entity_id(v), v, key);
    }
  }
  t.entity_index = IdTable();
  g.entity_type_ = Column<TypeId>(std::move(entity_type));

  // Relations: the case's, then the CSV rows.
  std::vector<EntityId> from, to;
  std::vector<uint8_t> status;
  if (rich_relations > 0) {
    from.reserve(relations);
    to.reserve(relations);
  }
  status.reserve(relations);
  std::vector<std::string> type_names;
  bool any_dated = false, any_weight = false;
  for (RelationId r = 0; r < rich_relations; ++r) {
    const Relation& rel = m.relations[r];
    from.push_back(*g.FindEntity(rel.from));
    to.push_back(*g.FindEntity(rel.to));
    status.push_back(static_cast<uint8_t>(rel.status));
    type_names.push_back(rel.type);
    any_dated = any_dated || rel.IsDated();
    any_weight = any_weight || rel.weight != 1.0;
  }
  type_names.insert(type_names.end(), t.type_names.begin(), t.type_names.end());
  std::vector<TypeId> type_ids;
  g.relation_type_names_ = Intern(type_names, &type_ids);
  std::vector<TypeId> relation_type;
  if (rich_relations == 0) {  // only CSV rows: take the table's arrays over rather than copy them
    from = std::move(t.from);
    to = std::move(t.to);
    relation_type = std::move(t.type);
    for (TypeId& type : relation_type) type = type_ids[type];
  } else {
    relation_type.assign(type_ids.begin(), type_ids.begin() + static_cast<long>(rich_relations));
    relation_type.reserve(relations);
    for (uint32_t row_type : t.type) relation_type.push_back(type_ids[rich_relations + row_type]);
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
  for (RelationId r = 0; r < m.relations.size(); ++r) relation_index_.emplace(m.relations[r].id, r);
  for (const auto& [row, id] : m.edges.ids) relation_index_.emplace(id, static_cast<RelationId>(m.relations.size() + row));
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

const Entity& Graph::entity(EntityId v) const {
  const size_t rich = model_.entities.size();
  if (v < rich) return model_.entities[v];
  std::lock_guard<std::mutex> lock(made_mutex_);
  std::unique_ptr<Entity>& made = made_entities_[v];
  if (!made) made = std::make_unique<Entity>(model_.edges.ImplicitEntity(v - rich, model_.files));
  return *made;
}

const Relation& Graph::relation(RelationId r) const {
  const size_t rich = model_.relations.size();
  if (r < rich) return model_.relations[r];
  std::lock_guard<std::mutex> lock(made_mutex_);
  std::unique_ptr<Relation>& made = made_relations_[r];
  if (!made) {
    made = std::make_unique<Relation>(model_.edges.Row(r - rich, std::string(entity_id(from_[r])),
                                                       std::string(entity_id(to_[r])),
                                                       relation_type_names_[relation_type_[r]], model_.files));
  }
  return *made;
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
  if (auto it = relation_index_.find(id); it != relation_index_.end()) return it->second;
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
