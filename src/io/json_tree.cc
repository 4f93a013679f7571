#include "io/json_tree.h"

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <cctype>
#include <unordered_map>

namespace casegraph {

const char* JsonKindName(JsonKind kind) {
  switch (kind) {
    case JsonKind::kNull: return "null";
    case JsonKind::kBool: return "a boolean";
    case JsonKind::kNumber: return "a number";
    case JsonKind::kString: return "a string";
    case JsonKind::kArray: return "an array";
    case JsonKind::kObject: return "an object";
  }
  return "a value";
}

JsonKind JsonValue::kind() const { return tree_->nodes_[index_].kind; }

std::string_view JsonValue::text() const {
  const JsonTree::Node& n = tree_->nodes_[index_];
  return std::string_view(tree_->strings_).substr(n.text_begin, n.text_size);
}

Location JsonValue::where() const { return tree_->source_->LocationAt(tree_->nodes_[index_].offset); }

size_t JsonValue::offset() const { return tree_->nodes_[index_].offset; }

std::string_view JsonValue::key() const {
  const JsonTree::Node& n = tree_->nodes_[index_];
  return std::string_view(tree_->strings_).substr(n.key_begin, n.key_size);
}

size_t JsonValue::key_offset() const { return tree_->nodes_[index_].key_offset; }

Location JsonValue::key_where() const { return tree_->source_->LocationAt(tree_->nodes_[index_].key_offset); }

JsonValue::Children JsonValue::children() const {
  return Children(tree_, index_ + 1, tree_->nodes_[index_].end);
}

uint32_t JsonValue::size() const { return tree_->nodes_[index_].count; }

JsonValue::Children::Iterator& JsonValue::Children::Iterator::operator++() {
  index_ = tree_->nodes_[index_].end;
  return *this;
}

// Builds the tree from SAX events. The start of each token is found by skipping, from the end
// of the previous token, the whitespace and separators (',' ':') that JSON allows between tokens.
class JsonTreeBuilder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, JsonTreeBuilder> {
 public:
  // skipped: bytes before the stream's start (a byte-order mark).
  JsonTreeBuilder(const SourceText& source, const rapidjson::MemoryStream& stream, size_t skipped,
                  JsonVisitor* visitor, Diagnostics* diagnostics)
      : tree_(source),
        skipped_(skipped),
        text_(source.text()),
        stream_(stream),
        visitor_(visitor),
        diagnostics_(diagnostics),
        last_end_(skipped) {}

  bool Null() { return Scalar(JsonKind::kNull, "null", 4); }
  bool Bool(bool b) { return b ? Scalar(JsonKind::kBool, "true", 4) : Scalar(JsonKind::kBool, "false", 5); }
  bool RawNumber(const char* str, rapidjson::SizeType length, bool) { return Scalar(JsonKind::kNumber, str, length); }
  bool String(const char* str, rapidjson::SizeType length, bool) {
    if (length > kMaxStringBytes) return TooLong(length);
    return Scalar(JsonKind::kString, str, length);
  }
  bool StartObject() { return Open(JsonKind::kObject); }
  bool StartArray() { return Open(JsonKind::kArray); }
  bool Key(const char* str, rapidjson::SizeType length, bool) {
    if (length > kMaxStringBytes) return TooLong(length);
    pending_key_offset_ = TokenStart(false);
    Frame& parent = frames_.back();
    if (parent.split) parent.keys.emplace_back(std::string(str, length), pending_key_offset_);
    pending_key_begin_ = static_cast<uint32_t>(tree_.strings_.size());
    pending_key_size_ = length;
    tree_.strings_.append(str, length);
    return true;
  }
  bool EndObject(rapidjson::SizeType) { return Close(); }
  bool EndArray(rapidjson::SizeType) { return Close(); }

  const std::string& limit_error() const { return limit_error_; }
  size_t limit_at() const { return limit_at_; }
  bool depth_exceeded() const { return depth_exceeded_; }
  size_t depth_exceeded_at() const { return depth_exceeded_at_; }
  JsonTree& tree() { return tree_; }

 private:
  using Node = JsonTree::Node;
  struct Frame {
    JsonKind kind;
    bool split;
    uint32_t node;  // the container's node, if not split
    std::vector<std::pair<std::string, size_t>> keys;  // a split object's keys, for duplicates
  };

  bool TooLong(size_t length) {
    limit_at_ = TokenStart(false);
    limit_error_ = "string of " + std::to_string(length) + " bytes is longer than the limit of " +
                   std::to_string(kMaxStringBytes) + " bytes";
    return false;
  }

