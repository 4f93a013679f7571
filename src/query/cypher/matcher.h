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
  void Use(RelationId r);
  void Unuse();
  bool PrepareValues(ValueList& row);
  template <typename Fn>
  void ForEachStepFrom(EntityId u, int part, int rel, bool rightward, Fn&& fn) const;

  static constexpr int kLongMatch = 8;  // relationships; more, and used_flags_ is kept

  const Pattern& pattern_;
  const MatchPlan& plan_;
  const EvalContext& ctx_;
  const Graph& g_;
  Budget* budget_;
  int all_paths_limit_;
  RowSink* sink_ = nullptr;
  bool found_ = false;
  std::vector<RelationId> used_;   // relationships of the match so far
  // used_ as flags by RelationId, kept only for patterns whose matches may be long (a scan of a
  // few is faster than touching a flag per relation of the graph).
  std::vector<char> used_flags_;
  std::vector<std::vector<char>> any_symmetric_;  // by part and relationship: may a symmetric type match?
  std::vector<TrailStep> trail_;   // the variable-length relationship being expanded
  std::vector<char> symmetric_;    // by TypeId
  // The values of the pattern's property maps, for the row being extended.
  std::vector<std::vector<std::vector<Value>>> node_values_, rel_values_;
  std::vector<std::optional<TraversalFilter>> shortest_filters_;  // by part
};

}  // namespace casegraph::cypher
