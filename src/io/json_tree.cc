#include "io/json_tree.h"

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <cctype>

#include <unordered_map>

namespace casegraph {

const char* JsonKindName(JsonValue::Kind kind) {
  switch (kind) {
    case JsonValue::Kind::kNull: return "null";
    case JsonValue::Kind::kBool: return "a boolean";
    case JsonValue::Kind::kNumber: return "a number";
    case JsonValue::Kind::kString: return "a string";
    case JsonValue::Kind::kArray: return "an array";
    case JsonValue::Kind::kObject: return "an object";
  }
  return "a value";
}

namespace {

// Builds the tree from SAX events. The start of each token is found by skipping, from the end
// of the previous token, the whitespace and separators (',' ':') that JSON allows between tokens.
class TreeBuilder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, TreeBuilder> {
 public:
  // skipped: bytes before the stream's start (a byte-order mark).
  TreeBuilder(const SourceText& source, const rapidjson::MemoryStream& stream, size_t skipped,
              Diagnostics* diagnostics)
      : skipped_(skipped), source_(source), stream_(stream), diagnostics_(diagnostics), last_end_(skipped) {}

  bool Null() { return Scalar(JsonValue::Kind::kNull, "null"); }
  bool Bool(bool b) { return Scalar(JsonValue::Kind::kBool, b ? "true" : "false"); }
  bool RawNumber(const char* str, rapidjson::SizeType length, bool) {
    return Scalar(JsonValue::Kind::kNumber, std::string(str, length));
  }
  bool String(const char* str, rapidjson::SizeType length, bool) {
    if (length > kMaxStringBytes) return TooLong(length);
    return Scalar(JsonValue::Kind::kString, std::string(str, length));
  }
  bool StartObject() { return Open(JsonValue::Kind::kObject); }
  bool StartArray() { return Open(JsonValue::Kind::kArray); }
  bool Key(const char* str, rapidjson::SizeType length, bool) {
    if (length > kMaxStringBytes) return TooLong(length);
    JsonMember member;
    member.key.assign(str, length);
    member.key_where = TokenStart(false);
    stack_.back().members.push_back(std::move(member));
    return true;
  }
  bool EndObject(rapidjson::SizeType) {
    CheckDuplicateKeys(stack_.back());
    return Close();
  }
  bool EndArray(rapidjson::SizeType) { return Close(); }

  bool TooLong(size_t length) {
    TokenStart(false);
    limit_error_ = "string of " + std::to_string(length) + " bytes is longer than the limit of " +
                   std::to_string(kMaxStringBytes) + " bytes";
    limit_at_ = token_start_;
    return false;
  }

  const std::string& limit_error() const { return limit_error_; }
  size_t limit_at() const { return limit_at_; }
  bool depth_exceeded() const { return depth_exceeded_; }
  size_t depth_exceeded_at() const { return depth_exceeded_at_; }
  std::optional<JsonValue>& root() { return root_; }

 private:
  // Finds where the current token starts: skips, from the end of the previous token, what JSON
  // allows between tokens (whitespace, ',' ':' and closing brackets, whose events may come before
  // or after the reader consumed them). A scalar or key never starts with a bracket, so opening
  // brackets are skipped for them; an opening bracket is the token itself for Open().
  Location TokenStart(bool is_open) {
    const std::string& text = source_.text();
    size_t pos = last_end_;
    while (pos < text.size()) {
      const char c = text[pos];
      const bool between = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ':' ||
                           c == '}' || c == ']' || (!is_open && (c == '{' || c == '['));
      if (!between) break;
      ++pos;
    }
    token_start_ = pos;
    last_end_ = is_open ? pos + 1 : stream_.Tell() + skipped_;
    return source_.LocationAt(pos);
  }

  bool Scalar(JsonValue::Kind kind, std::string text) {
    JsonValue v;
    v.kind = kind;
    v.text = std::move(text);
    v.where = TokenStart(false);
    Attach(std::move(v));
    return true;
  }

  bool Open(JsonValue::Kind kind) {
    JsonValue v;
    v.kind = kind;
    v.where = TokenStart(true);
    if (static_cast<int>(stack_.size()) >= kMaxJsonDepth) {
      depth_exceeded_ = true;
      depth_exceeded_at_ = token_start_;
      return false;
    }
    stack_.push_back(std::move(v));
    return true;
  }

  bool Close() {
    JsonValue v = std::move(stack_.back());
    stack_.pop_back();
    Attach(std::move(v));
    return true;
  }

  void Attach(JsonValue v) {
    if (stack_.empty()) {
      root_ = std::move(v);
    } else if (stack_.back().kind == JsonValue::Kind::kArray) {
      stack_.back().items.push_back(std::move(v));
    } else {
      stack_.back().members.back().value = std::move(v);
    }
  }

