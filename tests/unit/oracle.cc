#include "oracle.h"

#include "graph/graph.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <functional>
#include <set>

namespace casegraph::testing {

namespace {

std::vector<std::string> Subset(std::mt19937& rng, const std::vector<std::string>& items, double p) {
  std::vector<std::string> out;
  std::bernoulli_distribution take(p);
  for (const std::string& s : items) {
    if (take(rng)) out.push_back(s);
  }
  return out;
}

}  // namespace

void RandomFilter(std::mt19937& rng, const Case& c, FilterSpec* spec, OracleQuery* oq) {
  const int mode = static_cast<int>(rng() % 3);
  spec->direction = oq->direction = mode == 0 ? Direction::kAny : mode == 1 ? Direction::kForward : Direction::kBackward;
  if (rng() % 3 == 0) spec->via = Subset(rng, {"t0", "t1", "t2"}, 0.5);
  if (rng() % 4 == 0) spec->not_via = Subset(rng, {"t0", "t1", "t2"}, 0.3);
  if (rng() % 3 == 0) spec->status = Subset(rng, {"fact", "reported", "alleged", "claimed", "denied"}, 0.6);
  if (rng() % 5 == 0) spec->through_types = Subset(rng, {"person", "org"}, 0.5);
  std::vector<std::string> entity_ids;
  for (const Entity& e : c.entities) entity_ids.push_back(e.id);
  if (rng() % 3 == 0) spec->avoid = Subset(rng, entity_ids, 0.25);
  if (rng() % 4 == 0 && !c.relations.empty()) spec->avoid.push_back(c.relations[rng() % c.relations.size()].id);
  if (rng() % 4 == 0) spec->max_hops = static_cast<int>(rng() % 5);
  // Time filters on some queries: an as-of day or month, a window with one or two ends.
  auto random_date = [&] {
    char text[16];
    if (rng() % 3 == 0) {
      std::snprintf(text, sizeof text, "2021-%02d", 1 + static_cast<int>(rng() % 3));
    } else {
      std::snprintf(text, sizeof text, "2021-%02d-%02d", 1 + static_cast<int>(rng() % 3), 1 + static_cast<int>(rng() % 28));
    }
    return std::string(text);
  };
  if (rng() % 6 == 0) {
    spec->as_of = random_date();
    oq->as_of = ParseDate(spec->as_of).value();
  }
  if (rng() % 6 == 0) {
    if (rng() % 3 != 0) spec->since = random_date();
    if (rng() % 3 != 0) spec->until = random_date();
    if (!spec->since.empty() && !spec->until.empty() && spec->until < spec->since) {
      std::swap(spec->since, spec->until);
    }
    if (!spec->since.empty()) oq->window_from = ParseDate(spec->since).value();
    if (!spec->until.empty()) oq->window_to = ParseDate(spec->until).value();
  }
  // A through-type that no entity has is refused by the tool; keep only types present.
  std::vector<std::string> present;
  for (const std::string& t : spec->through_types) {
    for (const Entity& e : c.entities) {
      if (e.type == t) {
        present.push_back(t);
        break;
      }
    }
  }
  spec->through_types = present;
  oq->via.insert(spec->via.begin(), spec->via.end());
  oq->not_via.insert(spec->not_via.begin(), spec->not_via.end());
  oq->status.insert(spec->status.begin(), spec->status.end());
  oq->through_types.insert(spec->through_types.begin(), spec->through_types.end());
  for (const std::string& a : spec->avoid) (a[0] == 'e' ? oq->avoid_entities : oq->avoid_relations).insert(a);
  oq->max_hops = spec->max_hops;
}

std::optional<std::pair<Day, Day>> OracleInterval(const Relation& r) {
  if (r.date) return std::pair(r.date->first, r.date->last);
  if (!r.start && !r.end) return std::nullopt;
  return std::pair(r.start ? r.start->first : kFirstDay, r.end ? r.end->last : kLastDay);
}

bool OracleTimeAllows(const Relation& r, const OracleQuery& q) {
  const auto interval = OracleInterval(r);
  if (q.as_of && interval) {
    // Events accumulate: they count once begun. Spans count while in force.
    const bool begun = interval->first <= q.as_of->last;
    const bool ended = !r.date && interval->second < q.as_of->first;
    if (!begun || ended) return false;
  }
  if (q.window_from || q.window_to) {
    if (!interval) return false;
    const Day a = q.window_from ? q.window_from->first : kFirstDay;
    const Day b = q.window_to ? q.window_to->last : kLastDay;
    if (interval->second < a || interval->first > b) return false;
  }
  return true;
}

bool OracleAllows(const Case& c, const Relation& r, bool forward, const OracleQuery& q) {
  if (!OracleTimeAllows(r, q)) return false;
  if (!q.via.empty() && !q.via.count(r.type)) return false;
  if (q.not_via.count(r.type)) return false;
  if (!q.status.empty() && !q.status.count(ClaimStatusName(r.status))) return false;
  if (q.avoid_relations.count(r.id)) return false;
  const bool symmetric = c.vocabulary.relation_types.at(r.type).symmetric;
  if (symmetric || q.direction == Direction::kAny) return true;
  return forward == (q.direction == Direction::kForward);
}

bool OracleAllowsStop(const Entity& e, const OracleQuery& q) {
  if (q.avoid_entities.count(e.id)) return false;
  return q.through_types.empty() || q.through_types.count(e.type);
}

std::vector<OraclePath> EnumerateSimplePaths(const Case& c, size_t from, size_t to, const OracleQuery& q) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < c.entities.size(); ++i) index[c.entities[i].id] = i;
  std::vector<OraclePath> out;
  if (from == to) {
    out.push_back({});
    return out;
  }
  std::vector<char> on_path(c.entities.size(), 0);
  OraclePath current;
  std::function<void(size_t)> dfs = [&](size_t v) {
    if (v == to) {
      out.push_back(current);
      return;
    }
    if (q.max_hops && static_cast<int>(current.length()) >= *q.max_hops) return;
    for (size_t r = 0; r < c.relations.size(); ++r) {
      const Relation& rel = c.relations[r];
      for (bool forward : {true, false}) {
        if (index[forward ? rel.from : rel.to] != v) continue;
        const size_t u = index[forward ? rel.to : rel.from];
        if (on_path[u] || !OracleAllows(c, rel, forward, q)) continue;
        if (u != to && !OracleAllowsStop(c.entities[u], q)) continue;
        if (rel.from == rel.to && !forward) continue;  // a self-relation is one step, not two
        on_path[u] = 1;
        current.hops.emplace_back(r, forward);
        current.cost += rel.weight;
        dfs(u);
        current.cost -= rel.weight;
        current.hops.pop_back();
        on_path[u] = 0;
      }
    }
  };
  on_path[from] = 1;
  dfs(from);
  return out;
}

// The path is a walk from `from` to `to` that repeats no entity, whose every hop the oracle's
// filter allows, and whose reported cost is right.
void RequireValidPath(const Case& c, const Path& p, EntityId from, EntityId to, const OracleQuery& q, bool weighted) {
  std::set<EntityId> seen{from};
  EntityId at = from;
  double cost = 0;
  for (size_t i = 0; i < p.hops.size(); ++i) {
    const Hop& h = p.hops[i];
    const Relation& r = c.relations[h.relation];
    REQUIRE(h.from == at);
    REQUIRE(c.entities[h.from].id == (h.forward ? r.from : r.to));
    REQUIRE(c.entities[h.to].id == (h.forward ? r.to : r.from));
    REQUIRE(OracleAllows(c, r, h.forward, q));
    REQUIRE(seen.insert(h.to).second);
    if (i + 1 < p.hops.size()) REQUIRE(OracleAllowsStop(c.entities[h.to], q));
    cost += r.weight;
    at = h.to;
  }
  REQUIRE(at == to);
  if (q.max_hops) REQUIRE(static_cast<int>(p.hops.size()) <= *q.max_hops);
  REQUIRE(p.cost == (weighted ? cost : static_cast<double>(p.hops.size())));
}

}  // namespace casegraph::testing
