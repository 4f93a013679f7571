// Path answers for people (one hop per line, with its evidence) and for scripts (JSON).
#pragma once

#include <string>

#include "graph/graph.h"
#include "query/path.h"
#include "render/describe.h"
#include "render/text_style.h"

namespace casegraph {

/// Paths for people. weighted: show each path's cost and each hop's weight.
std::string RenderPathText(const Graph& g, const PathQuery& query, const PathAnswer& answer, int limit,
                           const TextStyle& style = TextStyle());
/// Paths as JSON (see README); weighted paths give each hop its "cost".
std::string RenderPathJson(const Graph& g, const QueryEcho& query, const PathAnswer& answer, bool weighted,
                           bool pretty = true);

/// The lines that show one relation crossed in one direction: "A —label→ B", then date, status
/// and id, then each evidence quote with its source. indent prefixes every line.
std::string RenderHopText(const Graph& g, const Hop& hop, const std::string& indent,
                          const TextStyle& style = TextStyle());

}  // namespace casegraph
