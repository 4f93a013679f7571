#include "render/diff_render.h"

#include "render/json_writer.h"

namespace casegraph {

namespace {

void DateValue(JsonOut* out, const std::optional<Date>& d) { d ? out->String(d->text) : out->Null(); }

void StringOrNull(JsonOut* out, const std::string& s) { s.empty() ? out->Null() : out->String(s); }

void FieldValue(JsonOut* out, const Entity& e, const std::string& field) {
  if (field == "name") return out->String(e.name);
  if (field == "type") return out->String(e.type);
  if (field == "aliases") return out->StringArray(e.aliases);
  if (field == "description") return StringOrNull(out, e.description);
  out->AttributesObject(e.attributes);
}

void FieldValue(JsonOut* out, const Relation& r, const std::string& field) {
  if (field == "type") return out->String(r.type);
  if (field == "from") return out->String(r.from);
  if (field == "to") return out->String(r.to);
  if (field == "date") return DateValue(out, r.date);
  if (field == "start") return DateValue(out, r.start);
  if (field == "end") return DateValue(out, r.end);
  if (field == "status") return out->String(std::string(ClaimStatusName(r.status)));
  if (field == "weight") return out->Double(r.weight);
  if (field == "attributes") return out->AttributesObject(r.attributes);
  out->EvidenceArray(r.evidence);
}

void FieldValue(JsonOut* out, const Source& s, const std::string& field) {
  if (field == "title") return StringOrNull(out, s.title);
  if (field == "publisher") return StringOrNull(out, s.publisher);
  if (field == "url") return StringOrNull(out, s.url);
  if (field == "file") return StringOrNull(out, s.file);
  DateValue(out, s.date);
}

const std::vector<std::string>& Fields(const Entity&) { return kEntityDiffFields; }
const std::vector<std::string>& Fields(const Relation&) { return kRelationDiffFields; }
const std::vector<std::string>& Fields(const Source&) { return kSourceDiffFields; }

template <typename Record>
std::string ValueText(const Record& r, const std::string& field) {
  JsonOut out(false);
  FieldValue(&out, r, field);
  return out.Text();
}

template <typename Record>
void WholeRecord(JsonOut* out, const Record& r) {
  out->StartObject();
  out->Field("id", r.id);
  for (const std::string& field : Fields(r)) {
    out->Key(field);
    FieldValue(out, r, field);
  }
  out->EndObject();
}

template <typename Record>
void ChangesJson(JsonOut* out, const std::string& key, const RecordChanges<Record>& c) {
  out->Key(key);
  out->StartObject();
  out->Key("added");
  out->StartArray();
  for (const Record& r : c.added) WholeRecord(out, r);
  out->EndArray();
  out->Key("removed");
  out->StartArray();
  for (const Record& r : c.removed) WholeRecord(out, r);
  out->EndArray();
  out->Key("changed");
  out->StartArray();
  for (const auto& ch : c.changed) {
    out->StartObject();
    out->Field("id", ch.after.id);
    if (ch.before.id != ch.after.id) out->Field("old_id", ch.before.id);
    out->Key("fields");
    out->StringArray(ch.fields);
    for (const char* side : {"before", "after"}) {
      const Record& r = side[0] == 'b' ? ch.before : ch.after;
      out->Key(side);
      out->StartObject();
      for (const std::string& field : ch.fields) {
        out->Key(field);
        FieldValue(out, r, field);
      }
      out->EndObject();
    }
    out->EndObject();
  }
  out->EndArray();
  out->EndObject();
}

// What a record is, in a few words: "Margrethe Vestager (person)", "vestager -[fined]-> google
// (2018-07-18, reported)", "\"Ruling\" (sources/ruling.txt)".
std::string Summary(const Entity& e) { return e.name + " (" + e.type + ")"; }

std::string Summary(const Relation& r) {
  return r.from + " -[" + r.type + "]-> " + r.to + " (" + RelationDateText(r, false) + ", " +
         std::string(ClaimStatusName(r.status)) + ")";
}

std::string Summary(const Source& s) {
  std::string out = s.title.empty() ? "(untitled)" : "\"" + s.title + "\"";
  if (!s.file.empty()) out += " (" + s.file + ")";
  return out;
}

template <typename Record>
void ChangesText(std::string* out, const std::string& kind, const RecordChanges<Record>& c) {
  for (const Record& r : c.added) *out += "+ " + kind + " " + r.id + ": " + Summary(r) + "\n";
  for (const Record& r : c.removed) *out += "- " + kind + " " + r.id + ": " + Summary(r) + "\n";
  for (const auto& ch : c.changed) {
    const std::string was = ch.before.id == ch.after.id ? "" : " (was " + ch.before.id + ")";
    *out += "~ " + kind + " " + ch.after.id + was + ": " + Summary(ch.after) + "\n";
    for (const std::string& field : ch.fields) {
      *out += "    " + field + ": " + ValueText(ch.before, field) + " -> " + ValueText(ch.after, field) + "\n";
    }
  }
}

template <typename Record>
std::string Counts(const std::string& plural, const RecordChanges<Record>& c) {
  return plural + " " + std::to_string(c.added.size()) + " added, " + std::to_string(c.removed.size()) +
         " removed, " + std::to_string(c.changed.size()) + " changed";
}

}  // namespace

std::string RenderDiffText(const CaseDiff& d) {
  if (d.empty()) return "";
  std::string out;
  ChangesText(&out, "entity", d.entities);
  ChangesText(&out, "relation", d.relations);
  ChangesText(&out, "source", d.sources);
  out += Counts("entities", d.entities) + "; " + Counts("relations", d.relations) + "; " +
         Counts("sources", d.sources) + "\n";
  return out;
}

std::string RenderDiffJson(const QueryEcho& query, const CaseDiff& d, bool pretty) {
  JsonOut out(pretty);
  out.Begin(query);
  out.Key("same");
  out.Bool(d.empty());
  ChangesJson(&out, "entities", d.entities);
  ChangesJson(&out, "relations", d.relations);
  ChangesJson(&out, "sources", d.sources);
  return out.End();
}

}  // namespace casegraph
