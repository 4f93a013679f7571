// Unicode helpers: the normal form under which names are compared, and code point access.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace casegraph {

/// The key under which a name is looked up: NFC, case-folded (Latin, Cyrillic, ... alike),
/// typographic apostrophes and quotes made plain, whitespace runs collapsed, ends trimmed.
std::string NameKey(std::string_view name);

/// A looser key, under which two names are probably one entity: NameKey's, then accents
/// removed, punctuation and symbols dropped (a hyphen or slash counts as a space), whitespace
/// collapsed, and a trailing parenthesised abbreviation of up to 12 characters left out
/// ("Roskomnadzor (RKN)" -> "roskomnadzor").
std::string LooseNameKey(std::string_view name);

namespace internal {
/// NameKey and LooseNameKey through Unicode's tables whatever the text: the two above take a
/// shorter path for plain ASCII (most names of large cases), and must agree with these.
std::string UnicodeNameKey(std::string_view name);
std::string UnicodeLooseNameKey(std::string_view name);
}  // namespace internal

/// The code points of a UTF-8 string; an invalid byte becomes U+FFFD.
std::vector<char32_t> CodePoints(std::string_view utf8);

/// The number of characters in UTF-8 text, as columns count them: its bytes that do not continue
/// a character.
size_t CountCodePoints(std::string_view utf8);

/// The UTF-8 byte-order mark a file may start with; it is not part of the text.
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

/// The length of the byte-order mark that text starts with: 3, or 0 when it has none.
inline size_t ByteOrderMarkLength(std::string_view text) {
  return text.substr(0, kByteOrderMark.size()) == kByteOrderMark ? kByteOrderMark.size() : 0;
}

/// The text with every character in lower (upper) case, one character for one (simple case
/// mapping, as Unicode data gives it); invalid bytes become U+FFFD.
std::string LowerCase(std::string_view utf8);
std::string UpperCase(std::string_view utf8);

/// True if the string is well-formed UTF-8.
bool IsValidUtf8(std::string_view text);

/// Replaces typographic quotes (‘ ’ “ ” „ « ») and dashes (‐ ‑ ‒ – — ―) by ASCII ones and
/// collapses every whitespace run to one space; used to compare quotes with their sources.
std::string NormalizeForQuoteMatch(std::string_view text);

/// As NormalizeForQuoteMatch; *newlines receives, for each line break of the text, the offset in
/// the result before which it fell, so that the line of a result offset p is one more than the
/// number of those offsets below p.
std::string NormalizeForQuoteMatch(std::string_view text, std::vector<uint32_t>* newlines);

}  // namespace casegraph
