// Pattern queries, stage 5: the executor. A bound query as a pipeline of operators, one per
// clause, that rows are pushed through: MATCH extends each row by the matcher, UNWIND by a list,
// WITH and RETURN project, group and aggregate, sort and cut; rows stream where nothing needs
// them all (a count over millions of matches holds none), and a LIMIT stops what feeds it.
#pragma once

#include "query/cypher/ast.h"
#include "query/cypher/query.h"

namespace casegraph::cypher {

Result<QueryAnswer> Execute(const Query& q, const Graph& g, const ValueMap& params, const QueryOptions& options);

}  // namespace casegraph::cypher
