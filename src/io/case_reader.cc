#include "io/case_reader.h"

#include <cmath>
#include <cstdlib>
#include <initializer_list>

#include "model/limits.h"
#include "text/edit_distance.h"

namespace casegraph {

namespace {

// Reads the members of one JSON object against a list of allowed keys: reports unknown keys
// (with a suggestion) and missing required ones; Get() returns a member's value or nullptr.
class Fields {
 public:
  Fields(const JsonValue& object, const std::string& what, std::initializer_list<const char*> allowed,
         Diagnostics* diagnostics)
      : object_(object), what_(what), diagnostics_(diagnostics) {
    for (const JsonMember& m : object.members) {
      bool known = false;
      for (const char* n : allowed) {
        if (std::string_view(m.key) == n) {
          known = true;
          break;
        }
      }
      if (known) continue;
      const std::vector<std::string> names(allowed.begin(), allowed.end());
      std::string message = "unknown key '" + m.key + "' in " + what;
      const std::vector<std::string> close = Suggest(m.key, names, 1);
      if (!close.empty()) {
        message += DidYouMean(close);
      } else {
        message += " (expected one of:";
        for (size_t i = 0; i < names.size(); ++i) message += (i ? ", " : " ") + names[i];
        message += ")";
      }
      diagnostics->push_back({m.key_where, message});
    }
  }

  const JsonValue* Get(const char* key) const {
    const std::string_view k(key);
    for (const JsonMember& m : object_.members) {
      if (m.key.size() == k.size() && std::string_view(m.key) == k) return &m.value;
    }
    return nullptr;
  }

  const JsonValue* Require(const char* key) const {
    const JsonValue* v = Get(key);
    if (!v) diagnostics_->push_back({object_.where, what_ + " is missing required key '" + key + "'"});
    return v;
  }

 private:
  const JsonValue& object_;
  std::string what_;
  Diagnostics* diagnostics_;
};

class Reader {
 public:
  Reader(const SourceText& source, Diagnostics* diagnostics) : source_(source), diagnostics_(diagnostics) {}

  CaseFile Read(const JsonValue& root) {
    CaseFile file;
    file.path = source_.name();
    if (!root.IsObject()) {
      Error(root.where, std::string("a case file must be a JSON object, not ") + JsonKindName(root.kind));
      return file;
    }
    Fields fields(root, "the case file",
                  {"casegraph", "title", "vocabulary", "sources", "entities", "relations"}, diagnostics_);
    ReadVersion(root, fields.Get("casegraph"));
    if (const JsonValue* v = fields.Get("title")) ReadString(*v, "title", &file.title);
    if (const JsonValue* v = fields.Get("vocabulary")) ReadVocabulary(*v, &file.vocabulary);
    ForEachObject(fields.Get("sources"), "sources", "a source",
                  [&](const JsonValue& o) { ReadSource(o, &file); });
    ForEachObject(fields.Get("entities"), "entities", "an entity",
                  [&](const JsonValue& o) { ReadEntity(o, &file); });
    size_t index = 0;
    ForEachObject(fields.Get("relations"), "relations", "a relation",
                  [&](const JsonValue& o) { ReadRelation(o, ++index, &file); });
    return file;
  }

 private:
  void Error(const Location& where, std::string message) { diagnostics_->push_back({where, std::move(message)}); }

  void TypeError(const JsonValue& v, const std::string& name, const char* expected) {
    Error(v.where, "'" + name + "' must be " + expected + ", not " + JsonKindName(v.kind));
  }

  void ReadVersion(const JsonValue& root, const JsonValue* v) {
    if (!v) {
      Error(root.where, "missing required key 'casegraph' (the format version, " +
                            std::to_string(kFormatVersion) + ")");
    } else if (v->kind != JsonValue::Kind::kNumber) {
      TypeError(*v, "casegraph", "the number 1");
    } else if (v->text != std::to_string(kFormatVersion)) {
      Error(v->where, "unsupported format version " + v->text + " (this casegraph reads version " +
                          std::to_string(kFormatVersion) + ")");
    }
  }

