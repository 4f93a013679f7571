#include "render/text_style.h"

namespace casegraph {

std::string TextStyle::Arrow(const std::string& label) const {
  if (!fancy) return " --" + label + "-> ";
  return " —\x1b[36m" + label + "\x1b[0m→ ";
}

std::string TextStyle::Quote(const std::string& text) const {
  if (!fancy) return "\"" + text + "\"";
  return "“\x1b[3m" + text + "\x1b[0m”";
}

std::string TextStyle::Name(const std::string& name) const {
  if (!fancy) return name;
  return "\x1b[1m" + name + "\x1b[0m";
}

}  // namespace casegraph
