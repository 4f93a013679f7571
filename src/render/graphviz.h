// Running Graphviz's dot, when it is installed: DOT text to SVG.
#pragma once

#include <string>

#include "model/status.h"

namespace casegraph {

/// Renders DOT text to SVG with `dot -Tsvg`. Errors: dot is not on the PATH (unsupported, naming the
/// export's field `to` and how to install Graphviz), or it failed (what it said).
Result<std::string> RenderSvg(const std::string& dot);

}  // namespace casegraph
