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
  s.entities = m.entities.size();
  for (const Entity& e : m.entities) ++s.entity_types[e.type];
  for (RelationId id = 0; id < g.relation_count(); ++id) {
    if (time.active() && !time.Allows(g.relation_time(id))) continue;
    const Relation& r = m.relations[id];
    ++s.relations;
    ++s.relation_types[r.type];
    ++s.statuses[StatusName(r.status)];
    if (r.IsDated()) ++s.dated_relations;
    for (const std::optional<Date>* d : {&r.date, &r.start, &r.end}) {
      if (!*d) continue;
      if (!s.earliest || (*d)->first < s.earliest->first) s.earliest = **d;
      if (!s.latest || (*d)->last > s.latest->last) s.latest = **d;
    }
  }
  const std::vector<uint32_t> component = WeakComponents(g, time);
  for (uint32_t c : component) s.components = std::max<size_t>(s.components, c + 1);
  return s;
}

}  // namespace casegraph
