// Every simple path (no entity twice) of at most max-hops hops, by iterative deepening: a
// depth-first search for each length 1, 2, ..., max-hops in turn, so the answer lists shorter
// paths first and a limit keeps the shortest ones. Each extension must keep the target within
// reach: breadth-first distances to the target (under the same filters) prune the search.
#include <limits>

#include "query/walker.h"

namespace casegraph {

namespace {

constexpr uint32_t kUnseen = std::numeric_limits<uint32_t>::max();

class SimplePathSearch {
 public:
  SimplePathSearch(const Walker& w, EntityId from, EntityId to, int limit)
      : w_(w), from_(from), to_(to), limit_(limit), on_path_(w.graph().entity_count(), 0) {}

  void DistancesToTarget(int max_hops) {
    to_target_.assign(w_.graph().entity_count(), kUnseen);
    to_target_[to_] = 0;
    std::vector<EntityId> frontier{to_}, next;
    for (uint32_t level = 1; level <= static_cast<uint32_t>(max_hops) && !frontier.empty(); ++level) {
      next.clear();
      for (EntityId v : frontier) {
        w_.StepsInto(v, [&](RelationId, bool, EntityId u) {
          if (to_target_[u] != kUnseen || !w_.CanEnter(u, from_)) return;
          to_target_[u] = level;
          if (u != from_) next.push_back(u);
        });
      }
      frontier.swap(next);
    }
  }

  /// Adds every simple path of exactly `length` hops; false once the limit stopped the search.
  bool OfLength(uint32_t length) {
    length_ = length;
    on_path_[from_] = 1;
    Dfs(from_);
    on_path_[from_] = 0;
    return !truncated_;
  }

  PathAnswer Take() { return PathAnswer{std::move(paths_), truncated_}; }

 private:
  void Dfs(EntityId v) {
    if (truncated_) return;
    const uint32_t used = static_cast<uint32_t>(hops_.size());
    if (v == to_) {
      if (used != length_) return;
      if (static_cast<int>(paths_.size()) == limit_) {
        truncated_ = true;
        return;
      }
      paths_.push_back(Path{from_, hops_, static_cast<double>(used)});
      return;
    }
    w_.StepsFrom(v, [&](RelationId r, bool dir, EntityId u) {
      if (truncated_ || on_path_[u] || to_target_[u] == kUnseen || used + 1 + to_target_[u] > length_) return;
      if (!w_.CanEnter(u, to_)) return;
      on_path_[u] = 1;
      hops_.push_back(Hop{r, dir, v, u});
      Dfs(u);
      hops_.pop_back();
      on_path_[u] = 0;
    });
  }

  const Walker& w_;
  EntityId from_, to_;
  int limit_;
  uint32_t length_ = 0;
  std::vector<char> on_path_;
  std::vector<uint32_t> to_target_;
  std::vector<Hop> hops_;
  std::vector<Path> paths_;
  bool truncated_ = false;
};

}  // namespace

PathAnswer AllSimplePaths(const Walker& w, EntityId from, EntityId to, int max_hops, int limit) {
  if (from == to) return PathAnswer{{Path{from, {}, 0}}, false};
  SimplePathSearch search(w, from, to, limit);
  search.DistancesToTarget(max_hops);
  for (int length = 1; length <= max_hops; ++length) {
    if (!search.OfLength(static_cast<uint32_t>(length))) break;
  }
  return search.Take();
}

}  // namespace casegraph
