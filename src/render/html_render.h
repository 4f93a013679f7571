// The interactive view: one self-contained HTML page holding the Graphviz drawing, the case's
// data as JSON and the page's own script and style (export --to html).
#pragma once

#include <string>

#include "graph/graph.h"
#include "query/subgraph.h"
#include "render/graphviz.h"

namespace casegraph {

/// How the page shows Graphviz's drawing: as the SVG itself (elements the browser draws, styles
/// and tooltips included), or as the list of shapes the SVG paints (SvgShapesJson), painted by
/// the page on a canvas: a browser needs over a second to open an SVG of thousands of elements
/// and a tenth of that to paint the same shapes.
enum class HtmlDrawing { kSvg, kCanvas };

/// The drawing for a subgraph laid out as `layout`: a canvas where Graphviz lays out by forces
/// (the large drawings), the SVG elsewhere.
inline HtmlDrawing HtmlDrawingFor(GraphvizLayout layout) {
  return layout == GraphvizLayout::kForces ? HtmlDrawing::kCanvas : HtmlDrawing::kSvg;
}

/// The page for the subgraph s, drawn as svg (RenderSvg of RenderDot of s). Nothing in it asks
/// for anything outside the file. Every user string is escaped for where it stands: HTML text,
/// the SVG (Graphviz's, already XML-escaped) and the embedded JSON, where '<', '>', '&' and the
/// JavaScript line separators are written as \u escapes so that no name can end the script.
std::string RenderHtml(const Graph& g, const Subgraph& s, const std::string& svg, const std::string& title,
                       HtmlDrawing drawing = HtmlDrawing::kSvg);

/// The page's script and style sheet (src/render/html_assets.cc), and the script that shows the
/// drawing, as SVG or on a canvas (src/render/html_drawing.cc).
extern const char* const kHtmlDrawingScript;
extern const char* const kHtmlScript;
extern const char* const kHtmlStyle;

}  // namespace casegraph
