// Pattern queries: `casegraph query`, a read-only subset of openCypher over the immutable graph.
// Each entity is a node labelled with its type; each relation a relationship of its type, with
// its evidence; time functions keep casegraph's interval semantics. The stages, each in its own
// file here: lexer, parser, binder, planner, and the executor (matcher, evaluator, functions,
// aggregates). See `casegraph help query` and README "Pattern queries".
#pragma once

#include <cstdint>
#include <memory>
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

struct Query;

/// A query parsed, checked and planned once against a graph, to run many times with different
/// parameter values (what a script asking the same question of many entities wants).
class PreparedQuery {
 public:
  /// The query's syntax and names checked as RunQuery does; param_names are the parameters it
  /// will be given (a $name not among them is an error here). The graph must outlive the result.
  static Result<PreparedQuery> Prepare(const Graph& g, std::string_view text, std::vector<std::string> param_names);
  /// Runs it. params: a value for each name given to Prepare (a missing one is an error).
  Result<QueryAnswer> Run(const ValueMap& params, const QueryOptions& options = {}) const;
  const std::vector<std::string>& param_names() const { return param_names_; }

 private:
  PreparedQuery(const Graph* g, std::shared_ptr<const Query> q, std::vector<std::string> names)
      : graph_(g), query_(std::move(q)), param_names_(std::move(names)) {}
  const Graph* graph_;
  std::shared_ptr<const Query> query_;
  std::vector<std::string> param_names_;
};

/// The queries a session has prepared, by text and parameter names, for one graph (asked of
/// another, it forgets them; a graph loaded again needs a new cache); the least recently used
/// goes when there are more than capacity. Not thread-safe.
class QueryCache {
 public:
  explicit QueryCache(size_t capacity = 64) : capacity_(capacity) {}
  /// The prepared query for text and params' names, prepared now if it is not held.
  Result<PreparedQuery> Get(const Graph& g, std::string_view text, const ValueMap& params);

 private:
  struct Entry {
    std::string key;
    PreparedQuery query;
    uint64_t used;
  };
  size_t capacity_;
  uint64_t clock_ = 0;
  const Graph* graph_ = nullptr;
  std::vector<Entry> entries_;
};

}  // namespace casegraph::cypher
