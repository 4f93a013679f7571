// The interactive view: one self-contained HTML page holding the Graphviz drawing, the case's
// data as JSON and the page's own script and style (export --to html).
#pragma once

#include <string>

#include "graph/graph.h"
#include "query/subgraph.h"

namespace casegraph {

/// The page for the subgraph s, drawn as svg (RenderSvg of RenderDot of s). Nothing in it asks
/// for anything outside the file. Every user string is escaped for where it stands: HTML text,
/// the SVG (Graphviz's, already XML-escaped) and the embedded JSON, where '<', '>', '&' and the
/// JavaScript line separators are written as \u escapes so that no name can end the script.
std::string RenderHtml(const Graph& g, const Subgraph& s, const std::string& svg, const std::string& title);

/// The page's script and style sheet (src/render/html_assets.cc).
extern const char* const kHtmlScript;
extern const char* const kHtmlStyle;

}  // namespace casegraph
