#include "query/walker.h"

namespace casegraph {

void Walker::BlockEntity(EntityId v) {
  if (blocked_entity_.empty()) blocked_entity_.assign(g_.entity_count(), 0);
  if (!blocked_entity_[v]) blocked_entities_list_.push_back(v);
  blocked_entity_[v] = 1;
}

void Walker::BlockRelation(RelationId r) {
  if (blocked_relation_.empty()) blocked_relation_.assign(g_.relation_count(), 0);
  if (!blocked_relation_[r]) blocked_relations_list_.push_back(r);
  blocked_relation_[r] = 1;
}

void Walker::ClearBlocks() {
  for (EntityId v : blocked_entities_list_) blocked_entity_[v] = 0;
  for (RelationId r : blocked_relations_list_) blocked_relation_[r] = 0;
  blocked_entities_list_.clear();
  blocked_relations_list_.clear();
}

double PathCost(const Walker& w, const std::vector<Hop>& hops, bool weighted) {
  if (!weighted) return static_cast<double>(hops.size());
  double cost = 0;
  for (const Hop& h : hops) cost += w.Weight(h.relation);
  return cost;
}

}  // namespace casegraph
