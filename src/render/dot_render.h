// Graphviz DOT output: deterministic, every user string quoted and escaped.
#pragma once

#include <string>
#include <string_view>

#include "graph/graph.h"
#include "query/subgraph.h"

namespace casegraph {

/// A DOT double-quoted string: quotes and backslashes escaped, line breaks as \n, other control
/// characters dropped, so that no content can end the string or smuggle in escString sequences
/// (\N, \G, \l, ...).
std::string DotQuote(std::string_view text);

/// The subgraph as a DOT digraph: entities filled and shaped by type, relations drawn as written
/// (from -> to), coloured by type and labelled with their label and date, the first quote as
/// tooltip and the source's url as URL; highlighted relations bold and their entities outlined,
/// the rest greyed out; a legend (cluster_legend,
/// one HTML-like table whose every string is HTML-escaped) of the entity and relation types drawn.
/// Without relation_labels (for drawings too dense to read them), only highlighted relations are
/// labelled, and denied ones marked "(denied)"; the tooltips stay.
std::string RenderDot(const Graph& g, const Subgraph& s, const std::string& title, bool relation_labels = true);

}  // namespace casegraph
