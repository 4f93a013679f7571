// Pattern queries, stage 4: the planner. A MATCH's pattern as steps for the matcher: each part
// starts at its most selective node (one bound by an earlier clause, then one found by its id,
// then by its name, then by its label, then any) and expands from there along its relationships,
// both ways; each WHERE condition is tested as soon as the variables it reads are bound.
#pragma once

#include <vector>

#include "graph/graph.h"
#include "query/cypher/ast.h"

namespace casegraph::cypher {

/// How a part's first node is found.
struct StartAccess {
  enum class Kind : uint8_t { kBound, kById, kByName, kAll };
  Kind kind = Kind::kAll;
  const Expr* key = nullptr;  // kById, kByName: the value to look up
};

struct MatchStep {
  enum class Kind : uint8_t { kStart, kExpand, kVarExpand, kShortest, kPath };
  Kind kind = Kind::kStart;
  int part = 0;
  int node = 0;           // kStart: the node found; kExpand, kVarExpand: the node reached
  int rel = 0;            // the relationship crossed (rels[rel] joins nodes[rel] and nodes[rel + 1])
  bool rightward = true;  // crossed from nodes[rel] to nodes[rel + 1]
  StartAccess access;     // kStart
  bool node_bound = false;  // the node's slot is bound already (earlier clause or step): check, do not bind
  std::vector<const Expr*> filters;  // WHERE conditions to test once this step is done
};

struct MatchPlan {
  std::vector<MatchStep> steps;
  std::vector<const Expr*> filters;  // conditions on earlier variables only: tested first
  bool uses_relationships = false;   // a fixed-length relationship: uniqueness to keep
};

/// counting: the matches will only be counted (Matcher::Count), so the plan ends, where it can
/// at no cost, with a step that count mode counts rather than walks.
MatchPlan PlanMatch(const Pattern& pattern, const Expr* where, const Graph& g, bool counting = false);

}  // namespace casegraph::cypher
