// Pattern queries: `casegraph query`, a read-only subset of openCypher over the immutable graph.
// Each entity is a node labelled with its type; each relation a relationship of its type, with
// its evidence; time functions keep casegraph's interval semantics. The stages, each in its own
// file here: lexer, parser, binder, planner, and the executor (matcher, evaluator, functions,
// aggregates). See `casegraph help query` and README "Pattern queries".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.h"
#include "model/status.h"
#include "query/cypher/value.h"

namespace casegraph::cypher {

struct QueryOptions {
  /// Rows the answer may hold; a query with more stops there, and says so (truncated).
  size_t row_limit = 10000;
  /// Steps of matching (relationships and entities looked at, rows unwound) a query may take
  /// before it stops with an error: no query runs for ever. The default, 2^28, is some seconds
  /// of the slowest matching (long variable-length trails).
  uint64_t max_steps = uint64_t{1} << 28;
  /// Rows an ORDER BY, DISTINCT, aggregation or UNION may hold while it works.
  size_t max_held_rows = size_t{4} << 20;
};

struct QueryAnswer {
  std::vector<std::string> columns;
  std::vector<ValueList> rows;
  bool truncated = false;  // the query had more rows than options.row_limit
};

/// Parses, checks and runs a query with its parameters. Errors are invalid input, placed in the
/// query ("query:1:14"): syntax, unknown names (with suggestions), writes, unbounded patterns,
/// type errors while it runs, or a query that passes its budget.
Result<QueryAnswer> RunQuery(const Graph& g, std::string_view text, const ValueMap& params = {},
                             const QueryOptions& options = {});

}  // namespace casegraph::cypher