  // Finds where the current token starts: skips, from the end of the previous token, what JSON
  // allows between tokens (whitespace, ',' ':' and closing brackets, whose events may come before
  // or after the reader consumed them). A scalar or key never starts with a bracket, so opening
  // brackets are skipped for them; an opening bracket is the token itself for Open().
  size_t TokenStart(bool is_open) {
    size_t pos = last_end_;
    while (pos < text_.size()) {
      const char c = text_[pos];
      const bool between = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ':' ||
                           c == '}' || c == ']' || (!is_open && (c == '{' || c == '['));
      if (!between) break;
      ++pos;
    }
    last_end_ = is_open ? pos + 1 : stream_.Tell() + skipped_;
    return pos;
  }

  // Whether the value starting now is handed over by itself: the document, or a split one's child.
  bool HandedOver() const { return frames_.empty() || frames_.back().split; }

  uint32_t NewNode(JsonKind kind, size_t offset) {
    const uint32_t index = static_cast<uint32_t>(tree_.nodes_.size());
    Node& n = tree_.nodes_.emplace_back();
    n.kind = kind;
    n.offset = offset;
    if (!frames_.empty()) {
      const Frame& parent = frames_.back();
      if (parent.kind == JsonKind::kObject) {
        n.key_begin = pending_key_begin_;
        n.key_size = pending_key_size_;
        n.key_offset = pending_key_offset_;
      }
      if (!parent.split) ++tree_.nodes_[parent.node].count;
    }
    return index;
  }

  bool Scalar(JsonKind kind, const char* str, size_t length) {
    const size_t offset = TokenStart(false);
    const uint32_t index = NewNode(kind, offset);
    Node& n = tree_.nodes_[index];
    n.text_begin = static_cast<uint32_t>(tree_.strings_.size());
    n.text_size = static_cast<uint32_t>(length);
    n.end = index + 1;
    tree_.strings_.append(str, length);
    Complete(index);
    return true;
  }

  bool Open(JsonKind kind) {
    const size_t offset = TokenStart(true);
    const int depth = static_cast<int>(frames_.size());
    if (depth >= kMaxJsonDepth) {
      depth_exceeded_ = true;
      depth_exceeded_at_ = offset;
      return false;
    }
    if (HandedOver()) {
      const bool keyed = !frames_.empty() && frames_.back().kind == JsonKind::kObject;
      const std::string_view key =
          keyed ? std::string_view(tree_.strings_).substr(pending_key_begin_, pending_key_size_) : std::string_view();
      if (visitor_->Open(depth, kind, key, offset)) {
        tree_.Clear();  // held only the key
        frames_.push_back(Frame{kind, true, 0, {}});
        return true;
      }
    }
    const uint32_t index = NewNode(kind, offset);
    frames_.push_back(Frame{kind, false, index, {}});
    return true;
  }

  bool Close() {
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    const int depth = static_cast<int>(frames_.size());
    if (frame.split) {
      if (frame.kind == JsonKind::kObject) CheckDuplicateKeys(frame.keys);
      visitor_->Close(depth, frame.kind);
      return true;
    }
    tree_.nodes_[frame.node].end = static_cast<uint32_t>(tree_.nodes_.size());
    if (frame.kind == JsonKind::kObject) CheckDuplicateKeys(frame.node);
    Complete(frame.node);
    return true;
  }

  // A value is complete: hands it over if it is the document or a split container's child.
  void Complete(uint32_t index) {
    if (!HandedOver()) return;
    const int depth = static_cast<int>(frames_.size());
    if (depth > 0) tree_.source().Anchor(tree_.nodes_[index].offset);
    visitor_->Value(depth, JsonValue(&tree_, index));
    if (depth > 0) tree_.Clear();  // the document's value stays: ParseJsonTree returns it
  }

  void Duplicate(std::string_view key, size_t at, size_t first) {
    const SourceText& source = tree_.source();
    diagnostics_->push_back({source.LocationAt(at), "duplicate key '" + std::string(key) + "' (first at " +
                                                        FormatLocation(source.LocationAt(first)) + ")"});
  }

