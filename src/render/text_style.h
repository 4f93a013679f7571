// How text answers look: Unicode punctuation and ANSI colour on a terminal, plain ASCII when
// piped (or with NO_COLOR, or --color never), so scripts and files get stable plain text.
#pragma once

#include <string>

namespace casegraph {

struct TextStyle {
  bool fancy = false;  // Unicode arrows, dashes and quotes, and colour

  /// "—label→" or "--label->", the relation label in colour.
  std::string Arrow(const std::string& label) const;
  /// "→" or "->".
  std::string To() const { return fancy ? "→" : "->"; }
  /// " · " or " | ".
  std::string Sep() const { return fancy ? " · " : " | "; }
  /// “quote” or "quote".
  std::string Quote(const std::string& text) const;
  /// "—" or "--".
  std::string Dash() const { return fancy ? "—" : "--"; }
  /// An entity name, bold on a terminal.
  std::string Name(const std::string& name) const;
};

}  // namespace casegraph
