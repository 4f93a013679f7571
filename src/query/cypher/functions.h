// The functions a pattern query may call: scalar functions (type, labels, id, length, nodes,
// relationships, coalesce, toLower, toUpper, size, ...), casegraph's time functions (first_day,
// last_day, as_of, overlaps, with the command line's interval semantics) and the aggregates
// (count, collect, sum, avg, min, max), which the executor computes.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "query/cypher/evaluator.h"

namespace casegraph::cypher {

using ScalarFunction = Result<Value> (*)(const EvalContext& ctx, std::vector<Value>& args, const Expr& call);

struct FunctionInfo {
  const char* name;  // lower case, as looked up
  const char* written;  // as documented: toLower
  int min_args, max_args;  // max_args -1: any number
  bool aggregate;
  ScalarFunction scalar;  // null for aggregates
  const char* summary;    // for help
};

/// Every function, in the order help lists them.
std::span<const FunctionInfo> Functions();

/// The index of the function of that (lower-case) name, or -1.
int FindFunction(std::string_view name);

}  // namespace casegraph::cypher
