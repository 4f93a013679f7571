// Graphviz DOT output.
#pragma once

#include <string>
#include <string_view>

#include "graph/graph.h"
#include "query/path.h"

namespace casegraph {

/// A DOT double-quoted string: quotes and backslashes escaped, line breaks as \n, so that
/// no content can end the string or smuggle in escString sequences (\N, \G, \l, ...).
std::string DotQuote(std::string_view text);

/// The entities and relations of the found paths as a small DOT digraph: relations are drawn as
/// written (from -> to) with their label and date; the tooltip holds the first quote.
std::string RenderPathsDot(const Graph& g, const PathAnswer& answer);

}  // namespace casegraph
