// `stats` and `check` answers.
#pragma once

#include <string>

#include "model/location.h"
#include "query/stats.h"
#include "render/describe.h"

namespace casegraph {

std::string RenderStatsText(const Graph& g, const GraphStats& s);
std::string RenderStatsJson(const Graph& g, const QueryEcho& query, const GraphStats& s, bool pretty = true);

/// check: a one-line summary when the graph is valid ("ok: ..."), else nothing (the
/// diagnostics go to stderr). quotes_checked counts the quotes verified against their files.
std::string RenderCheckText(const GraphStats& s, size_t quotes_checked);
/// check as JSON: "ok", "diagnostics" [{file, line, column, message}], and counts when valid.
std::string RenderCheckJson(const QueryEcho& query, const Diagnostics& diagnostics, const GraphStats* s,
                            size_t quotes_checked, bool pretty = true);

}  // namespace casegraph
