#include "io/case_reader.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstdlib>
#include <initializer_list>
#include <set>
#include <span>

#include "model/limits.h"
#include "text/edit_distance.h"

namespace casegraph {

namespace {

// Reports a key that is not among the allowed ones, with a suggestion.
void UnknownKey(std::string_view key, const Location& where, const std::string& what,
                std::span<const std::string_view> allowed, Diagnostics* diagnostics) {
  const std::vector<std::string> names(allowed.begin(), allowed.end());
  std::string message = "unknown key '" + std::string(key) + "' in " + what;
  const std::vector<std::string> close = Suggest(std::string(key), names, 1);
  if (!close.empty()) {
    message += DidYouMean(close);
  } else {
    message += " (expected one of:";
    for (size_t i = 0; i < names.size(); ++i) message += (i ? ", " : " ") + names[i];
    message += ")";
  }
  diagnostics->push_back({where, message});
}

// Reads the members of one JSON object against a list of allowed keys: reports unknown keys
// (with a suggestion) and missing required ones; Get() returns a member's value or nullptr.
// The first of duplicate keys counts (the parser reports the others).
class Fields {
 public:
  static constexpr size_t kMaxKeys = 12;

  Fields(JsonValue object, std::string what, std::initializer_list<std::string_view> allowed,
         Diagnostics* diagnostics)
      : object_(object), what_(std::move(what)), count_(allowed.size()), diagnostics_(diagnostics) {
    assert(count_ <= kMaxKeys);
    std::copy(allowed.begin(), allowed.end(), allowed_.begin());
    for (JsonValue m : object.children()) {
      const std::string_view key = m.key();
      size_t i = 0;
      while (i < count_ && allowed_[i] != key) ++i;
      if (i == count_) {
        UnknownKey(key, m.key_where(), what_, std::span(allowed_.data(), count_), diagnostics);
      } else if (!found_[i]) {
        found_[i] = m;
      }
    }
  }

  const JsonValue* Get(std::string_view key) const {
    for (size_t i = 0; i < count_; ++i) {
      if (allowed_[i] == key) return found_[i] ? &*found_[i] : nullptr;
    }
    return nullptr;
  }

  const JsonValue* Require(std::string_view key) const {
    const JsonValue* v = Get(key);
    if (!v) {
      diagnostics_->push_back({object_.where(), what_ + " is missing required key '" + std::string(key) + "'"});
    }
    return v;
  }

 private:
  JsonValue object_;
  std::string what_;
  std::array<std::string_view, kMaxKeys> allowed_;
  std::array<std::optional<JsonValue>, kMaxKeys> found_;
  size_t count_;
  Diagnostics* diagnostics_;
};

// Reads a case file as the parser hands it over: the top-level object member by member, and
// the lists of sources, entities and relations item by item, so that only one item's values
// are held at a time.
class Reader : public JsonVisitor {
 public:
  Reader(const SourceText& source, CaseFile* file, Diagnostics* diagnostics)
      : source_(source), file_(file), diagnostics_(diagnostics) {
    file_->path = source_.name();
  }

  static constexpr std::array<std::string_view, 6> kTopKeys = {"casegraph", "title",    "vocabulary",
                                                               "sources",   "entities", "relations"};

  bool Split(int depth, JsonKind kind, std::string_view key) const override {
    if (depth == 0) return kind == JsonKind::kObject;
    return depth == 1 && kind == JsonKind::kArray && ListOf(key) != List::kNone;
  }

  void Open(int depth, JsonKind, std::string_view key, size_t offset) override {
    if (depth == 0) {
      root_offset_ = offset;
    } else {
      seen_.emplace(key);
      list_ = ListOf(key);
    }
  }

  void Value(int depth, JsonValue v) override {
    if (depth == 0) {  // the document, not an object
      Error(v.where(), std::string("a case file must be a JSON object, not ") + JsonKindName(v.kind()));
      return;
    }
    if (depth == 2) return ReadItem(v);
    const std::string_view key = v.key();
    // A top-level member other than a list read item by item (whose key is a known one).
    if (std::find(kTopKeys.begin(), kTopKeys.end(), key) == kTopKeys.end()) {
      UnknownKey(key, v.key_where(), "the case file", kTopKeys, diagnostics_);
      return;
    }
    if (!FirstTime(key)) return;
    if (key == "casegraph") {
      ReadVersion(v);
    } else if (key == "title") {
      ReadString(v, "title", &file_->title);
    } else if (key == "vocabulary") {
      ReadVocabulary(v, &file_->vocabulary);
    } else {  // sources, entities or relations, but not an array
      TypeError(v, std::string(key), "an array");
    }
  }

