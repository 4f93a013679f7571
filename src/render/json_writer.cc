#include "render/json_writer.h"

#include <cmath>
#include <cstring>

#include "text/json_quote.h"

namespace casegraph {

#define CG_WRITE(call) (is_pretty_ ? pretty_.call : compact_.call)

JsonOut::JsonOut(bool pretty)
    : buffer_(&allocator_), pretty_(buffer_, &allocator_), compact_(buffer_, &allocator_), is_pretty_(pretty) {
  pretty_.SetIndent(' ', 2);
}

// A string that needs no escaping, quoted and copied into the buffer at once (RapidJSON copies a
// character at a time: a fifth of a small batch answer's time went to its keys and strings); any
// other through the writer. The writer sets the separator and counts the value itself, through
// a raw value of no characters, so its state is what String would have left.
void JsonOut::QuotedString(std::string_view s) {
  if (!NeedsNoJsonEscape(s)) {
    CG_WRITE(String(s.data(), static_cast<rapidjson::SizeType>(s.size())));
    return;
  }
  CG_WRITE(RawValue("", 0, rapidjson::kStringType));
  char* out = buffer_.Push(s.size() + 2);
  out[0] = '"';
  std::memcpy(out + 1, s.data(), s.size());
  out[s.size() + 1] = '"';
}

void JsonOut::Key(const std::string& k) { QuotedString(k); }
void JsonOut::PlainKey(const char* k) { QuotedString(k); }
void JsonOut::String(const std::string& s) { QuotedString(s); }
void JsonOut::String(std::string_view s) { QuotedString(s); }
void JsonOut::Int(int64_t n) { CG_WRITE(Int64(n)); }
void JsonOut::Double(double d) {
  if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15) {
    CG_WRITE(Int64(static_cast<int64_t>(d)));
  } else {
    CG_WRITE(Double(d));
  }
}
void JsonOut::Bool(bool b) { CG_WRITE(Bool(b)); }
void JsonOut::Null() { CG_WRITE(Null()); }
void JsonOut::StartObject() { CG_WRITE(StartObject()); }
void JsonOut::EndObject() { CG_WRITE(EndObject()); }
void JsonOut::StartArray() { CG_WRITE(StartArray()); }
void JsonOut::EndArray() { CG_WRITE(EndArray()); }

void JsonOut::StringArray(const std::vector<std::string>& items) {
  StartArray();
  for (const std::string& s : items) String(s);
  EndArray();
}

void JsonOut::Begin(const QueryEcho& query) {
  StartObject();
  Key("casegraph");
  Int(1);
  Key("query");
  StartObject();
  for (const auto& [key, value] : query.fields()) {
    PlainKey(key);
    if (auto s = std::get_if<std::string>(&value)) String(*s);
    if (auto n = std::get_if<int64_t>(&value)) Int(*n);
    if (auto b = std::get_if<bool>(&value)) Bool(*b);
    if (auto list = std::get_if<std::vector<std::string>>(&value)) StringArray(*list);
  }
  EndObject();
}

std::string JsonOut::End() {
  EndObject();
  std::string text;
  text.reserve(buffer_.GetSize() + 1);
  text.append(buffer_.GetString(), buffer_.GetSize());
  text += '\n';
  return text;
}

std::string JsonOut::Text() const { return std::string(buffer_.GetString(), buffer_.GetSize()); }

void JsonOut::DateFields(const Relation& r) { DateFields(Graph::Dates{&r.date, &r.start, &r.end}); }

void JsonOut::DateFields(const Graph::Dates& d) {
  Key("date");
  if (*d.date) {
    String((*d.date)->text);
  } else {
    Null();
  }
  if (*d.start || *d.end) {
    Key("start");
    *d.start ? String((*d.start)->text) : Null();
    Key("end");
    *d.end ? String((*d.end)->text) : Null();
  }
}

void JsonOut::EvidenceArray(const Relation& r) { EvidenceArray(std::span<const Evidence>(r.evidence)); }

void JsonOut::EvidenceArray(std::span<const Evidence> evidence) {
  StartArray();
  for (const Evidence& e : evidence) {
    StartObject();
    Field("source", e.source);
    Key("quote");
    e.quote.empty() ? Null() : String(e.quote);
    if (!e.locator.empty()) Field("locator", e.locator);
    EndObject();
  }
  EndArray();
}

void JsonOut::EntityObject(const Entity& e) {
  StartObject();
  Field("id", e.id);
  Field("name", e.name);
  Field("type", e.type);
  Key("aliases");
  StringArray(e.aliases);
  Field("description", e.description);
  Key("attributes");
  AttributesObject(e.attributes);
  EndObject();
}

void JsonOut::AttributesObject(const Attributes& attributes) {
  StartObject();
  for (const auto& [key, value] : attributes) {
    Key(key);
    switch (value.kind) {
      case AttributeValue::Kind::kString: String(value.text); break;
      case AttributeValue::Kind::kNumber: CG_WRITE(RawValue(value.text.data(), value.text.size(), rapidjson::kNumberType)); break;
      case AttributeValue::Kind::kBool: Bool(value.text == "true"); break;
      case AttributeValue::Kind::kNull: Null(); break;
    }
  }
  EndObject();
}

void JsonOut::HopObject(const Graph& g, const Hop& hop, bool with_cost, std::optional<Day> time) {
  const RelationId r = hop.relation;
  StartObject();
  Field("relation", g.relation_id(r));
  Field("type", g.relation_type_name(r));
  Field("label", DirectionLabel(g, r, hop.forward));
  Field("direction", hop.forward ? "forward" : "backward");
  Key("from");
  String(g.entity_id(hop.from));
  Key("to");
  String(g.entity_id(hop.to));
  DateFields(g.relation_dates(r));
  Field("status", ClaimStatusName(g.relation_status(r)));
  Key("evidence");
  EvidenceArray(g.relation_evidence(r));
  Key("attributes");
  AttributesObject(g.relation_attributes(r));
  if (with_cost) {
    Key("cost");
    Double(g.relation_weight(r));
  }
  if (time) {
    Key("time");
    DayValue(*time);
  }
  EndObject();
}

void JsonOut::DayValue(Day day) {
  if (day == kFirstDay) {
    Null();
  } else {
    String(DayText(day));
  }
}

void JsonOut::PathObject(const Graph& g, const Path& path, bool weighted) {
  StartObject();
  Key("length");
  Int(static_cast<int64_t>(path.hops.size()));
  Key("cost");
  Double(path.cost);
  Key("entities");
  StartArray();
  for (EntityId v : path.Entities()) String(g.entity_id(v));
  EndArray();
  if (!path.times.empty()) {
    Key("arrival");
    DayValue(path.times.back());
  }
  Key("hops");
  StartArray();
  for (size_t i = 0; i < path.hops.size(); ++i) {
    HopObject(g, path.hops[i], weighted, path.times.empty() ? std::nullopt : std::optional<Day>(path.times[i]));
  }
  EndArray();
  EndObject();
}

#undef CG_WRITE

}  // namespace casegraph