  template <typename Fn>
  void ForEachObject(const JsonValue* list, const char* name, const char* item_what, Fn fn) {
    if (!list) return;
    if (!list->IsArray()) return TypeError(*list, name, "an array");
    for (const JsonValue& item : list->items) {
      if (!item.IsObject()) {
        Error(item.where, std::string("each of '") + name + "' must be an object (" + item_what + "), not " +
                              JsonKindName(item.kind));
        continue;
      }
      fn(item);
    }
  }

  bool ReadString(const JsonValue& v, const std::string& name, std::string* out) {
    if (!v.IsString()) {
      TypeError(v, name, "a string");
      return false;
    }
    *out = v.text;
    return true;
  }

  bool ReadNonEmpty(const JsonValue* v, const std::string& name, std::string* out) {
    if (!v || !ReadString(*v, name, out)) return false;
    if (out->find_first_not_of(" \t\r\n") == std::string::npos) {
      Error(v->where, "'" + name + "' must not be empty");
      return false;
    }
    return true;
  }

  // A name, alias or label: not empty, at most kMaxNameBytes.
  bool ReadName(const JsonValue* v, const std::string& name, std::string* out) {
    if (!ReadNonEmpty(v, name, out)) return false;
    if (out->size() > kMaxNameBytes) {
      Error(v->where, "'" + name + "' of " + std::to_string(out->size()) + " bytes is longer than the limit of " +
                          std::to_string(kMaxNameBytes));
      return false;
    }
    return true;
  }

  bool ReadId(const JsonValue* v, const std::string& name, std::string* out) {
    if (!v || !ReadString(*v, name, out)) return false;
    if (out->size() > kMaxIdBytes) {
      Error(v->where, name + " of " + std::to_string(out->size()) + " bytes is longer than the limit of " +
                          std::to_string(kMaxIdBytes));
      out->clear();
      return false;
    }
    if (!IsValidId(*out)) {
      Error(v->where, "invalid " + name + " '" + *out + "': use only letters, digits and . _ : -");
      return false;
    }
    return true;
  }

  std::optional<Date> ReadDate(const JsonValue* v, const std::string& name) {
    std::string text;
    if (!v || !ReadString(*v, name, &text)) return std::nullopt;
    std::string error;
    std::optional<Date> date = ParseDate(text, &error);
    if (!date) Error(v->where, error);
    return date;
  }

  void ReadAttributes(const JsonValue* v, Attributes* out) {
    if (!v) return;
    if (!v->IsObject()) return TypeError(*v, "attributes", "an object");
    for (const JsonMember& m : v->members) {
      AttributeValue a;
      a.text = m.value.text;
      a.where = m.value.where;
      switch (m.value.kind) {
        case JsonValue::Kind::kString: a.kind = AttributeValue::Kind::kString; break;
        case JsonValue::Kind::kNumber: a.kind = AttributeValue::Kind::kNumber; break;
        case JsonValue::Kind::kBool: a.kind = AttributeValue::Kind::kBool; break;
        case JsonValue::Kind::kNull: a.kind = AttributeValue::Kind::kNull; break;
        default:
          Error(m.value.where, "attribute '" + m.key + "' must be a string, number, boolean or null, not " +
                                   JsonKindName(m.value.kind));
          continue;
      }
      out->emplace(m.key, std::move(a));
    }
  }

  void ReadStringList(const JsonValue* v, const std::string& name, std::vector<std::string>* out) {
    if (!v) return;
    if (!v->IsArray()) return TypeError(*v, name, "an array of strings");
    for (const JsonValue& item : v->items) {
      std::string s;
      if (ReadName(&item, name, &s)) out->push_back(s);
    }
  }

