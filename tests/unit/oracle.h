// A brute-force oracle for path queries: random filters, and every simple path enumerated by
// plain depth-first search over the relation list, independent of the graph and its searches.
#pragma once

#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "model/case.h"
#include "query/filter.h"
#include "query/path.h"

namespace casegraph::testing {

struct OracleQuery {
  std::set<std::string> via, not_via, status, through_types;  // empty via/status/through_types: all
  std::set<std::string> avoid_entities, avoid_relations;
  Direction direction = Direction::kAny;
  std::optional<int> max_hops;
  std::optional<Date> as_of, window_from, window_to;
};

/// A random filter, as the tool's FilterSpec and as the oracle's query.
void RandomFilter(std::mt19937& rng, const Case& c, FilterSpec* spec, OracleQuery* oq);

/// The days a relation may stand for: an event's date, a span from its start's first day to its
/// end's last day (open ends: kFirstDay, kLastDay); nullopt when undated.
std::optional<std::pair<Day, Day>> OracleInterval(const Relation& r);

/// Does relation r count under q's time filters (DESIGN.md's --as-of and --from/--to)?
bool OracleTimeAllows(const Relation& r, const OracleQuery& q);

/// May relation r be crossed forward (from its `from` end) or backward under q?
bool OracleAllows(const Case& c, const Relation& r, bool forward, const OracleQuery& q);

/// May entity e be an intermediate stop under q?
bool OracleAllowsStop(const Entity& e, const OracleQuery& q);

struct OraclePath {
  std::vector<std::pair<size_t, bool>> hops;  // (relation index, forward)
  double cost = 0;                            // sum of weights
  size_t length() const { return hops.size(); }
};

/// Every simple path (no entity twice) from `from` to `to` (entity indices) that q allows,
/// within q.max_hops when set.
std::vector<OraclePath> EnumerateSimplePaths(const Case& c, size_t from, size_t to, const OracleQuery& q);

/// REQUIREs that p is a walk from `from` to `to` repeating no entity, every hop allowed by q,
/// within q.max_hops, with the right cost (sum of weights when weighted, else hop count).
void RequireValidPath(const Case& c, const Path& p, EntityId from, EntityId to, const OracleQuery& q,
                      bool weighted);

}  // namespace casegraph::testing
