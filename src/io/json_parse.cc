// Parsing JSON with RapidJSON's SAX reader into located trees: the tree builder, the messages
// for syntax errors, and the parse itself (handed over in batches, see json_pipeline.h).
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_map>

#include "io/json_pipeline.h"
#include "io/json_tree.h"
#include "text/unicode.h"

namespace casegraph {

// Builds the tree from SAX events. The start of each token is found by skipping, from the end
// of the previous token, the whitespace and separators (',' ':') that JSON allows between tokens.
// Problems are kept as byte offsets and turned into messages after the parse (another thread may
// be asking the source for places meanwhile).
class JsonTreeBuilder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, JsonTreeBuilder> {
 public:
  // skipped: bytes before the stream's start (a byte-order mark). Split containers' children
  // go to *sink in batches of batch_values values (the document's value, if not split, is kept).
  JsonTreeBuilder(std::string_view text, const rapidjson::MemoryStream& stream, size_t skipped,
                  const JsonVisitor* splitter, BatchSink* sink, JsonBatch* batch, size_t batch_values)
      : skipped_(skipped),
        text_(text),
        stream_(stream),
        splitter_(splitter),
        sink_(sink),
        batch_(batch),
        batch_values_(batch_values),
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
    pending_key_repeats_ = false;
    if (parent.split) {
      auto [it, added] = parent.keys.emplace(std::string(str, length), pending_key_offset_);
      if (!added) duplicates_.push_back({pending_key_offset_, it->second, it->first});
      pending_key_repeats_ = !added;
    }
    pending_key_begin_ = static_cast<uint32_t>(tree().strings_.size());
    pending_key_size_ = length;
    tree().strings_.append(str, length);
    return true;
  }
  bool EndObject(rapidjson::SizeType) { return Close(); }
  bool EndArray(rapidjson::SizeType) { return Close(); }

  /// Hands over what is left; the batch then holds the document's value if it was not split.
  void Flush() {
    if (!batch_->events.empty()) batch_ = sink_->Hand(batch_);
  }
  JsonBatch* batch() { return batch_; }

  struct Duplicate {
    size_t at, first;
    std::string key;
  };
  const std::vector<Duplicate>& duplicates() const { return duplicates_; }
  const std::string& limit_error() const { return limit_error_; }
  size_t limit_at() const { return limit_at_; }
  bool depth_exceeded() const { return depth_exceeded_; }
  size_t depth_exceeded_at() const { return depth_exceeded_at_; }

 private:
  using Node = JsonTree::Node;
  using Event = JsonBatch::Event;
  struct Frame {
    JsonKind kind;
    bool split;
    uint32_t node;  // the container's node, if not split
    std::unordered_map<std::string, size_t> keys;  // a split object's keys, for duplicates
  };

  JsonTree& tree() { return batch_->tree; }

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
  bool Keyed() const { return !frames_.empty() && frames_.back().kind == JsonKind::kObject; }

  uint32_t NewNode(JsonKind kind, size_t offset) {
    JsonTree& t = tree();
    const uint32_t index = static_cast<uint32_t>(t.nodes_.size());
    Node& n = t.nodes_.emplace_back();
    n.kind = kind;
    n.offset = offset;
    if (Keyed()) {
      n.key_begin = pending_key_begin_;
      n.key_size = pending_key_size_;
      n.key_offset = pending_key_offset_;
    }
    if (!HandedOver()) ++t.nodes_[frames_.back().node].count;
    return index;
  }

