// JSON string literals, quoted and escaped as RapidJSON's writers write them.
#pragma once

#include <string>
#include <string_view>

namespace casegraph {

/// Whether a JSON writer escapes nothing in s (it escapes '"', '\\' and bytes below 0x20;
/// UTF-8 passes as it is). Inline: JsonOut asks it of every key and string.
inline bool NeedsNoJsonEscape(std::string_view s) {
  unsigned bad = 0;
  for (unsigned char c : s) bad |= (c < 0x20) | (c == '"') | (c == '\\');
  return !bad;
}

/// Appends the JSON string literal of s, quotes included, to out.
void AppendJsonQuoted(std::string* out, std::string_view s);

/// The JSON string literal of s, quotes included.
inline std::string JsonQuoted(std::string_view s) {
  std::string out;
  AppendJsonQuoted(&out, s);
  return out;
}

}  // namespace casegraph
