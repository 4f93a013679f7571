// Running Graphviz's dot, when it is installed.
#pragma once

#include <string>

namespace casegraph::cli {

/// Renders DOT text to SVG with `dot -Tsvg`. On failure returns false and sets *error (including
/// how to install Graphviz when dot is not on the PATH).
bool RenderSvg(const std::string& dot, std::string* svg, std::string* error);

}  // namespace casegraph::cli
