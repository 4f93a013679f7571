// JSON documents whose every value and key knows its line and column. RapidJSON's SAX reader
// does the parsing; this keeps what RapidJSON's DOM drops: where each value and key starts.
//
// The tree is flat: its nodes lie in document order, each knowing where its subtree ends, with
// strings in one buffer, so a value costs one node and no allocation of its own. Places are
// byte offsets until someone asks for a line and column. A large document can be read in pieces:
// a JsonVisitor chooses containers (the list of a case file's relations, say) whose children it
// is handed one at a time, so memory holds one child rather than the whole document.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/source_text.h"
#include "model/limits.h"
#include "model/location.h"

namespace casegraph {

enum class JsonKind : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };

/// "a string", "an object", ... for messages.
const char* JsonKindName(JsonKind kind);

class JsonTree;

/// One value of a JsonTree: a light handle, valid as long as the tree is unchanged.
class JsonValue {
 public:
  JsonValue(const JsonTree* tree, uint32_t index) : tree_(tree), index_(index) {}

  JsonKind kind() const;
  bool IsString() const { return kind() == JsonKind::kString; }
  bool IsObject() const { return kind() == JsonKind::kObject; }
  bool IsArray() const { return kind() == JsonKind::kArray; }
  /// String contents, a number as written, "true"/"false"/"null"; empty for a container.
  std::string_view text() const;
  /// Where the value starts (its first character).
  Location where() const;
  size_t offset() const;
  /// For a member of an object: its key, and where the key starts.
  std::string_view key() const;
  Location key_where() const;
  size_t key_offset() const;

  /// An object's members (each with its key) or an array's items, in file order.
  class Children {
   public:
    class Iterator {
     public:
      Iterator(const JsonTree* tree, uint32_t index) : tree_(tree), index_(index) {}
      JsonValue operator*() const { return JsonValue(tree_, index_); }
      Iterator& operator++();
      bool operator!=(const Iterator& o) const { return index_ != o.index_; }

     private:
      const JsonTree* tree_;
      uint32_t index_;
    };
    Iterator begin() const { return Iterator(tree_, first_); }
    Iterator end() const { return Iterator(tree_, end_); }

   private:
    friend class JsonValue;
    Children(const JsonTree* tree, uint32_t first, uint32_t end) : tree_(tree), first_(first), end_(end) {}
    const JsonTree* tree_;
    uint32_t first_, end_;
  };
  Children children() const;
  /// Number of children (0 for a scalar).
  uint32_t size() const;

 private:
  const JsonTree* tree_;
  uint32_t index_;
};

/// The values of a document, or of the piece of it a JsonVisitor is being handed.
class JsonTree {
 public:
  explicit JsonTree(const SourceText& source) : source_(&source) {}

  /// The first value: the whole document (ParseJsonTree), or the piece handed to a visitor.
  JsonValue root() const { return JsonValue(this, 0); }
  const SourceText& source() const { return *source_; }

 private:
  friend class JsonValue;
  friend class JsonTreeBuilder;
  friend struct JsonBatch;
  struct Node {
    JsonKind kind = JsonKind::kNull;
    uint32_t end = 0;    // index one past the value's subtree
    uint32_t count = 0;  // children
    uint32_t text_begin = 0, text_size = 0;  // in strings_
    uint32_t key_begin = 0, key_size = 0;    // in strings_
    size_t offset = 0;                       // byte offset in the source text
    size_t key_offset = 0;
  };
  void Clear() {
    nodes_.clear();
    strings_.clear();
  }

  const SourceText* source_;
  std::vector<Node> nodes_;
  std::string strings_;
};

/// Parses a whole JSON document. Syntax errors, invalid UTF-8, nesting deeper than kMaxJsonDepth,
/// strings longer than kMaxStringBytes and duplicate keys are reported in *diagnostics; returns
/// nullopt if the document could not be read. The tree refers to source: keep it alive.
std::optional<JsonTree> ParseJsonTree(const SourceText& source, Diagnostics* diagnostics);

/// What a streaming parse hands over. Depth 0 is the document's value, 1 its children, ...
/// Split is asked by the parser as it goes; the other calls come in document order, possibly
/// on another thread and a little later (a large document is parsed on one thread and handed
/// over to the visitor on another), but never two at once.
class JsonVisitor {
 public:
  virtual ~JsonVisitor() = default;
  /// Whether a container that is the document, or a child of a split container, is split: its
  /// children handed over one by one as they complete, instead of it as a whole. key is its key
  /// if its parent is an object; a key that repeats one of its parent's is never split. The
  /// answer must depend on the arguments only (it is asked on the parsing thread).
  virtual bool Split(int depth, JsonKind kind, std::string_view key) const = 0;
  /// A split container starts, at byte offset.
  virtual void Open(int depth, JsonKind kind, std::string_view key, size_t offset) = 0;
  /// A complete value that is the document, or a child of a split container (with its key if
  /// that is an object). The value and its tree are valid only during the call.
  virtual void Value(int depth, JsonValue value) = 0;
  /// A split container ends.
  virtual void Close(int depth, JsonKind kind) = 0;
};

struct JsonStreamOptions {
  /// Documents at least this large are parsed on one thread and handed to the visitor on another.
  size_t two_threads_from = size_t{8} << 20;
  /// Values handed over in one batch (between the threads).
  size_t batch_values = 4096;
};

/// Parses a JSON document, handing it to *visitor piece by piece as the visitor chooses. Errors
/// are reported as by ParseJsonTree; returns false if the document could not be read, in which
/// case what the visitor was handed before the error is only part of the document.
bool ParseJson(const SourceText& source, JsonVisitor* visitor, Diagnostics* diagnostics,
               const JsonStreamOptions& options = {});

}  // namespace casegraph