  void ReadVocabulary(const JsonValue& v, Vocabulary* out) {
    if (!v.IsObject()) return TypeError(v, "vocabulary", "an object");
    Fields fields(v, "the vocabulary", {"entity_types", "relation_types"}, diagnostics_);
    if (const JsonValue* types = fields.Get("entity_types")) {
      if (!types->IsObject()) {
        TypeError(*types, "entity_types", "an object");
      } else {
        for (const JsonMember& m : types->members) ReadEntityType(m, out);
      }
    }
    if (const JsonValue* types = fields.Get("relation_types")) {
      if (!types->IsObject()) {
        TypeError(*types, "relation_types", "an object");
      } else {
        for (const JsonMember& m : types->members) ReadRelationType(m, out);
      }
    }
  }

  bool ReadTypeKey(const JsonMember& m, const char* what) {
    if (!IsValidId(m.key)) {
      Error(m.key_where, std::string("invalid ") + what + " '" + m.key + "': use only letters, digits and . _ : -");
      return false;
    }
    if (!m.value.IsObject()) {
      TypeError(m.value, m.key, "an object");
      return false;
    }
    return true;
  }

  void ReadEntityType(const JsonMember& m, Vocabulary* out) {
    if (!ReadTypeKey(m, "entity type")) return;
    EntityType t;
    t.id = m.key;
    t.where = m.key_where;
    Fields fields(m.value, "entity type '" + m.key + "'", {"label", "color", "shape"}, diagnostics_);
    ReadName(fields.Require("label"), "label", &t.label);
    if (const JsonValue* c = fields.Get("color")) ReadString(*c, "color", &t.color);
    if (const JsonValue* s = fields.Get("shape")) ReadString(*s, "shape", &t.shape);
    out->entity_types[t.id] = t;
  }

  void ReadRelationType(const JsonMember& m, Vocabulary* out) {
    if (!ReadTypeKey(m, "relation type")) return;
    RelationType t;
    t.id = m.key;
    t.where = m.key_where;
    Fields fields(m.value, "relation type '" + m.key + "'", {"label", "inverse", "symmetric", "color"},
                  diagnostics_);
    ReadName(fields.Require("label"), "label", &t.label);
    if (const JsonValue* s = fields.Get("symmetric")) {
      if (s->kind != JsonValue::Kind::kBool) {
        TypeError(*s, "symmetric", "true or false");
      } else {
        t.symmetric = s->text == "true";
      }
    }
    if (const JsonValue* inv = fields.Get("inverse")) {
      ReadName(inv, "inverse", &t.inverse);
    } else if (t.symmetric) {
      t.inverse = t.label;
    } else {
      Error(m.value.where, "relation type '" + m.key +
                               "' is missing required key 'inverse' (its label read backwards), "
                               "unless it is symmetric");
    }
    if (const JsonValue* c = fields.Get("color")) ReadString(*c, "color", &t.color);
    out->relation_types[t.id] = t;
  }

  void ReadSource(const JsonValue& o, CaseFile* file) {
    Source s;
    s.where = o.where;
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

  void ReadEntity(const JsonValue& o, CaseFile* file) {
    Entity e;
    e.where = o.where;
    Fields fields(o, "entity", {"id", "name", "type", "aliases", "description", "attributes"}, diagnostics_);
    ReadId(fields.Require("id"), "entity id", &e.id);
    if (const JsonValue* v = fields.Require("name")) {
      e.name_where = v->where;
      ReadName(v, "name", &e.name);
    }
    if (const JsonValue* v = fields.Require("type")) {
      e.type_where = v->where;
      ReadId(v, "entity type", &e.type);
    }
    ReadStringList(fields.Get("aliases"), "aliases", &e.aliases);
    if (const JsonValue* v = fields.Get("description")) {
      e.description_where = v->where;
      ReadString(*v, "description", &e.description);
    }
    ReadAttributes(fields.Get("attributes"), &e.attributes);
    file->entities.push_back(std::move(e));
  }

  void ReadRelation(const JsonValue& o, size_t index, CaseFile* file) {
    Relation r;
    r.where = o.where;
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
      r.type_where = v->where;
      ReadId(v, "relation type", &r.type);
    }
    if (const JsonValue* v = fields.Require("from")) {
      r.from_where = v->where;
      ReadId(v, "entity id", &r.from);
    }
    if (const JsonValue* v = fields.Require("to")) {
      r.to_where = v->where;
      ReadId(v, "entity id", &r.to);
    }
    ReadDates(fields, &r);
    if (const JsonValue* v = fields.Get("status")) ReadStatus(*v, &r.status);
    if (const JsonValue* v = fields.Get("weight")) ReadWeight(*v, &r.weight);
    ReadAttributes(fields.Get("attributes"), &r.attributes);
    ForEachObject(fields.Get("evidence"), "evidence", "an evidence record",
                  [&](const JsonValue& e) { ReadEvidence(e, &r); });
    file->relations.push_back(std::move(r));
  }