  void CheckDuplicateKeys(const JsonValue& object) {
    const std::vector<JsonMember>& members = object.members;
    auto duplicate = [&](const JsonMember& m, const JsonMember& first) {
      diagnostics_->push_back({m.key_where, "duplicate key '" + m.key + "' (first at " +
                                                FormatLocation(first.key_where) + ")"});
    };
    if (members.size() <= 16) {  // the usual object: compare pairs, nothing to allocate
      for (size_t i = 1; i < members.size(); ++i) {
        for (size_t j = 0; j < i; ++j) {
          if (members[j].key == members[i].key) {
            duplicate(members[i], members[j]);
            break;
          }
        }
      }
      return;
    }
    std::unordered_map<std::string_view, const JsonMember*> seen;
    for (const JsonMember& m : members) {
      auto [it, inserted] = seen.emplace(m.key, &m);
      if (!inserted) duplicate(m, *it->second);
    }
  }

 private:
  size_t skipped_;
  const SourceText& source_;
  const rapidjson::MemoryStream& stream_;
  Diagnostics* diagnostics_;
  std::vector<JsonValue> stack_;
  std::optional<JsonValue> root_;
  size_t last_end_;
  size_t token_start_ = 0;
  bool depth_exceeded_ = false;
  size_t depth_exceeded_at_ = 0;
  std::string limit_error_;
  size_t limit_at_ = 0;
};

// RapidJSON's message, made specific where it is vague about common mistakes.
std::string SyntaxMessage(rapidjson::ParseErrorCode code, const std::string& text, size_t at) {
  const unsigned char c = at < text.size() ? static_cast<unsigned char>(text[at]) : 0;
  if (code != rapidjson::kParseErrorDocumentEmpty && at >= text.size()) {
    return "the file ends in the middle of a value (an object, array or string is not closed)";
  }
  if (code == rapidjson::kParseErrorStringEscapeInvalid && c < 0x20) {
    return c == '\n' || c == '\r' ? "line break inside a string (close the string on its line, or write \\n)"
                                  : "control character inside a string (write it escaped, e.g. \\t)";
  }
  if (code == rapidjson::kParseErrorValueInvalid && c == '/') return "comments are not allowed in JSON";
  if (code == rapidjson::kParseErrorObjectMissName && c == '\'') return "strings and keys take double quotes, not single";
  if (code == rapidjson::kParseErrorObjectMissName && c == '}') return "trailing comma before '}'";
  std::string message = rapidjson::GetParseError_En(code);
  if (!message.empty() && message.back() == '.') message.pop_back();
  if (!message.empty()) message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  return message;
}

}  // namespace

std::optional<JsonValue> ParseJsonTree(const SourceText& source, Diagnostics* diagnostics) {
  const std::string& text = source.text();
  if (const size_t nul = text.find('\0'); nul != std::string::npos) {
    // UTF-16 text: a byte-order mark, or ASCII characters each with a zero byte before or after.
    const bool utf16 = text.compare(0, 2, "\xFF\xFE") == 0 || text.compare(0, 2, "\xFE\xFF") == 0 ||
                       (text.size() >= 4 && ((text[0] != 0 && text[1] == 0 && text[3] == 0) ||
                                             (text[0] == 0 && text[1] != 0 && text[2] == 0)));
    diagnostics->push_back({source.LocationAt(nul), utf16 ? "the file looks like UTF-16: save it as UTF-8"
                                                          : "NUL byte: a case file is UTF-8 text"});
    return std::nullopt;
  }
  const size_t skip = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  rapidjson::MemoryStream stream(text.data() + skip, text.size() - skip);
  TreeBuilder builder(source, stream, skip, diagnostics);
  rapidjson::Reader reader;
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag |
                              rapidjson::kParseNumbersAsStringsFlag;
  rapidjson::ParseResult ok = reader.Parse<kFlags>(stream, builder);
  if (!builder.limit_error().empty()) {
    diagnostics->push_back({source.LocationAt(builder.limit_at()), builder.limit_error()});
    return std::nullopt;
  }
  if (builder.depth_exceeded()) {
    diagnostics->push_back({source.LocationAt(builder.depth_exceeded_at()),
                            "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels"});
    return std::nullopt;
  }
  if (!ok) {
    const size_t at = ok.Offset() + skip;
    diagnostics->push_back({source.LocationAt(at), "invalid JSON: " + SyntaxMessage(ok.Code(), text, at)});
    return std::nullopt;
  }
  return std::move(builder.root());
}

}  // namespace casegraph
