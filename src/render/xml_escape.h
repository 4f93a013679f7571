// Text for XML and HTML-like markup (GraphML, Graphviz HTML labels).
#pragma once

#include <string>
#include <string_view>

namespace casegraph {

/// & < > " ' and carriage return as character references (a raw carriage return is read back as
/// a line feed); control characters that XML 1.0 cannot hold (all below U+0020 but tab, line
/// feed and carriage return) dropped.
std::string XmlEscape(std::string_view text);

}  // namespace casegraph