  void ReadDates(const Fields& fields, Relation* r) {
    const JsonValue* date = fields.Get("date");
    const JsonValue* start = fields.Get("start");
    const JsonValue* end = fields.Get("end");
    if (date && (start || end)) {
      Error(date->where, "a relation has either 'date' (an event) or 'start'/'end' (a span), not both");
      return;
    }
    r->date = ReadDate(date, "date");
    r->start = ReadDate(start, "start");
    r->end = ReadDate(end, "end");
    if (r->start && r->end && r->end->last < r->start->first) {
      Error(end->where, "end '" + r->end->text + "' is before start '" + r->start->text + "'");
    }
  }

  void ReadStatus(const JsonValue& v, Status* out) {
    std::string word;
    if (!ReadString(v, "status", &word)) return;
    if (std::optional<Status> s = ParseStatus(word)) {
      *out = *s;
      return;
    }
    const std::vector<std::string> all = {"fact", "reported", "alleged", "claimed", "denied"};
    Error(v.where, "unknown status '" + word + "'" + DidYouMean(Suggest(word, all, 1)) +
                       " (one of fact, reported, alleged, claimed, denied)");
  }

  void ReadWeight(const JsonValue& v, double* out) {
    if (v.kind != JsonValue::Kind::kNumber) return TypeError(v, "weight", "a positive number");
    const double w = std::strtod(v.text.c_str(), nullptr);
    if (!(w > 0) || !std::isfinite(w)) {
      Error(v.where, "weight must be a positive number, not " + v.text);
      return;
    }
    *out = w;
  }

  void ReadEvidence(const JsonValue& o, Relation* r) {
    Evidence e;
    e.where = o.where;
    Fields fields(o, "evidence", {"source", "quote", "locator"}, diagnostics_);
    if (const JsonValue* v = fields.Require("source")) {
      e.source_where = v->where;
      ReadId(v, "source id", &e.source);
    }
    const JsonValue* quote = fields.Get("quote");
    const JsonValue* locator = fields.Get("locator");
    if (quote) {
      e.quote_where = quote->where;
      ReadNonEmpty(quote, "quote", &e.quote);
    }
    if (locator) ReadNonEmpty(locator, "locator", &e.locator);
    if (!quote && !locator) {
      Error(o.where, "evidence needs a 'quote' (the exact words) or, for a source without text such as a "
                     "database record, a 'locator' (which record)");
    }
    r->evidence.push_back(std::move(e));
  }

  const SourceText& source_;
  Diagnostics* diagnostics_;
};

}  // namespace

CaseFile ReadCaseFile(const SourceText& source, Diagnostics* diagnostics) {
  std::optional<JsonValue> root = ParseJsonTree(source, diagnostics);
  if (!root) {
    CaseFile file;
    file.path = source.name();
    file.unreadable = true;
    return file;
  }
  return Reader(source, diagnostics).Read(*root);
}

}  // namespace casegraph
