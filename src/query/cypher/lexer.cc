#include "query/cypher/lexer.h"

#include <cstring>

#include "text/unicode.h"

namespace casegraph::cypher {

namespace {

bool IsIdentifierStart(unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c >= 0x80; }
bool IsIdentifierChar(unsigned char c) { return IsIdentifierStart(c) || (c >= '0' && c <= '9'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  Result<std::vector<Token>> Run() {
    if (text_.size() > kMaxQueryBytes) {
      return Status::InvalidInput(Message("query of ", text_.size(), " bytes is longer than the limit of ", kMaxQueryBytes,
                                          " bytes"));
    }
    if (!IsValidUtf8(text_)) return Status::InvalidInput(Message("the query is not valid UTF-8"));
    std::vector<Token> tokens;
    for (;;) {
      if (Status s = SkipSpaceAndComments(); !s.ok()) return s;
      Token t;
      t.place = place_;
      if (pos_ >= text_.size()) {
        t.end = static_cast<uint32_t>(pos_);
        tokens.push_back(std::move(t));
        return tokens;
      }
      if (Status s = Next(&t); !s.ok()) return s;
      t.end = static_cast<uint32_t>(pos_);
      tokens.push_back(std::move(t));
    }
  }

 private:
  Status Error(const Place& at, Message m) { return Status::InvalidInput(std::move(m)).At(QueryLocation(at)); }

  void Advance(size_t n) {
    for (size_t i = 0; i < n && pos_ < text_.size(); ++i, ++pos_) {
      const unsigned char c = static_cast<unsigned char>(text_[pos_]);
      if (c == '\n') {
        ++place_.line;
        place_.column = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++place_.column;
      }
    }
    place_.offset = static_cast<uint32_t>(pos_);
  }
  char At(size_t i) const { return pos_ + i < text_.size() ? text_[pos_ + i] : '\0'; }

  Status SkipSpaceAndComments() {
    for (;;) {
      const char c = At(0);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        Advance(1);
      } else if (c == '/' && At(1) == '/') {
        while (pos_ < text_.size() && At(0) != '\n') Advance(1);
      } else if (c == '/' && At(1) == '*') {
        const Place start = place_;
        Advance(2);
        while (pos_ < text_.size() && !(At(0) == '*' && At(1) == '/')) Advance(1);
        if (pos_ >= text_.size()) return Error(start, Message("unterminated comment"));
        Advance(2);
      } else {
        return Status();
      }
    }
  }

  Status Next(Token* t) {
    const unsigned char c = static_cast<unsigned char>(At(0));
    if (IsIdentifierStart(c)) {
      t->kind = TokenKind::kIdentifier;
      const size_t begin = pos_;
      while (pos_ < text_.size() && IsIdentifierChar(static_cast<unsigned char>(At(0)))) Advance(1);
      t->text = std::string(text_.substr(begin, pos_ - begin));
      return Status();
    }
    if (c == '`') return Quoted(t, '`', TokenKind::kIdentifier);
    if (c == '\'' || c == '"') return Quoted(t, static_cast<char>(c), TokenKind::kString);
    if (IsDigit(static_cast<char>(c)) || (c == '.' && IsDigit(At(1)))) return Number(t);
    if (c == '$') return Parameter(t);
    return Symbol(t);
  }

  Status Number(Token* t) {
    const size_t begin = pos_;
    bool is_float = false;
    while (IsDigit(At(0))) Advance(1);
    if (At(0) == '.' && IsDigit(At(1))) {  // not "1..3", a range
      is_float = true;
      Advance(1);
      while (IsDigit(At(0))) Advance(1);
    }
    if ((At(0) == 'e' || At(0) == 'E') && (IsDigit(At(1)) || ((At(1) == '+' || At(1) == '-') && IsDigit(At(2))))) {
      is_float = true;
      Advance(2);
      while (IsDigit(At(0))) Advance(1);
    }
    if (IsIdentifierStart(static_cast<unsigned char>(At(0)))) {
      return Error(place_, Message("a number ends with '", std::string(1, At(0)), "': put a space or an operator between them"));
    }
    t->kind = is_float ? TokenKind::kFloat : TokenKind::kInteger;
    t->text = std::string(text_.substr(begin, pos_ - begin));
    if (t->text.size() > 400) return Error(t->place, Message("a number of ", t->text.size(), " digits is too long"));
    return Status();
  }

  Status Parameter(Token* t) {
    Advance(1);
    t->kind = TokenKind::kParameter;
    if (At(0) == '`') {
      Token name;
      if (Status s = Quoted(&name, '`', TokenKind::kIdentifier); !s.ok()) return s;
      t->text = name.text;
      return Status();
    }
    const size_t begin = pos_;
    while (pos_ < text_.size() && IsIdentifierChar(static_cast<unsigned char>(At(0)))) Advance(1);
    if (pos_ == begin) return Error(t->place, Message("'$' must be followed by a parameter name ($who)"));
    t->text = std::string(text_.substr(begin, pos_ - begin));
    return Status();
  }

  // A string ('...' or "...", with backslash escapes) or a backquoted name (`` for a backquote).
  Status Quoted(Token* t, char quote, TokenKind kind) {
    t->kind = kind;
    t->quoted = kind == TokenKind::kIdentifier;
    const Place start = place_;
    Advance(1);
    std::string value;
    for (;;) {
      if (pos_ >= text_.size()) {
        return Error(start, Message(kind == TokenKind::kString ? "unterminated string" : "unterminated `name`"));
      }
      const char c = At(0);
      if (c == quote) {
        if (kind == TokenKind::kIdentifier && At(1) == quote) {
          value += quote;
          Advance(2);
          continue;
        }
        Advance(1);
        break;
      }
      if (c == '\\' && kind == TokenKind::kString) {
        if (Status s = Escape(&value); !s.ok()) return s;
        continue;
      }
      value += c;
      Advance(1);
      if (value.size() > kMaxLiteralBytes) {
        return Error(start, Message("a literal of more than ", kMaxLiteralBytes, " bytes is longer than the limit (pass large values as parameters)"));
      }
    }
    t->text = std::move(value);
    return Status();
  }

  Status Escape(std::string* value) {
    const Place at = place_;
    const char e = At(1);
    static const char kFrom[] = "\\'\"nrtbf";
    static const char kTo[] = {'\\', '\'', '"', '\n', '\r', '\t', '\b', '\f'};
    if (const char* simple = e != '\0' ? std::strchr(kFrom, e) : nullptr) {
      *value += kTo[simple - kFrom];
      Advance(2);
      return Status();
    }
    if (e == 'u') {
      unsigned cp = 0;
      for (int i = 0; i < 4; ++i) {
        const char h = At(2 + i);
        const int d = IsDigit(h) ? h - '0' : (h >= 'a' && h <= 'f') ? h - 'a' + 10 : (h >= 'A' && h <= 'F') ? h - 'A' + 10 : -1;
        if (d < 0) return Error(at, Message("\\u must be followed by four hexadecimal digits"));
        cp = cp * 16 + static_cast<unsigned>(d);
      }
      if (cp >= 0xD800 && cp <= 0xDFFF) return Error(at, Message("\\u", std::string(text_.substr(pos_ + 2, 4)), " is half of a surrogate pair"));
      AppendCodePoint(cp, value);
      Advance(6);
      return Status();
    }
    return Error(at, Message("unknown escape '\\", std::string(1, e), "' (use \\\\, \\', \\\", \\n, \\t, \\r, \\b, \\f or \\uXXXX)"));
  }

  static void AppendCodePoint(unsigned cp, std::string* out) {
    if (cp < 0x80) {
      *out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      *out += static_cast<char>(0xC0 | (cp >> 6));
      *out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      *out += static_cast<char>(0xE0 | (cp >> 12));
      *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  Status Symbol(Token* t) {
    static const char* const kTwo[] = {"..", "<>", "<=", ">=", "=~", "!="};
    for (const char* two : kTwo) {
      if (At(0) == two[0] && At(1) == two[1]) {
        if (two[0] == '!') return Error(place_, Message("'!=' is written '<>' in Cypher"));
        t->kind = TokenKind::kSymbol;
        t->text = std::string(two, 2);
        Advance(2);
        return Status();
      }
    }
    if (std::strchr("()[]{},.:|;=<>+-*/%^", At(0)) && At(0) != '\0') {
      t->kind = TokenKind::kSymbol;
      t->text = std::string(1, At(0));
      Advance(1);
      return Status();
    }
    return Error(place_, Message("unexpected character '", std::string(1, At(0)), "'"));
  }

  std::string_view text_;
  size_t pos_ = 0;
  Place place_;
};

}  // namespace

Location QueryLocation(const Place& place) { return Location{"query", place.line, place.column}; }

Result<std::vector<Token>> Tokenize(std::string_view text) { return Lexer(text).Run(); }

}  // namespace casegraph::cypher
