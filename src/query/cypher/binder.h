// Pattern queries, stage 3: the binder. Checks a parsed query against the graph and its
// vocabulary, and annotates it in place: each variable gets the slot of a row that holds its
// value, labels become entity types, relationship types become the graph's type numbers,
// functions are looked up, aggregates numbered. Every name that does not exist is an error at
// its place with a suggestion ("unknown label 'platfrom'; did you mean 'platform'?").
#pragma once

#include <string_view>

#include "graph/graph.h"
#include "model/status.h"
#include "query/cypher/ast.h"

namespace casegraph::cypher {

Status Bind(Query* query, std::string_view text, const Graph& g, const ValueMap& params);

}  // namespace casegraph::cypher