  void CheckDuplicateKeys(uint32_t object) {
    const JsonValue::Children members = JsonValue(&tree_, object).children();
    if (tree_.nodes_[object].count <= 16) {  // the usual object: compare pairs, nothing to allocate
      for (auto i = members.begin(); i != members.end(); ++i) {
        for (auto j = members.begin(); j != i; ++j) {
          if ((*j).key() == (*i).key()) {
            Duplicate((*i).key(), (*i).key_offset(), (*j).key_offset());
            break;
          }
        }
      }
      return;
    }
    std::unordered_map<std::string_view, size_t> seen;
    for (JsonValue m : members) {
      auto [it, inserted] = seen.emplace(m.key(), m.key_offset());
      if (!inserted) Duplicate(m.key(), m.key_offset(), it->second);
    }
  }

  void CheckDuplicateKeys(const std::vector<std::pair<std::string, size_t>>& keys) {
    std::unordered_map<std::string_view, size_t> seen;
    for (const auto& [key, at] : keys) {
      auto [it, inserted] = seen.emplace(key, at);
      if (!inserted) Duplicate(key, at, it->second);
    }
  }

  JsonTree tree_;
  size_t skipped_;
  const std::string& text_;
  const rapidjson::MemoryStream& stream_;
  JsonVisitor* visitor_;
  Diagnostics* diagnostics_;
  std::vector<Frame> frames_;
  uint32_t pending_key_begin_ = 0, pending_key_size_ = 0;
  size_t pending_key_offset_ = 0;
  size_t last_end_;
  bool depth_exceeded_ = false;
  size_t depth_exceeded_at_ = 0;
  std::string limit_error_;
  size_t limit_at_ = 0;
};

namespace {
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

// Says why a document with a NUL byte is not read (a case file is UTF-8 text); false if it has none.
bool RefuseNul(const SourceText& source, Diagnostics* diagnostics) {
  const std::string& text = source.text();
  const size_t nul = text.find('\0');
  if (nul == std::string::npos) return false;
  // UTF-16 text: a byte-order mark, or ASCII characters each with a zero byte before or after.
  const bool utf16 = text.compare(0, 2, "\xFF\xFE") == 0 || text.compare(0, 2, "\xFE\xFF") == 0 ||
                     (text.size() >= 4 && ((text[0] != 0 && text[1] == 0 && text[3] == 0) ||
                                           (text[0] == 0 && text[1] != 0 && text[2] == 0)));
  diagnostics->push_back({source.LocationAt(nul), utf16 ? "the file looks like UTF-16: save it as UTF-8"
                                                        : "NUL byte: a case file is UTF-8 text"});
  return true;
}

// Keeps the whole document: splits nothing.
class WholeDocument : public JsonVisitor {
 public:
  bool Open(int, JsonKind, std::string_view, size_t) override { return false; }
  void Value(int, JsonValue) override {}
  void Close(int, JsonKind) override {}
};

// Runs the parse; *whole (if given) receives the document's value, which WholeDocument keeps.
bool Parse(const SourceText& source, JsonVisitor* visitor, Diagnostics* diagnostics,
                  std::optional<JsonTree>* whole) {
  if (RefuseNul(source, diagnostics)) return false;
  const std::string& text = source.text();
  const size_t skip = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  rapidjson::MemoryStream stream(text.data() + skip, text.size() - skip);
  JsonTreeBuilder builder(source, stream, skip, visitor, diagnostics);
  rapidjson::Reader reader;
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag |
                              rapidjson::kParseNumbersAsStringsFlag;
  rapidjson::ParseResult ok = reader.Parse<kFlags>(stream, builder);
  if (!builder.limit_error().empty()) {
    diagnostics->push_back({source.LocationAt(builder.limit_at()), builder.limit_error()});
    return false;
  }
  if (builder.depth_exceeded()) {
    diagnostics->push_back({source.LocationAt(builder.depth_exceeded_at()),
                            "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels"});
    return false;
  }
  if (!ok) {
    const size_t at = ok.Offset() + skip;
    diagnostics->push_back({source.LocationAt(at), "invalid JSON: " + SyntaxMessage(ok.Code(), text, at)});
    return false;
  }
  if (whole) whole->emplace(std::move(builder.tree()));
  return true;
}

}  // namespace

bool ParseJson(const SourceText& source, JsonVisitor* visitor, Diagnostics* diagnostics) {
  return Parse(source, visitor, diagnostics, nullptr);
}

std::optional<JsonTree> ParseJsonTree(const SourceText& source, Diagnostics* diagnostics) {
  WholeDocument keep;
  std::optional<JsonTree> tree;
  Parse(source, &keep, diagnostics, &tree);
  return tree;
}

}  // namespace casegraph