  void Close(int depth, JsonKind) override {
    if (depth == 1) list_ = List::kNone;
    if (depth == 0 && !seen_.count("casegraph")) {
      Error(source_.LocationAt(root_offset_), "missing required key 'casegraph' (the format version, " +
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

  // Whether a top-level key comes for the first time (the parser reports duplicates; the first counts).
  bool FirstTime(std::string_view key) { return seen_.emplace(key).second; }

  void ReadItem(JsonValue item) {
    const char* name = list_ == List::kSources ? "sources" : list_ == List::kEntities ? "entities" : "relations";
    const char* what = list_ == List::kSources ? "a source" : list_ == List::kEntities ? "an entity" : "a relation";
    if (!item.IsObject()) return NotAnObject(item, name, what);
    switch (list_) {
      case List::kSources: return ReadSource(item, file_);
      case List::kEntities: return ReadEntity(item, file_);
      case List::kRelations: return ReadRelation(item, ++relation_index_, file_);
      case List::kNone: return;
    }
  }

 private:
  void Error(const Location& where, std::string message) { diagnostics_->push_back({where, std::move(message)}); }

  void TypeError(JsonValue v, const std::string& name, const char* expected) {
    Error(v.where(), "'" + name + "' must be " + expected + ", not " + JsonKindName(v.kind()));
  }

  void ReadVersion(JsonValue v) {
    if (v.kind() != JsonKind::kNumber) {
      TypeError(v, "casegraph", "the number 1");
    } else if (v.text() != std::to_string(kFormatVersion)) {
      Error(v.where(), "unsupported format version " + std::string(v.text()) + " (this casegraph reads version " +
                           std::to_string(kFormatVersion) + ")");
    }
  }

  void NotAnObject(JsonValue item, const char* name, const char* item_what) {
    Error(item.where(), std::string("each of '") + name + "' must be an object (" + item_what + "), not " +
                            JsonKindName(item.kind()));
  }

  template <typename Fn>
  void ForEachObject(const JsonValue* list, const char* name, const char* item_what, Fn fn) {
    if (!list) return;
    if (!list->IsArray()) return TypeError(*list, name, "an array");
    for (JsonValue item : list->children()) {
      if (item.IsObject()) {
        fn(item);
      } else {
        NotAnObject(item, name, item_what);
      }
    }
  }

  bool ReadString(JsonValue v, const std::string& name, std::string* out) {
    if (!v.IsString()) {
      TypeError(v, name, "a string");
      return false;
    }
    *out = v.text();
    return true;
  }

  bool ReadNonEmpty(const JsonValue* v, const std::string& name, std::string* out) {
    if (!v || !ReadString(*v, name, out)) return false;
    if (out->find_first_not_of(" \t\r\n") == std::string::npos) {
      Error(v->where(), "'" + name + "' must not be empty");
      return false;
    }
    return true;
  }

  // A name, alias or label: not empty, at most kMaxNameBytes.
  bool ReadName(const JsonValue* v, const std::string& name, std::string* out) {
    if (!ReadNonEmpty(v, name, out)) return false;
    if (out->size() > kMaxNameBytes) {
      Error(v->where(), "'" + name + "' of " + std::to_string(out->size()) + " bytes is longer than the limit of " +
                          std::to_string(kMaxNameBytes));
      return false;
    }
    return true;
  }

  bool ReadId(const JsonValue* v, const std::string& name, std::string* out) {
    if (!v || !ReadString(*v, name, out)) return false;
    if (out->size() > kMaxIdBytes) {
      Error(v->where(), name + " of " + std::to_string(out->size()) + " bytes is longer than the limit of " +
                          std::to_string(kMaxIdBytes));
      out->clear();
      return false;
    }
    if (!IsValidId(*out)) {
      Error(v->where(), "invalid " + name + " '" + *out + "': use only letters, digits and . _ : -");
      return false;
    }
    return true;
  }

  std::optional<Date> ReadDate(const JsonValue* v, const std::string& name) {
    std::string text;
    if (!v || !ReadString(*v, name, &text)) return std::nullopt;
    std::string error;
    std::optional<Date> date = ParseDate(text, &error);
    if (!date) Error(v->where(), error);
    return date;
  }

  void ReadAttributes(const JsonValue* v, Attributes* out) {
    if (!v) return;
    if (!v->IsObject()) return TypeError(*v, "attributes", "an object");
    for (JsonValue m : v->children()) {
      AttributeValue a;
      a.text = m.text();
      a.where = m.where();
      switch (m.kind()) {
        case JsonKind::kString: a.kind = AttributeValue::Kind::kString; break;
        case JsonKind::kNumber: a.kind = AttributeValue::Kind::kNumber; break;
        case JsonKind::kBool: a.kind = AttributeValue::Kind::kBool; break;
        case JsonKind::kNull: a.kind = AttributeValue::Kind::kNull; break;
        default:
          Error(m.where(), "attribute '" + std::string(m.key()) + "' must be a string, number, boolean or null, not " +
                               JsonKindName(m.kind()));
          continue;
      }
      out->emplace(m.key(), std::move(a));
    }
  }

  void ReadStringList(const JsonValue* v, const std::string& name, std::vector<std::string>* out) {
    if (!v) return;
    if (!v->IsArray()) return TypeError(*v, name, "an array of strings");
    for (JsonValue item : v->children()) {
      std::string s;
      if (ReadName(&item, name, &s)) out->push_back(s);
    }
  }

  void ReadVocabulary(JsonValue v, Vocabulary* out) {
    if (!v.IsObject()) return TypeError(v, "vocabulary", "an object");
    Fields fields(v, "the vocabulary", {"entity_types", "relation_types"}, diagnostics_);
    if (const JsonValue* types = fields.Get("entity_types")) {
      if (!types->IsObject()) {
        TypeError(*types, "entity_types", "an object");
      } else {
        for (JsonValue m : types->children()) ReadEntityType(m, out);
      }
    }
    if (const JsonValue* types = fields.Get("relation_types")) {
      if (!types->IsObject()) {
        TypeError(*types, "relation_types", "an object");
      } else {
        for (JsonValue m : types->children()) ReadRelationType(m, out);
      }
    }
  }

  bool ReadTypeKey(JsonValue m, const char* what) {
    const std::string key(m.key());
    if (!IsValidId(key)) {
      Error(m.key_where(), std::string("invalid ") + what + " '" + key + "': use only letters, digits and . _ : -");
      return false;
    }
    if (!m.IsObject()) {
      TypeError(m, key, "an object");
      return false;
    }
    return true;
  }

  void ReadEntityType(JsonValue m, Vocabulary* out) {
    if (!ReadTypeKey(m, "entity type")) return;
    EntityType t;
    t.id = m.key();
    t.where = m.key_where();
    Fields fields(m, "entity type '" + t.id + "'", {"label", "color", "shape"}, diagnostics_);
    ReadName(fields.Require("label"), "label", &t.label);
    if (const JsonValue* c = fields.Get("color")) ReadString(*c, "color", &t.color);
    if (const JsonValue* s = fields.Get("shape")) ReadString(*s, "shape", &t.shape);
    out->entity_types[t.id] = t;
  }

  void ReadRelationType(JsonValue m, Vocabulary* out) {
    if (!ReadTypeKey(m, "relation type")) return;
    RelationType t;
    t.id = m.key();
    t.where = m.key_where();
    Fields fields(m, "relation type '" + t.id + "'", {"label", "inverse", "symmetric", "color"},
                  diagnostics_);
    ReadName(fields.Require("label"), "label", &t.label);
    if (const JsonValue* s = fields.Get("symmetric")) {
      if (s->kind() != JsonKind::kBool) {
        TypeError(*s, "symmetric", "true or false");
      } else {
        t.symmetric = s->text() == "true";
      }
    }
    if (const JsonValue* inv = fields.Get("inverse")) {
      ReadName(inv, "inverse", &t.inverse);
    } else if (t.symmetric) {
      t.inverse = t.label;
    } else {
      Error(m.where(), "relation type '" + t.id +
                               "' is missing required key 'inverse' (its label read backwards), "
                               "unless it is symmetric");
    }
    if (const JsonValue* c = fields.Get("color")) ReadString(*c, "color", &t.color);
    out->relation_types[t.id] = t;
  }

  void ReadSource(JsonValue o, CaseFile* file) {
    Source s;
    s.where = o.where();
    Fields fields(o, "source", {"id", "title", "publisher", "date", "url", "file"}, diagnostics_);
    ReadId(fields.Require("id"), "source id", &s.id);
    if (const JsonValue* v = fields.Get("title")) ReadString(*v, "title", &s.title);
    if (const JsonValue* v = fields.Get("publisher")) ReadString(*v, "publisher", &s.publisher);
    if (const JsonValue* v = fields.Get("url")) ReadString(*v, "url", &s.url);
    if (const JsonValue* v = fields.Get("file")) ReadNonEmpty(v, "file", &s.file);
    s.date = ReadDate(fields.Get("date"), "date");
    if (!s.file.empty()) {
      const size_t slash = file->path.find_last_of('/');
      const std::string dir = slash == std::string::npos ? "" : file->path.substr(0, slash + 1);
      s.resolved_file = s.file[0] == '/' ? s.file : dir + s.file;
    }
    file->sources.push_back(std::move(s));
  }

  void ReadEntity(JsonValue o, CaseFile* file) {
    Entity e;
    e.where = o.where();
    Fields fields(o, "entity", {"id", "name", "type", "aliases", "description", "attributes"}, diagnostics_);
    ReadId(fields.Require("id"), "entity id", &e.id);
    if (const JsonValue* v = fields.Require("name")) {
      e.name_where = v->where();
      ReadName(v, "name", &e.name);
    }
    if (const JsonValue* v = fields.Require("type")) {
      e.type_where = v->where();
      ReadId(v, "entity type", &e.type);
    }
    ReadStringList(fields.Get("aliases"), "aliases", &e.aliases);
    if (const JsonValue* v = fields.Get("description")) {
      e.description_where = v->where();
      ReadString(*v, "description", &e.description);
    }
    ReadAttributes(fields.Get("attributes"), &e.attributes);
    file->entities.push_back(std::move(e));
  }

  void ReadRelation(JsonValue o, size_t index, CaseFile* file) {
    Relation r;
    r.where = o.where();
    Fields fields(o, "relation",
                  {"id", "type", "from", "to", "date", "start", "end", "status", "weight", "attributes",
                   "evidence"},
                  diagnostics_);
    if (const JsonValue* v = fields.Get("id")) {
      ReadId(v, "relation id", &r.id);
    } else {
      r.id = ImpliedRelationId(file->path, index);
      r.id_given = false;
    }
    if (const JsonValue* v = fields.Require("type")) {
      r.type_where = v->where();
      ReadId(v, "relation type", &r.type);
    }
    if (const JsonValue* v = fields.Require("from")) {
      r.from_where = v->where();
      ReadId(v, "entity id", &r.from);
    }
    if (const JsonValue* v = fields.Require("to")) {
      r.to_where = v->where();
      ReadId(v, "entity id", &r.to);
    }
    ReadDates(fields, &r);
    if (const JsonValue* v = fields.Get("status")) ReadStatus(*v, &r.status);
    if (const JsonValue* v = fields.Get("weight")) ReadWeight(*v, &r.weight);
    ReadAttributes(fields.Get("attributes"), &r.attributes);
    ForEachObject(fields.Get("evidence"), "evidence", "an evidence record",
                  [&](JsonValue e) { ReadEvidence(e, &r); });
    file->relations.push_back(std::move(r));
  }

  void ReadDates(const Fields& fields, Relation* r) {
    const JsonValue* date = fields.Get("date");
    const JsonValue* start = fields.Get("start");
    const JsonValue* end = fields.Get("end");
    if (date && (start || end)) {
      Error(date->where(), "a relation has either 'date' (an event) or 'start'/'end' (a span), not both");
      return;
    }
    r->date = ReadDate(date, "date");
    r->start = ReadDate(start, "start");
    r->end = ReadDate(end, "end");
    if (r->start && r->end && r->end->last < r->start->first) {
      Error(end->where(), "end '" + r->end->text + "' is before start '" + r->start->text + "'");
    }
  }

  void ReadStatus(JsonValue v, Status* out) {
    std::string word;
    if (!ReadString(v, "status", &word)) return;
    if (std::optional<Status> s = ParseStatus(word)) {
      *out = *s;
      return;
    }
    const std::vector<std::string> all = {"fact", "reported", "alleged", "claimed", "denied"};
    Error(v.where(), "unknown status '" + word + "'" + DidYouMean(Suggest(word, all, 1)) +
                       " (one of fact, reported, alleged, claimed, denied)");
  }

  void ReadWeight(JsonValue v, double* out) {
    if (v.kind() != JsonKind::kNumber) return TypeError(v, "weight", "a positive number");
    const std::string text(v.text());
    const double w = std::strtod(text.c_str(), nullptr);
    if (!(w > 0) || !std::isfinite(w)) {
      Error(v.where(), "weight must be a positive number, not " + text);
      return;
    }
    *out = w;
  }

  void ReadEvidence(JsonValue o, Relation* r) {
    Evidence e;
    e.where = o.where();
    Fields fields(o, "evidence", {"source", "quote", "locator"}, diagnostics_);
    if (const JsonValue* v = fields.Require("source")) {
      e.source_where = v->where();
      ReadId(v, "source id", &e.source);
    }
    const JsonValue* quote = fields.Get("quote");
    const JsonValue* locator = fields.Get("locator");
    if (quote) {
      e.quote_where = quote->where();
      ReadNonEmpty(quote, "quote", &e.quote);
    }
    if (locator) ReadNonEmpty(locator, "locator", &e.locator);
    if (!quote && !locator) {
      Error(o.where(), "evidence needs a 'quote' (the exact words) or, for a source without text such as a "
                     "database record, a 'locator' (which record)");
    }
    r->evidence.push_back(std::move(e));
  }

  const SourceText& source_;
  CaseFile* file_;
  Diagnostics* diagnostics_;
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
