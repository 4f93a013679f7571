// Query parameters from the command line and batch lines: JSON values as pattern-query values.
#pragma once

#include <rapidjson/document.h>

#include <string>

#include "model/status.h"
#include "query/cypher/value.h"

namespace casegraph::cli {

/// A JSON value as a query value (integers stay integers, objects become maps).
cypher::Value ValueFromJson(const rapidjson::Value& v);

/// --param NAME=VALUE: VALUE as JSON when it parses as JSON, else as a string.
Result<std::pair<std::string, cypher::Value>> ParseParam(const std::string& assignment);

}  // namespace casegraph::cli
