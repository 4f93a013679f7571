// Graph::Build: a loaded case's entities and relations as the graph's arrays. CSV rows' arrays
// are taken over rather than copied, so a graph of millions of them costs little more memory
// than its rows.
#include <algorithm>
#include <thread>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <unordered_map>

#include "graph/graph.h"

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
Adjacency BuildRows(size_t vertices, const Column<EntityId>& key, const Column<EntityId>& other) {
  std::vector<uint32_t> offsets(vertices + 1, 0);  // at most one item per relation: RelationId's range
  for (EntityId v : key) ++offsets[v + 1];
  for (size_t v = 0; v < vertices; ++v) offsets[v + 1] += offsets[v];
  std::vector<Incidence> items(key.size());
  std::vector<uint32_t> next(offsets.begin(), offsets.end() - 1);
  for (RelationId r = 0; r < key.size(); ++r) items[next[key[r]]++] = Incidence{other[r], r};
  Adjacency a;
  a.offsets = Column<uint32_t>(std::move(offsets));
  a.items = Column<Incidence>(std::move(items));
  return a;
}

// Entity v's id: the case's entities first, then those named only in CSV files.
std::string_view EntityIdOf(const Case& m, EntityId v) {
  const size_t rich = m.entities.size();
  return v < rich ? std::string_view(m.entities[v].id) : m.edges.entity_id(v - rich);
}

// The id table and the entity types. The loader's tables are taken over when they number the
// entities as here.
void BuildEntityArrays(Case& m, GraphArrays* a) {
  EdgeTable& t = m.edges;
  const size_t rich = m.entities.size(), entities = rich + t.entity_count();
  auto key = [&m](uint32_t v) { return EntityIdOf(m, v); };
  if (m.entity_index.size() == rich) a->entity_ids = std::move(m.entity_index);
  m.entity_index = IdTable();
  const bool indexed = a->entity_ids.size() == rich;
  a->entity_ids.Reserve(entities, key);
  Interner types;
  std::vector<uint32_t> entity_type;
  entity_type.reserve(entities);
  for (EntityId v = 0; v < rich; ++v) {
    if (!indexed) a->entity_ids.Insert(m.entities[v].id, v, key);
    entity_type.push_back(types.Add(m.entities[v].type));
  }
  if (t.entity_count() > 0) {
    entity_type.resize(entities, types.Add(kImplicitEntityType));
    if (rich == 0 && t.entity_index.size() == t.entity_count()) {
      a->entity_ids = std::move(t.entity_index);  // the loader's, numbered as here
    } else {
      for (EntityId v = static_cast<EntityId>(rich); v < entities; ++v) a->entity_ids.Insert(EntityIdOf(m, v), v, key);
    }
  }
  t.entity_index = IdTable();
  std::vector<TypeId> final_type;
  a->entity_type_names = types.Finish(&final_type);
  for (uint32_t& type : entity_type) type = final_type[type];
  a->entity_type = Column<TypeId>(std::move(entity_type));
}

