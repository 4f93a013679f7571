// Graphviz's SVG as a list of what it paints, for pages that draw large cases on a canvas: a
// browser opens thousands of SVG elements in over a second, a list of shapes in a few
// milliseconds, and paints it with the same coordinates, colours, line widths and dashes.
#pragma once

#include <string>
#include <string_view>

namespace casegraph {

/// JSON: {"viewBox": [x, y, w, h], "transform": [sx, sy, tx, ty], "items": [...]} where each
/// item is one of Graphviz's groups in drawing order, {"k": "graph"|"cluster"|"node"|"edge",
/// "title": a node's <title> (its name), "id": the other groups' id, "b": [x0, y0, x1, y1] the box of
/// its shapes, "s": [shapes]}, and a shape is either a path {"d": SVG path data (polygons,
/// polylines and ellipses are written as paths), "f": fill, "st": stroke, "w": stroke width,
/// "da": dash array, "fo"/"so": fill and stroke opacity} or a text {"t": the text, "x", "y",
/// "a": text-anchor, "ff": font family, "fs": font size, "fw": weight, "fi": style, "f": fill}.
/// Paint the SVG's defaults apply to what is absent (fill black, no stroke, width 1). Only
/// what Graphviz writes is read: groups, titles, paths, polygons, polylines, ellipses and texts;
/// links and images are left out.
std::string SvgShapesJson(std::string_view svg);

}  // namespace casegraph
