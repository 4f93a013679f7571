// Pattern queries, stage 2: the parser. Tokens to a syntax tree (ast.h), by recursive descent
// over openCypher's read-only grammar. Errors say where ("query:1:14") and what was expected;
// clauses that write (CREATE, MERGE, SET, DELETE, REMOVE, ...) are refused, since case files are
// the source of truth.
#pragma once

#include <string_view>

#include "model/status.h"
#include "query/cypher/ast.h"

namespace casegraph::cypher {

/// How deeply expressions and patterns may nest: deeper is an error, never a stack overflow.
constexpr int kMaxNesting = 200;
/// The deepest a query's expression tree may grow, operators in a row included (a OR b OR c is
/// two deep): what evaluating it recursively can afford.
constexpr int kMaxExpressionDepth = 1000;

Result<Query> Parse(std::string_view text);

}  // namespace casegraph::cypher
