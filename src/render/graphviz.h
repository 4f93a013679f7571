// Running Graphviz's dot, when it is installed: DOT text to SVG.
#pragma once

#include <cstddef>
#include <string>

#include "model/status.h"

namespace casegraph {

/// How Graphviz places the drawing: dot's layers (the default), or sfdp's forces, which stay fast
/// where dot's crossing minimisation does not (2,000 entities: 3 s instead of over 10 minutes).
enum class GraphvizLayout { kLayers, kForces };

/// The layout for a drawing of this many entities and relations: layers up to 400 entities and
/// 800 relations, forces beyond (where export draws relations without labels: unreadable at that
/// density, and a third of the time a browser takes to open the drawing).
inline GraphvizLayout LayoutFor(size_t entities, size_t relations) {
  return entities > 400 || relations > 800 ? GraphvizLayout::kForces : GraphvizLayout::kLayers;
}

/// Renders DOT text to SVG with `dot -Tsvg` (`-Ksfdp` for kForces). Errors: dot is not on the
/// PATH (unsupported, naming the export's field `to` and how to install Graphviz), or it failed
/// (what it said).
Result<std::string> RenderSvg(const std::string& dot, GraphvizLayout layout = GraphvizLayout::kLayers);

}  // namespace casegraph