// Ends, types and statuses: the case's relations, then the CSV rows (whose arrays, when there is
// nothing before them, are taken over).
void BuildRelationArrays(Case& m, GraphArrays* a) {
  EdgeTable& t = m.edges;
  const size_t rich = m.relations.size(), rows = t.size(), relations = rich + rows;
  std::vector<EntityId> from, to;
  std::vector<RelationTypeId> relation_type;
  if (rich > 0) {
    from.reserve(relations);
    to.reserve(relations);
    relation_type.reserve(relations);
  }
  Interner types;
  // The ends the loader found already (entities of case files), else looked up here.
  const bool ends_known = m.relation_from.size() == rich && m.relation_to.size() == rich;
  auto end = [&](const std::vector<uint32_t>& known, RelationId r, const std::string& id) {
    return ends_known && known[r] != kUnknownEntity ? known[r] : *a->entity_ids.Find(id, [&m](uint32_t v) { return EntityIdOf(m, v); });
  };
  for (RelationId r = 0; r < rich; ++r) {
    const Relation& rel = m.relations[r];
    from.push_back(end(m.relation_from, r, rel.from));
    to.push_back(end(m.relation_to, r, rel.to));
    relation_type.push_back(static_cast<RelationTypeId>(types.Add(rel.type)));  // the merger kept to the limit
  }
  std::vector<uint32_t>().swap(m.relation_from);
  std::vector<uint32_t>().swap(m.relation_to);
  std::vector<uint32_t> row_type_of;  // the table's type numbers -> provisional ones
  for (const std::string& name : t.type_names) row_type_of.push_back(types.Add(name));
  std::vector<TypeId> final_type;
  a->relation_type_names = types.Finish(&final_type);
  for (RelationTypeId& type : relation_type) type = static_cast<RelationTypeId>(final_type[type]);
  if (rich == 0) {
    from = std::move(t.from);
    to = std::move(t.to);
    relation_type = std::move(t.type);
    for (RelationTypeId& type : relation_type) type = static_cast<RelationTypeId>(final_type[row_type_of[type]]);
  } else {
    for (RelationTypeId row_type : t.type) relation_type.push_back(static_cast<RelationTypeId>(final_type[row_type_of[row_type]]));
    from.insert(from.end(), t.from.begin(), t.from.end());
    to.insert(to.end(), t.to.begin(), t.to.end());
  }
  std::vector<uint32_t>().swap(t.from);  // the graph's arrays hold them now
  std::vector<uint32_t>().swap(t.to);
  std::vector<RelationTypeId>().swap(t.type);
  // Statuses only when some relation has another than the default (what a CSV row without one has).
  const bool all_reported =
      std::all_of(t.status.begin(), t.status.end(), [](uint8_t s) { return s == static_cast<uint8_t>(kDefaultClaimStatus); }) &&
      std::all_of(m.relations.begin(), m.relations.end(), [](const Relation& rel) { return rel.status == kDefaultClaimStatus; });
  if (!all_reported) {
    std::vector<uint8_t> status;
    status.reserve(relations);
    for (const Relation& rel : m.relations) status.push_back(static_cast<uint8_t>(rel.status));
    for (size_t row = 0; row < rows; ++row) status.push_back(static_cast<uint8_t>(t.row_status(row)));
    a->status = Column<uint8_t>(std::move(status));
  }
  a->from = Column<EntityId>(std::move(from));
  a->to = Column<EntityId>(std::move(to));
  a->relation_type = Column<RelationTypeId>(std::move(relation_type));
}

// Day intervals and weights, each only when some relation has one. (Before the relation arrays
// take the CSV rows' ends over: the table's size is theirs.)
void BuildTimesAndWeights(const Case& m, GraphArrays* a) {
  const EdgeTable& t = m.edges;
  const size_t rich = m.relations.size(), relations = rich + t.size();
  const bool any_dated = !t.dates.empty() || std::any_of(m.relations.begin(), m.relations.end(),
                                                         [](const Relation& r) { return r.IsDated(); });
  const bool any_weight = !t.weight.empty() || std::any_of(m.relations.begin(), m.relations.end(),
                                                           [](const Relation& r) { return r.weight != 1.0; });
  if (any_dated) {
    a->time.reserve(relations);
    for (const Relation& rel : m.relations) a->time.push_back(IntervalOf(rel.date, rel.start, rel.end));
    a->time.resize(relations);
    for (const auto& [row, d] : t.dates) a->time[rich + row] = IntervalOf(d.date, d.start, d.end);
  }
  if (any_weight) {
    std::vector<double> weight;
    weight.reserve(relations);
    for (const Relation& rel : m.relations) weight.push_back(rel.weight);
    for (size_t row = 0; row < t.size(); ++row) weight.push_back(t.row_weight(row));
    a->weight = Column<double>(std::move(weight));
  }
}

// The two directions are independent: the second is built by a second thread.
void BuildAdjacency(GraphArrays* a) {
  const size_t n = a->entity_type.size();
  std::thread in_rows([a, n] { a->in = BuildRows(n, a->to, a->from); });
  a->out = BuildRows(n, a->from, a->to);
  in_rows.join();
}

// The loader's transient tables (a second reading thread's rows and ids, grown vectors' old
// buffers) are freed by now, but glibc keeps their pages, in holes the graph's arrays do not fill:
// on amazon0601 (3.4M rows) 11-17 MB of the graph's peak. Hand them back before building.
void ReleaseFreedPages() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace

std::unique_ptr<const Graph> Graph::Build(Case c) {
  ReleaseFreedPages();
  GraphArrays a;
  BuildEntityArrays(c, &a);
  BuildTimesAndWeights(c, &a);
  BuildRelationArrays(c, &a);
  BuildAdjacency(&a);
  return std::unique_ptr<const Graph>(new Graph(std::move(c), std::move(a)));
}

}  // namespace casegraph
