#include "text/unicode.h"

#include <utf8proc.h>

#include <cstdlib>

namespace casegraph {

namespace {

// Decodes one code point at text[*pos]; advances *pos. Invalid input yields U+FFFD and one byte.
char32_t DecodeOne(std::string_view text, size_t* pos) {
  utf8proc_int32_t cp = 0;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + *pos),
                                        static_cast<utf8proc_ssize_t>(text.size() - *pos), &cp);
  if (n <= 0) {
    *pos += 1;
    return 0xFFFD;
  }
  *pos += static_cast<size_t>(n);
  return static_cast<char32_t>(cp);
}

void AppendUtf8(char32_t cp, std::string* out) {
  utf8proc_uint8_t buffer[4];
  utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buffer);
  out->append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(n));
}

// Maps typographic punctuation to ASCII; returns 0 if cp is not such a character.
char PlainPunctuation(char32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB: case 0x2033: return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: return '-';
    default: return 0;
  }
}

bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0x00A0 ||
         cp == 0x2009 || cp == 0x202F || cp == 0x200A || cp == 0x3000;
}

// Plain punctuation, collapsed whitespace, trimmed ends.
std::string PlainText(std::string_view text, std::vector<uint32_t>* newlines = nullptr) {
  std::string out;
  bool pending_space = false;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    const unsigned char byte = static_cast<unsigned char>(text[pos]);
    const char32_t cp = byte < 0x80 ? (++pos, byte) : DecodeOne(text, &pos);  // ASCII: no decoding
    if (cp == '\n' && newlines) newlines->push_back(static_cast<uint32_t>(out.size()));
    if (IsSpace(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (char plain = PlainPunctuation(cp)) {
      out += plain;
    } else {
      AppendUtf8(cp, &out);
    }
  }
  return out;
}

}  // namespace

std::vector<char32_t> CodePoints(std::string_view utf8) {
  std::vector<char32_t> out;
  out.reserve(utf8.size());
  for (size_t pos = 0; pos < utf8.size();) out.push_back(DecodeOne(utf8, &pos));
  return out;
}

size_t CountCodePoints(std::string_view utf8) {
  size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

bool IsValidUtf8(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                                          static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    if (n <= 0) return false;
    pos += static_cast<size_t>(n);
  }
  return true;
}

namespace {

bool IsAscii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// NameKey of ASCII text: whitespace runs collapsed, ends trimmed, A-Z folded (ASCII is in NFC
// already, and case folding maps no other ASCII character).
std::string AsciiNameKey(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  for (char c : name) {
    if (IsAsciiSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += AsciiLower(c);
  }
  return out;
}

}  // namespace

std::string NameKey(std::string_view name) { return IsAscii(name) ? AsciiNameKey(name) : internal::UnicodeNameKey(name); }

std::string internal::UnicodeNameKey(std::string_view name) {
  const std::string plain = PlainText(name);
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(plain.data()),
                                    static_cast<utf8proc_ssize_t>(plain.size()), &mapped,
                                    static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                                   UTF8PROC_CASEFOLD));
  if (n < 0) {  // not valid UTF-8: fall back to ASCII lower case
    std::string out = plain;
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  std::string out(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n));
  std::free(mapped);
  return out;
}

std::string NormalizeForQuoteMatch(std::string_view text) { return PlainText(text); }

std::string NormalizeForQuoteMatch(std::string_view text, std::vector<uint32_t>* newlines) {
  return PlainText(text, newlines);
}

std::string LowerCase(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (size_t pos = 0; pos < utf8.size();) {
    AppendUtf8(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(DecodeOne(utf8, &pos)))), &out);
  }
  return out;
}

std::string UpperCase(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (size_t pos = 0; pos < utf8.size();) {
    AppendUtf8(static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(DecodeOne(utf8, &pos)))), &out);
  }
  return out;
}

}  // namespace casegraph

namespace casegraph {

namespace {

// The name without a trailing "(ABBR)" of at most 12 characters, when something precedes it.
std::string_view WithoutAbbreviation(std::string_view name) {
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  if (name.empty() || name.back() != ')') return name;
  const size_t open = name.rfind('(');
  if (open == std::string_view::npos || open == 0) return name;
  const std::string_view inside = name.substr(open + 1, name.size() - open - 2);
  if (inside.empty() || CountCodePoints(inside) > 12 || inside.find_first_of("()") != std::string_view::npos) {
    return name;
  }
  std::string_view before = name.substr(0, open);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  return before.empty() ? name : before;
}

// LooseNameKey of ASCII text: of its NameKey, the letters and digits, words separated by one
// space (an apostrophe or a full stop joins, as in the Unicode path).
std::string AsciiLooseNameKey(std::string_view name) {
  const std::string key = AsciiNameKey(WithoutAbbreviation(name));
  std::string out;
  out.reserve(key.size());
  bool pending_space = false;
  for (char c : key) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
      if (c != '\'' && c != '.') pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::string LooseNameKey(std::string_view name) {
  return IsAscii(name) ? AsciiLooseNameKey(name) : internal::UnicodeLooseNameKey(name);
}

std::string internal::UnicodeLooseNameKey(std::string_view name) {
  const std::string key = NameKey(WithoutAbbreviation(name));
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(key.data()),
                                          static_cast<utf8proc_ssize_t>(key.size()), &mapped,
                                          static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
                                                                         UTF8PROC_STRIPMARK));
  const std::string bare = n < 0 ? key : std::string(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n));
  std::free(mapped);
  std::string out;
  bool pending_space = false;
  for (size_t pos = 0; pos < bare.size();) {
    const char32_t cp = DecodeOne(bare, &pos);
    const utf8proc_category_t category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    const bool letter_or_digit = (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
                                 (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO);
    if (!letter_or_digit) {
      // Apostrophes join ("O'Brien" is "obrien"); every other mark separates.
      if (cp != '\'' && cp != '.') pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    AppendUtf8(cp, &out);
  }
  return out;
}

}  // namespace casegraph