  bool Scalar(JsonKind kind, const char* str, size_t length) {
    const size_t offset = TokenStart(false);
    const uint32_t index = NewNode(kind, offset);
    JsonTree& t = tree();
    Node& n = t.nodes_[index];
    n.text_begin = static_cast<uint32_t>(t.strings_.size());
    n.text_size = static_cast<uint32_t>(length);
    n.end = index + 1;
    t.strings_.append(str, length);
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
      const bool keyed = Keyed();
      const std::string_view key =
          keyed ? std::string_view(tree().strings_).substr(pending_key_begin_, pending_key_size_) : std::string_view();
      if (!(keyed && pending_key_repeats_) && splitter_->Split(depth, kind, key)) {
        batch_->events.push_back(Event{Event::Type::kOpen, kind, depth, 0, keyed ? pending_key_begin_ : 0,
                                       keyed ? pending_key_size_ : 0, offset});
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
    if (frame.split) {
      batch_->events.push_back(Event{Event::Type::kClose, frame.kind, static_cast<int>(frames_.size()), 0, 0, 0, 0});
      return true;
    }
    JsonTree& t = tree();
    t.nodes_[frame.node].end = static_cast<uint32_t>(t.nodes_.size());
    if (frame.kind == JsonKind::kObject) CheckDuplicateKeys(frame.node);
    Complete(frame.node);
    return true;
  }

  // A value is complete: hands it over if it is the document or a split container's child.
  void Complete(uint32_t index) {
    if (!HandedOver()) return;
    const int depth = static_cast<int>(frames_.size());
    batch_->events.push_back(Event{Event::Type::kValue, JsonKind::kNull, depth, index, 0, 0, 0});
    if (depth > 0 && batch_->events.size() >= batch_values_) Flush();
  }

  void CheckDuplicateKeys(uint32_t object) {
    const JsonTree& t = tree();
    const JsonValue::Children members = JsonValue(&t, object).children();
    if (t.nodes_[object].count <= 16) {  // the usual object: compare pairs, nothing to allocate
      for (auto i = members.begin(); i != members.end(); ++i) {
        for (auto j = members.begin(); j != i; ++j) {
          if ((*j).key() == (*i).key()) {
            duplicates_.push_back({(*i).key_offset(), (*j).key_offset(), std::string((*i).key())});
            break;
          }
        }
      }
      return;
    }
    std::unordered_map<std::string_view, size_t> seen;
    for (JsonValue m : members) {
      auto [it, inserted] = seen.emplace(m.key(), m.key_offset());
      if (!inserted) duplicates_.push_back({m.key_offset(), it->second, std::string(m.key())});
    }
  }

  size_t skipped_;
  std::string_view text_;
  const rapidjson::MemoryStream& stream_;
  const JsonVisitor* splitter_;
  BatchSink* sink_;
  JsonBatch* batch_;
  size_t batch_values_;
  std::vector<Frame> frames_;
  uint32_t pending_key_begin_ = 0, pending_key_size_ = 0;
  size_t pending_key_offset_ = 0;
  bool pending_key_repeats_ = false;
  size_t last_end_;
  std::vector<Duplicate> duplicates_;
  bool depth_exceeded_ = false;
  size_t depth_exceeded_at_ = 0;
  std::string limit_error_;
  size_t limit_at_ = 0;
};

namespace {

// RapidJSON's message, made specific where it is vague about common mistakes.
std::string SyntaxMessage(rapidjson::ParseErrorCode code, std::string_view text, size_t at) {
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
  const std::string_view text = source.text();
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
  bool Split(int, JsonKind, std::string_view) const override { return false; }
  void Open(int, JsonKind, std::string_view, size_t) override {}
  void Value(int, JsonValue) override {}
  void Close(int, JsonKind) override {}
};

// Runs the parse. With whole, the document's value is not handed to the visitor but kept there.
bool Parse(const SourceText& source, JsonVisitor* visitor, Diagnostics* diagnostics, const JsonStreamOptions& options,
           std::optional<JsonTree>* whole) {
  if (RefuseNul(source, diagnostics)) return false;
  const std::string_view text = source.text();
  const size_t skip = ByteOrderMarkLength(text);
  rapidjson::MemoryStream stream(text.data() + skip, text.size() - skip);
  JsonBatch single(source);
  InlineSink inline_sink(visitor);
  std::optional<ThreadSink> thread_sink;
  if (!whole && text.size() >= options.two_threads_from) thread_sink.emplace(source, visitor);
  BatchSink* sink = thread_sink ? static_cast<BatchSink*>(&*thread_sink) : &inline_sink;
  JsonTreeBuilder builder(text, stream, skip, visitor, sink, thread_sink ? thread_sink->first() : &single,
                          std::max<size_t>(options.batch_values, 1));
  rapidjson::Reader reader;
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag |
                              rapidjson::kParseNumbersAsStringsFlag;
  rapidjson::ParseResult ok = reader.Parse<kFlags>(stream, builder);
  if (whole && ok) {
    whole->emplace(std::move(builder.batch()->tree));
  } else {
    builder.Flush();
  }
  sink->Finish();  // the visitor has had everything: the source is ours to ask again
  for (const JsonTreeBuilder::Duplicate& d : builder.duplicates()) {
    diagnostics->push_back({source.LocationAt(d.at), "duplicate key '" + d.key + "' (first at " +
                                                         FormatLocation(source.LocationAt(d.first)) + ")"});
  }
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
  return true;
}

}  // namespace

bool ParseJson(const SourceText& source, JsonVisitor* visitor, Diagnostics* diagnostics,
               const JsonStreamOptions& options) {
  return Parse(source, visitor, diagnostics, options, nullptr);
}

std::optional<JsonTree> ParseJsonTree(const SourceText& source, Diagnostics* diagnostics) {
  WholeDocument keep;
  std::optional<JsonTree> tree;
  Parse(source, &keep, diagnostics, JsonStreamOptions(), &tree);
  return tree;
}

}  // namespace casegraph
