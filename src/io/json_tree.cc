#include "io/json_tree.h"

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
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


// Values handed over together: the parsing thread fills a batch while the visitor reads the last.
struct JsonBatch {
  struct Event {
    enum class Type : uint8_t { kOpen, kValue, kClose } type;
    JsonKind kind;
    int depth;
    uint32_t node;  // kValue: the value's node
    uint32_t key_begin, key_size;  // kOpen: the key, in the tree's strings
    size_t offset;  // kOpen: where the container starts
  };

  explicit JsonBatch(const SourceText& source) : tree(source) {}

  void Clear() {
    tree.Clear();
    events.clear();
  }

  // Hands the events over to the visitor, in order.
  void Deliver(JsonVisitor* visitor) const {
    for (const Event& e : events) {
      switch (e.type) {
        case Event::Type::kOpen:
          visitor->Open(e.depth, e.kind, std::string_view(tree.strings_).substr(e.key_begin, e.key_size), e.offset);
          break;
        case Event::Type::kValue:
          tree.source().Anchor(tree.nodes_[e.node].offset);
          visitor->Value(e.depth, JsonValue(&tree, e.node));
          break;
        case Event::Type::kClose: visitor->Close(e.depth, e.kind); break;
      }
    }
  }

  JsonTree tree;
  std::vector<Event> events;
};

namespace {

// Where full batches go: to the visitor at once, or to a second thread that hands them over.
class BatchSink {
 public:
  virtual ~BatchSink() = default;
  /// Takes a full batch; returns an empty one to fill next.
  virtual JsonBatch* Hand(JsonBatch* full) = 0;
  /// After the last batch: returns when the visitor has had everything.
  virtual void Finish() {}
};

class InlineSink : public BatchSink {
 public:
  explicit InlineSink(JsonVisitor* visitor) : visitor_(visitor) {}
  JsonBatch* Hand(JsonBatch* full) override {
    full->Deliver(visitor_);
    full->Clear();
    return full;
  }

 private:
  JsonVisitor* visitor_;
};

// A second thread hands batches to the visitor while the parser fills the next one.
class ThreadSink : public BatchSink {
 public:
  ThreadSink(const SourceText& source, JsonVisitor* visitor) : visitor_(visitor) {
    for (int i = 0; i < kBatches; ++i) {
      owned_.push_back(std::make_unique<JsonBatch>(source));
      if (i > 0) empty_.push_back(owned_.back().get());
    }
    reader_ = std::thread([this] { Run(); });
  }
  ~ThreadSink() override { Finish(); }

  JsonBatch* first() { return owned_.front().get(); }

  JsonBatch* Hand(JsonBatch* full) override {
    std::unique_lock<std::mutex> lock(mutex_);
    full_.push_back(full);
    changed_.notify_all();
    changed_.wait(lock, [this] { return !empty_.empty(); });
    JsonBatch* next = empty_.front();
    empty_.pop_front();
    return next;
  }

  void Finish() override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    changed_.notify_all();
    if (reader_.joinable()) reader_.join();
  }

 private:
  static constexpr int kBatches = 3;

  void Run() {
    for (;;) {
      JsonBatch* batch;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [this] { return !full_.empty() || done_; });
        if (full_.empty()) return;
        batch = full_.front();
        full_.pop_front();
      }
      batch->Deliver(visitor_);
      batch->Clear();
      {
        std::lock_guard<std::mutex> lock(mutex_);
        empty_.push_back(batch);
      }
      changed_.notify_all();
    }
  }

  JsonVisitor* visitor_;
  std::vector<std::unique_ptr<JsonBatch>> owned_;
  std::deque<JsonBatch*> full_, empty_;
  std::mutex mutex_;
  std::condition_variable changed_;
  bool done_ = false;
  std::thread reader_;
};

}  // namespace

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
  const size_t skip = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
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
