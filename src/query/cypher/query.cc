#include "query/cypher/query.h"

#include "query/cypher/binder.h"
#include "query/cypher/executor.h"
#include "query/cypher/parser.h"

namespace casegraph::cypher {

Result<QueryAnswer> RunQuery(const Graph& g, std::string_view text, const ValueMap& params, const QueryOptions& options) {
  Result<Query> parsed = Parse(text);
  if (!parsed.ok()) return parsed.status();
  Query& q = parsed.value();
  if (Status s = Bind(&q, text, g, params); !s.ok()) return s;
  return Execute(q, g, params, options);
}

}  // namespace casegraph::cypher
