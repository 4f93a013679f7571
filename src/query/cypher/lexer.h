// Pattern queries, stage 1: the lexer. Query text to tokens, each with its place (line and
// column, counted in characters, from 1), so that every later error can say where it is.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"

namespace casegraph::cypher {

/// A place in the query text.
struct Place {
  uint32_t offset = 0;  // byte offset
  int line = 1;
  int column = 1;
};

enum class TokenKind {
  kEnd,
  kIdentifier,  // a name; keywords are identifiers too, told apart by the parser (case-insensitively)
  kInteger,
  kFloat,
  kString,     // text holds the unescaped value
  kParameter,  // $name: text holds the name
  kSymbol,     // punctuation and operators: ( ) [ ] { } , . .. : | ; = <> < <= > >= + - * / % ^ -> <- =~
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;  // identifier (backquotes removed), number as written, string value, symbol
  Place place;
  uint32_t end = 0;  // byte offset one past the token
  bool quoted = false;  // an identifier written in backquotes: never a keyword
};

/// The longest query text and literal the lexer accepts.
constexpr size_t kMaxQueryBytes = size_t{1} << 20;   // 1 MiB
constexpr size_t kMaxLiteralBytes = size_t{64} << 10;  // 64 KiB

/// Splits text into tokens (the last is kEnd). Errors (invalid input, placed at "query:LINE:COL"):
/// an unterminated string or comment, an invalid escape, a character that starts no token, a
/// literal or query over the limits, invalid UTF-8.
Result<std::vector<Token>> Tokenize(std::string_view text);

/// The location of a place, as errors give it: file "query".
Location QueryLocation(const Place& place);

}  // namespace casegraph::cypher
