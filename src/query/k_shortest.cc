// The k shortest simple paths: Yen's algorithm (J. Y. Yen, "Finding the K Shortest Loopless
// Paths in a Network", Management Science 17(11), 1971), on relations rather than entity pairs:
// a spur search from the i-th entity of the last path found may not reuse the relations that
// paths already found take after the same root, nor enter the root's entities, so parallel
// relations yield distinct paths. Candidates are ranked by cost, then hop count, then relation
// order, so the answer is deterministic.
#include <set>
#include <tuple>

#include "query/walker.h"

namespace casegraph {

namespace {

using HopKey = std::vector<std::pair<RelationId, bool>>;

HopKey KeyOf(const std::vector<Hop>& hops) {
  HopKey key;
  for (const Hop& h : hops) key.emplace_back(h.relation, h.forward);
  return key;
}

struct Candidate {
  double cost;
  size_t length;
  HopKey key;
  Path path;
  bool operator<(const Candidate& o) const { return std::tie(cost, length, key) < std::tie(o.cost, o.length, o.key); }
};

}  // namespace

PathAnswer KShortestPaths(Walker& w, EntityId from, EntityId to, bool weighted, int k, int limit) {
  PathAnswer answer;
  const int wanted = std::min(k, limit);
  const int search = k > limit ? limit + 1 : k;  // one more, to tell whether the limit cut the answer
  auto shortest = [&](EntityId a, std::optional<int> hops) {
    return weighted ? LeastCost(w, a, to, hops) : FewestHops(w, a, to, hops);
  };
  std::optional<Path> first = shortest(from, w.max_hops());
  if (!first) return answer;
  std::vector<Path> found{*first};
  std::set<HopKey> seen{KeyOf(first->hops)};
  std::set<Candidate> candidates;
  while (static_cast<int>(found.size()) < search) {
    const Path& last = found.back();
    const std::vector<EntityId> entities = last.Entities();
    for (size_t i = 0; i < last.hops.size(); ++i) {
      const std::vector<Hop> root(last.hops.begin(), last.hops.begin() + static_cast<long>(i));
      w.ClearBlocks();
      for (const Path& p : found) {
        if (p.hops.size() > i && std::equal(root.begin(), root.end(), p.hops.begin())) {
          w.BlockRelation(p.hops[i].relation);
        }
      }
      for (size_t j = 0; j < i; ++j) w.BlockEntity(entities[j]);
      std::optional<int> hops;
      if (w.max_hops()) hops = *w.max_hops() - static_cast<int>(i);
      std::optional<Path> spur = shortest(entities[i], hops);
      if (!spur) continue;
      Path total{from, root, 0};
      total.hops.insert(total.hops.end(), spur->hops.begin(), spur->hops.end());
      total.cost = PathCost(w, total.hops, weighted);
      HopKey key = KeyOf(total.hops);
      if (seen.insert(key).second) {
        candidates.insert(Candidate{total.cost, total.hops.size(), std::move(key), std::move(total)});
      }
    }
    w.ClearBlocks();
    if (candidates.empty()) break;
    found.push_back(candidates.begin()->path);
    candidates.erase(candidates.begin());
  }
  if (static_cast<int>(found.size()) > wanted) {
    found.resize(wanted);
    answer.truncated = true;
  }
  for (Path& p : found) p.cost = PathCost(w, p.hops, weighted);
  answer.paths = std::move(found);
  return answer;
}

}  // namespace casegraph
