#include "query/stats.h"

#include <numeric>

namespace casegraph {

namespace {

uint32_t FindRoot(std::vector<uint32_t>& parent, uint32_t v) {
  while (parent[v] != v) {
    parent[v] = parent[parent[v]];
    v = parent[v];
  }
  return v;
}

}  // namespace

std::vector<uint32_t> WeakComponents(const Graph& g, const TimeFilter& time) {
  std::vector<uint32_t> parent(g.entity_count());
  std::iota(parent.begin(), parent.end(), 0u);
  for (RelationId r = 0; r < g.relation_count(); ++r) {
    if (time.active() && !time.Allows(g.relation_time(r))) continue;
    const uint32_t a = FindRoot(parent, g.relation_from(r));
    const uint32_t b = FindRoot(parent, g.relation_to(r));
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
  std::vector<uint32_t> component(g.entity_count());
  std::vector<uint32_t> number(g.entity_count(), UINT32_MAX);
  uint32_t next = 0;
  for (uint32_t v = 0; v < g.entity_count(); ++v) {
    const uint32_t root = FindRoot(parent, v);
    if (number[root] == UINT32_MAX) number[root] = next++;
    component[v] = number[root];
  }
  return component;
}

GraphStats ComputeStats(const Graph& g, const TimeFilter& time) {
  const Case& m = g.model();
  GraphStats s;
  s.files = m.files.size();
  s.sources = m.sources.size();
  s.entities = g.entity_count();
  std::vector<size_t> per_entity_type(g.entity_type_names().size()), per_type(g.relation_type_names().size());
  size_t per_status[5] = {};
  for (EntityId v = 0; v < g.entity_count(); ++v) ++per_entity_type[g.entity_type(v)];
  for (TypeId t = 0; t < per_entity_type.size(); ++t) {
    if (per_entity_type[t]) s.entity_types[g.entity_type_names()[t]] = per_entity_type[t];
  }
  const size_t rich = m.relations.size();
  auto consider_dates = [&](const std::optional<Date>& date, const std::optional<Date>& start, const std::optional<Date>& end) {
    if (date || start || end) ++s.dated_relations;
    for (const std::optional<Date>* d : {&date, &start, &end}) {
      if (!*d) continue;
      if (!s.earliest || (*d)->first < s.earliest->first) s.earliest = **d;
      if (!s.latest || (*d)->last > s.latest->last) s.latest = **d;
    }
  };
  for (RelationId id = 0; id < g.relation_count(); ++id) {
    if (time.active() && !time.Allows(g.relation_time(id))) continue;
    ++s.relations;
    ++per_type[g.relation_type(id)];
    ++per_status[static_cast<int>(g.relation_status(id))];
    if (id < rich) {
      const Relation& r = m.relations[id];
      consider_dates(r.date, r.start, r.end);
    } else if (g.relation_time(id).dated) {
      const EdgeDates* d = m.edges.row_dates(id - rich);
      consider_dates(d->date, d->start, d->end);
    }
  }
  for (TypeId t = 0; t < per_type.size(); ++t) {
    if (per_type[t]) s.relation_types[g.relation_type_names()[t]] = per_type[t];
  }
  for (int st = 0; st < 5; ++st) {
    if (per_status[st]) s.statuses[ClaimStatusName(static_cast<ClaimStatus>(st))] = per_status[st];
  }
  const std::vector<uint32_t> component = WeakComponents(g, time);
  for (uint32_t c : component) s.components = std::max<size_t>(s.components, c + 1);
  return s;
}

}  // namespace casegraph
