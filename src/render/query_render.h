// Pattern query answers: an aligned table for people (relationships as `from -label-> to`, their
// quotes below the row), JSON for scripts (nodes, relationships as path hops with evidence,
// paths as path answers), and RFC 4180 CSV.
#pragma once

#include <string>

#include "graph/graph.h"
#include "query/cypher/query.h"
#include "render/text_style.h"

namespace casegraph {

std::string RenderQueryText(const Graph& g, const cypher::QueryAnswer& answer, size_t row_limit,
                            const TextStyle& style = TextStyle());
/// {"casegraph": 1, "query": {"command": "query", "text", "params"}, "columns", "rows", "truncated"}.
std::string RenderQueryJson(const Graph& g, const std::string& text, const cypher::ValueMap& params,
                            const cypher::QueryAnswer& answer, bool pretty = true);
std::string RenderQueryCsv(const Graph& g, const cypher::QueryAnswer& answer);

/// A value as JSON (for answers and for the echo of parameters), written by out.
class JsonOut;
void WriteValueJson(const Graph& g, const cypher::Value& v, JsonOut* out);

}  // namespace casegraph
