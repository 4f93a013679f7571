#include "io/case_reader.h"

#include <algorithm>
#include <set>

#include "io/case_items.h"

namespace casegraph {

namespace {

namespace cf = case_format;

// Reads a case file as the parser hands it over: the top-level object member by member, and the
// lists of sources, entities and relations item by item, so that only one item's values are
// held at a time.
class Reader : public JsonVisitor {
 public:
  Reader(const SourceText& source, CaseFile* file, Diagnostics* diagnostics)
      : source_(source), file_(file), diagnostics_(diagnostics), items_(file, diagnostics) {
    file_->path = source_.name();
  }

  bool Split(int depth, JsonKind kind, std::string_view key) const override {
    if (depth == 0) return kind == JsonKind::kObject;
    return depth == 1 && kind == JsonKind::kArray && ListOf(key) != List::kNone;
  }

  void Open(int depth, JsonKind, std::string_view key, size_t offset) override {
    if (depth == 0) {
      root_offset_ = offset;
    } else {
      Seen(key);
      list_ = ListOf(key);
    }
  }

  void Value(int depth, JsonValue v) override {
    if (depth == 0) {  // the document, not an object
      items_.Error(v.where(), std::string("a case file must be a JSON object, not ") + JsonKindName(v.kind()));
      return;
    }
    if (depth == 2) return ReadItem(v);
    const std::string_view key = v.key();
    // A top-level member other than a list read item by item (whose key is a known one).
    if (std::find(cf::kTopKeys.begin(), cf::kTopKeys.end(), key) == cf::kTopKeys.end()) {
      UnknownKey(key, v.key_where(), "the case file", cf::kTopKeys, diagnostics_);
      return;
    }
    if (!Seen(key)) return;  // the parser reports duplicates; the first counts
    if (key == "casegraph") {
      ReadVersion(v);
    } else if (key == "title") {
      items_.ReadString(v, "title", &file_->title);
    } else if (key == "vocabulary") {
      items_.ReadVocabulary(v);
    } else {  // sources, entities or relations, but not an array
      items_.TypeError(v, std::string(key), "an array");
    }
  }

  void Close(int depth, JsonKind) override {
    if (depth == 1) list_ = List::kNone;
    if (depth == 0 && !seen_.count("casegraph")) {
      items_.Error(source_.LocationAt(root_offset_), "missing required key 'casegraph' (the format version, " +
                                                         std::to_string(kFormatVersion) + ")");
    }
  }

 private:
  enum class List { kNone, kSources, kEntities, kRelations };

  static List ListOf(std::string_view key) {
    if (key == "sources") return List::kSources;
    if (key == "entities") return List::kEntities;
    if (key == "relations") return List::kRelations;
    return List::kNone;
  }

  // Notes a top-level key; whether it comes for the first time.
  bool Seen(std::string_view key) {
    file_->written.top |= cf::KeyBit(cf::kTopKeys, key);
    return seen_.emplace(key).second;
  }

  void ReadVersion(JsonValue v) {
    if (v.kind() != JsonKind::kNumber) {
      items_.TypeError(v, "casegraph", "the number 1");
    } else if (v.text() != std::to_string(kFormatVersion)) {
      items_.Error(v.where(), "unsupported format version " + std::string(v.text()) + " (this casegraph reads version " +
                                  std::to_string(kFormatVersion) + ")");
    }
  }

  void ReadItem(JsonValue item) {
    const char* name = list_ == List::kSources ? "sources" : list_ == List::kEntities ? "entities" : "relations";
    const char* what = list_ == List::kSources ? "a source" : list_ == List::kEntities ? "an entity" : "a relation";
    if (!item.IsObject()) {
      items_.Error(item.where(), std::string("each of '") + name + "' must be an object (" + what + "), not " +
                                     JsonKindName(item.kind()));
      return;
    }
    switch (list_) {
      case List::kSources: return items_.ReadSource(item);
      case List::kEntities: return items_.ReadEntity(item);
      case List::kRelations: return items_.ReadRelation(item, ++relation_index_);
      case List::kNone: return;
    }
  }

  const SourceText& source_;
  CaseFile* file_;
  Diagnostics* diagnostics_;
  CaseItemReader items_;
  std::set<std::string, std::less<>> seen_;  // top-level keys
  size_t root_offset_ = 0;
  List list_ = List::kNone;  // the list whose items are being handed over
  size_t relation_index_ = 0;
};

}  // namespace

CaseFile ReadCaseFile(const SourceText& source, Diagnostics* diagnostics, const JsonStreamOptions& options) {
  CaseFile file;
  // What the items say is kept apart until the whole document turns out to be valid JSON: a
  // file with a syntax error reports that alone.
  Diagnostics read;
  Reader reader(source, &file, &read);
  const size_t before = diagnostics->size();
  if (!ParseJson(source, &reader, diagnostics, options)) {
    CaseFile unreadable;
    unreadable.path = source.name();
    unreadable.unreadable = true;
    return unreadable;
  }
  // In file order: the parser's (duplicate keys) and the reader's come as each piece ends.
  diagnostics->insert(diagnostics->end(), std::make_move_iterator(read.begin()), std::make_move_iterator(read.end()));
  std::stable_sort(diagnostics->begin() + static_cast<long>(before), diagnostics->end(),
                   [](const Diagnostic& x, const Diagnostic& y) {
                     return std::pair(x.where.line, x.where.column) < std::pair(y.where.line, y.where.column);
                   });
  return file;
}

}  // namespace casegraph
