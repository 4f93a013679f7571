// Pattern queries, execution: the matcher. Runs a MATCH's plan over the graph's compressed
// rows, depth first, extending an input row with every binding of the pattern: relationships
// are never used twice in one match (openCypher's relationship uniqueness), a symmetric relation
// matches in both directions, variable-length relationships are trails, and shortestPath and
// allShortestPaths are the path engine's searches (query/shortest_path.cc, all_shortest.cc).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "query/cypher/evaluator.h"
#include "query/cypher/planner.h"
#include "query/filter.h"

namespace casegraph::cypher {

/// What one query's searches share: a bound on the work they do (so that no query runs for
/// ever), and the first error, which stops everything.
struct Budget {
  uint64_t steps = 0;
  uint64_t max_steps = 0;
  Status error;

  /// Counts n steps; false (with the error set) once the bound is passed.
  bool Spend(uint64_t n = 1) {
    steps += n;
    if (steps <= max_steps) return true;
    if (error.ok()) {
      error = Status::InvalidInput(Message("the query stopped after ", std::to_string(max_steps),
                                           " steps of matching: narrow its patterns (labels, types, ids, hop bounds) or raise ",
                                           Field("max_steps")));
    }
    return false;
  }
  bool Fail(Status s) {
    if (error.ok()) error = std::move(s);
    return false;
  }
};

/// Where matched rows go. Push returns false to stop: the consumer has enough, or failed (with
/// the budget's error set).
class RowSink {
 public:
  virtual ~RowSink() = default;
  virtual bool Push(ValueList& row) = 0;
};

class Matcher {
 public:
  /// all_paths_limit: how many paths allShortestPaths lists for one pair at most.
  Matcher(const Pattern& pattern, const MatchPlan& plan, const EvalContext& ctx, Budget* budget, int all_paths_limit);

  /// Pushes every match extending row (the pattern's slots set in it) to sink; false when the
  /// sink or the budget stopped it. found, when given, tells whether anything matched.
  bool Run(ValueList& row, RowSink* sink, bool* found = nullptr);

 private:
  struct TrailStep {
    RelationId relation;
    EntityId other;
    bool out;  // found among the out-relations of the entity it left
  };

  bool Step(size_t i, ValueList& row);
  bool Next(size_t i, ValueList& row);
  bool Start(const MatchStep& s, size_t i, ValueList& row);
  bool Expand(const MatchStep& s, size_t i, ValueList& row);
  bool VarExpand(const MatchStep& s, size_t i, ValueList& row, EntityId at, int depth);
  bool BindVarTarget(const MatchStep& s, size_t i, ValueList& row, EntityId at);
  bool Shortest(const MatchStep& s, size_t i, ValueList& row);
  bool BindPath(const MatchStep& s, size_t i, ValueList& row);
  bool NodeMatches(int part, int node, EntityId v, ValueList& row);
  bool RelationMatches(int part, int rel, RelationId r);
  bool Used(RelationId r) const;
  bool PrepareValues(ValueList& row);
  template <typename Fn>
  void ForEachStepFrom(EntityId u, const RelPattern& r, bool rightward, Fn&& fn) const;

  const Pattern& pattern_;
  const MatchPlan& plan_;
  const EvalContext& ctx_;
  const Graph& g_;
  Budget* budget_;
  int all_paths_limit_;
  RowSink* sink_ = nullptr;
  bool found_ = false;
  std::vector<RelationId> used_;   // relationships of the match so far
  std::vector<TrailStep> trail_;   // the variable-length relationship being expanded
  std::vector<char> symmetric_;    // by TypeId
  // The values of the pattern's property maps, for the row being extended.
  std::vector<std::vector<std::vector<Value>>> node_values_, rel_values_;
  std::vector<std::optional<TraversalFilter>> shortest_filters_;  // by part
};

}  // namespace casegraph::cypher
