#include "graph/graph.h"

#include <algorithm>
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

DayInterval IntervalOf(const Relation& r) {
  DayInterval t;
  if (r.date) return {true, false, r.date->first, r.date->last};
  if (!r.start && !r.end) return t;
  t.dated = true;
  t.span = true;
  t.first = r.start ? r.start->first : kFirstDay;
  t.last = r.end ? r.end->last : kLastDay;
  return t;
}

}  // namespace

std::unique_ptr<const Graph> Graph::Build(Case c) {
  std::unique_ptr<Graph> built(new Graph());
  Graph& g = *built;
  g.model_ = std::move(c);
  const Case& m = g.model_;

  std::unordered_map<std::string, EntityId> entity_index;
  std::vector<std::string> entity_types;
  for (EntityId v = 0; v < m.entities.size(); ++v) {
    entity_index.emplace(m.entities[v].id, v);
    entity_types.push_back(m.entities[v].type);
  }
  g.entity_type_names_ = Intern(entity_types, &g.entity_type_);

  std::vector<std::string> relation_types;
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  std::vector<EdgeData> edge_data;
  for (RelationId r = 0; r < m.relations.size(); ++r) {
    const Relation& rel = m.relations[r];
    const EntityId from = entity_index.at(rel.from);
    const EntityId to = entity_index.at(rel.to);
    g.relation_ends_.emplace_back(from, to);
    relation_types.push_back(rel.type);
    g.relation_time_.push_back(IntervalOf(rel));
    g.relation_weight_.push_back(rel.weight);
    g.relation_index_.emplace(rel.id, r);
    edges.emplace_back(from, to);
    edge_data.push_back(EdgeData{r});
  }
  g.relation_type_names_ = Intern(relation_types, &g.relation_type_);
  for (const std::string& t : g.relation_type_names_) g.relation_type_info_.push_back(m.vocabulary.relation_types.at(t));
  for (size_t i = 0; i < m.sources.size(); ++i) g.source_index_.emplace(m.sources[i].id, i);

  g.csr_ = CsrGraph(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), edge_data.begin(),
                    static_cast<uint32_t>(m.entities.size()));
  g.names_ = NameIndex(m.entities);
  return built;
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
  auto it = relation_index_.find(id);
  if (it == relation_index_.end()) return std::nullopt;
  return it->second;
}

}  // namespace casegraph
