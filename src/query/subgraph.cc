#include "query/subgraph.h"

#include <algorithm>

#include "query/walker.h"

namespace casegraph {

namespace {

// The allowed relations whose both ends are marked.
std::vector<RelationId> RelationsAmong(const Graph& g, const TraversalFilter& filter, const std::vector<char>& in) {
  std::vector<RelationId> out;
  for (RelationId r = 0; r < g.relation_count(); ++r) {
    if (in[g.relation_from(r)] && in[g.relation_to(r)] && filter.AllowsRelation(r, true)) out.push_back(r);
  }
  return out;
}

std::vector<EntityId> Marked(const std::vector<char>& in) {
  std::vector<EntityId> out;
  for (EntityId v = 0; v < in.size(); ++v) {
    if (in[v]) out.push_back(v);
  }
  return out;
}

}  // namespace

Subgraph WholeGraph(const Graph& g, const TraversalFilter& filter) {
  Subgraph s;
  const std::vector<char> all(g.entity_count(), 1);
  s.entities = Marked(all);
  s.relations = RelationsAmong(g, filter, all);
  return s;
}

Subgraph Around(const Graph& g, const TraversalFilter& filter, EntityId center, int depth) {
  Walker w(g, filter);
  std::vector<char> in(g.entity_count(), 0);
  in[center] = 1;
  std::vector<EntityId> frontier{center}, next;
  for (int level = 0; level < depth && !frontier.empty(); ++level) {
    next.clear();
    for (EntityId v : frontier) {
      w.StepsFrom(v, [&](RelationId, bool, EntityId u) {
        if (in[u] || !filter.AllowsEntity(u)) return;
        in[u] = 1;
        next.push_back(u);
      });
    }
    frontier.swap(next);
  }
  Subgraph s;
  s.entities = Marked(in);
  s.relations = RelationsAmong(g, filter, in);
  return s;
}

Subgraph PathContext(const Graph& g, const TraversalFilter& filter, const PathAnswer& paths, bool context) {
  Walker w(g, filter);
  std::vector<char> in(g.entity_count(), 0);
  Subgraph s;
  for (const Path& p : paths.paths) {
    for (EntityId v : p.Entities()) in[v] = 1;
    for (const Hop& h : p.hops) s.highlighted.insert(h.relation);
  }
  if (!context) {
    s.entities = Marked(in);
    s.relations.assign(s.highlighted.begin(), s.highlighted.end());
    return s;
  }
  const std::vector<EntityId> on_paths = Marked(in);
  for (EntityId v : on_paths) {
    w.StepsFrom(v, [&](RelationId, bool, EntityId u) { in[u] = 1; });
  }
  s.entities = Marked(in);
  s.relations = RelationsAmong(g, filter, in);
  // A path may use a relation the filter's direction excludes in this listing: keep every hop.
  for (RelationId r : s.highlighted) {
    if (!std::binary_search(s.relations.begin(), s.relations.end(), r)) {
      s.relations.insert(std::upper_bound(s.relations.begin(), s.relations.end(), r), r);
    }
  }
  return s;
}

}  // namespace casegraph
