#include "io/case_items.h"

#include <cmath>
#include <cstdlib>

namespace casegraph {

namespace cf = case_format;

void CaseItemReader::ReadVocabulary(JsonValue v) {
  if (!v.IsObject()) return TypeError(v, "vocabulary", "an object");
  JsonFields fields(v, "the vocabulary", cf::kVocabularyKeys, diagnostics_);
  file_->written.vocabulary = fields.written();
  if (const JsonValue* types = fields.Get("entity_types")) {
    if (!types->IsObject()) {
      TypeError(*types, "entity_types", "an object");
    } else {
      for (JsonValue m : types->children()) ReadEntityType(m);
    }
  }
  if (const JsonValue* types = fields.Get("relation_types")) {
    if (!types->IsObject()) {
      TypeError(*types, "relation_types", "an object");
    } else {
      for (JsonValue m : types->children()) ReadRelationType(m);
    }
  }
}

bool CaseItemReader::ReadTypeKey(JsonValue m, const char* what) {
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

void CaseItemReader::ReadEntityType(JsonValue m) {
  if (!ReadTypeKey(m, "entity type")) return;
  EntityType t;
  t.id = m.key();
  t.where = m.key_where();
  JsonFields fields(m, "entity type '" + t.id + "'", cf::kEntityTypeKeys, diagnostics_);
  ReadName(fields.Require("label"), "label", &t.label);
  if (const JsonValue* c = fields.Get("color")) ReadString(*c, "color", &t.color);
  if (const JsonValue* s = fields.Get("shape")) ReadString(*s, "shape", &t.shape);
  file_->written.entity_types.emplace_back(t.id, fields.written());
  file_->vocabulary.entity_types[t.id] = t;
}

void CaseItemReader::ReadRelationType(JsonValue m) {
  if (!ReadTypeKey(m, "relation type")) return;
  RelationType t;
  t.id = m.key();
  t.where = m.key_where();
  JsonFields fields(m, "relation type '" + t.id + "'", cf::kRelationTypeKeys, diagnostics_);
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
                         "' is missing required key 'inverse' (its label read backwards), unless it is symmetric");
  }
  if (const JsonValue* c = fields.Get("color")) ReadString(*c, "color", &t.color);
  file_->written.relation_types.emplace_back(t.id, fields.written());
  file_->vocabulary.relation_types[t.id] = t;
}

void CaseItemReader::ReadSource(JsonValue o) {
  Source s;
  s.where = o.where();
  JsonFields fields(o, "source", cf::kSourceKeys, diagnostics_);
  ReadId(fields.Require("id"), "source id", &s.id);
  if (const JsonValue* v = fields.Get("title")) ReadString(*v, "title", &s.title);
  if (const JsonValue* v = fields.Get("publisher")) ReadString(*v, "publisher", &s.publisher);
  if (const JsonValue* v = fields.Get("url")) ReadString(*v, "url", &s.url);
  if (const JsonValue* v = fields.Get("file")) ReadNonEmpty(v, "file", &s.file);
  s.date = ReadDate(fields.Get("date"), "date");
  if (!s.file.empty()) {
    const size_t slash = file_->path.find_last_of('/');
    const std::string dir = slash == std::string::npos ? "" : file_->path.substr(0, slash + 1);
    s.resolved_file = s.file[0] == '/' ? s.file : dir + s.file;
  }
  file_->sources.push_back(std::move(s));
  file_->written.sources.push_back(fields.written());
}

void CaseItemReader::ReadEntity(JsonValue o) {
  Entity e;
  e.where = o.where();
  JsonFields fields(o, "entity", cf::kEntityKeys, diagnostics_);
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
  file_->entities.push_back(std::move(e));
  file_->written.entities.push_back(fields.written());
}

void CaseItemReader::ReadRelation(JsonValue o, size_t index) {
  Relation r;
  r.where = o.where();
  JsonFields fields(o, "relation", cf::kRelationKeys, diagnostics_);
  if (const JsonValue* v = fields.Get("id")) {
    ReadId(v, "relation id", &r.id);
  } else {
    r.id = ImpliedRelationId(file_->path, index);
    r.id_given = false;
  }
  for (auto [key, where, out] : {std::tuple("type", &r.type_where, &r.type), std::tuple("from", &r.from_where, &r.from),
                                 std::tuple("to", &r.to_where, &r.to)}) {
    if (const JsonValue* v = fields.Require(key)) {
      *where = v->where();
      ReadId(v, key == std::string_view("type") ? "relation type" : "entity id", out);
    }
  }
  ReadDates(fields, &r);
  if (const JsonValue* v = fields.Get("status")) ReadStatus(*v, &r.status);
  if (const JsonValue* v = fields.Get("weight")) ReadWeight(*v, &r.weight);
  ReadAttributes(fields.Get("attributes"), &r.attributes);
  if (const JsonValue* list = fields.Get("evidence")) {
    if (!list->IsArray()) {
      TypeError(*list, "evidence", "an array");
    } else {
      for (JsonValue item : list->children()) {
        if (item.IsObject()) {
          ReadEvidence(item, &r);
        } else {
          Error(item.where(), std::string("each of 'evidence' must be an object (an evidence record), not ") +
                                  JsonKindName(item.kind()));
        }
      }
    }
  }
  file_->relations.push_back(std::move(r));
  file_->written.relations.push_back(fields.written());
}

void CaseItemReader::ReadDates(const JsonFields& fields, Relation* r) {
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

void CaseItemReader::ReadStatus(JsonValue v, ClaimStatus* out) {
  std::string word;
  if (!ReadString(v, "status", &word)) return;
  if (std::optional<ClaimStatus> s = ParseClaimStatus(word)) {
    *out = *s;
  } else {
    Error(v.where(), UnknownClaimStatusMessage(word));
  }
}

void CaseItemReader::ReadWeight(JsonValue v, double* out) {
  if (v.kind() != JsonKind::kNumber) return TypeError(v, "weight", "a positive number");
  const std::string text(v.text());
  const double w = std::strtod(text.c_str(), nullptr);
  if (!(w > 0) || !std::isfinite(w)) {
    Error(v.where(), "weight must be a positive number, not " + text);
    return;
  }
  *out = w;
}

void CaseItemReader::ReadEvidence(JsonValue o, Relation* r) {
  Evidence e;
  e.where = o.where();
  JsonFields fields(o, "evidence", cf::kEvidenceKeys, diagnostics_);
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

}  // namespace casegraph
