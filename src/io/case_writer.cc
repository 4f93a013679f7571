#include "io/case_writer.h"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "io/case_reader.h"

namespace casegraph {

namespace {

class CaseWriter {
 public:
  CaseWriter() : w_(buffer_) { w_.SetIndent(' ', 2); }

  std::string Write(const CaseFile& f) {
    w_.StartObject();
    Key("casegraph");
    w_.Int(kFormatVersion);
    if (!f.title.empty()) Field("title", f.title);
    WriteVocabulary(f.vocabulary);
    if (!f.sources.empty()) {
      Key("sources");
      w_.StartArray();
      for (const Source& s : f.sources) WriteSource(s);
      w_.EndArray();
    }
    if (!f.entities.empty()) {
      Key("entities");
      w_.StartArray();
      for (const Entity& e : f.entities) WriteEntity(e);
      w_.EndArray();
    }
    if (!f.relations.empty()) {
      Key("relations");
      w_.StartArray();
      for (const Relation& r : f.relations) WriteRelation(r);
      w_.EndArray();
    }
    w_.EndObject();
    return std::string(buffer_.GetString(), buffer_.GetSize()) + "\n";
  }

 private:
  void Key(const std::string& k) { w_.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }
  void String(const std::string& s) { w_.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
  void Field(const std::string& k, const std::string& v) {
    Key(k);
    String(v);
  }
  void OptionalField(const std::string& k, const std::string& v) {
    if (!v.empty()) Field(k, v);
  }

  void WriteVocabulary(const Vocabulary& v) {
    if (v.entity_types.empty() && v.relation_types.empty()) return;
    Key("vocabulary");
    w_.StartObject();
    if (!v.entity_types.empty()) {
      Key("entity_types");
      w_.StartObject();
      for (const auto& [id, t] : v.entity_types) {
        Key(id);
        w_.StartObject();
        Field("label", t.label);
        OptionalField("color", t.color);
        OptionalField("shape", t.shape);
        w_.EndObject();
      }
      w_.EndObject();
    }
    if (!v.relation_types.empty()) {
      Key("relation_types");
      w_.StartObject();
      for (const auto& [id, t] : v.relation_types) {
        Key(id);
        w_.StartObject();
        Field("label", t.label);
        if (!t.symmetric || t.inverse != t.label) Field("inverse", t.inverse);
        if (t.symmetric) {
          Key("symmetric");
          w_.Bool(true);
        }
        OptionalField("color", t.color);
        w_.EndObject();
      }
      w_.EndObject();
    }
    w_.EndObject();
  }

  void WriteSource(const Source& s) {
    w_.StartObject();
    Field("id", s.id);
    OptionalField("title", s.title);
    OptionalField("publisher", s.publisher);
    if (s.date) Field("date", s.date->text);
    OptionalField("url", s.url);
    OptionalField("file", s.file);
    w_.EndObject();
  }

  void WriteAttributes(const Attributes& attributes) {
    if (attributes.empty()) return;
    Key("attributes");
    w_.StartObject();
    for (const auto& [key, value] : attributes) {
      Key(key);
      switch (value.kind) {
        case AttributeValue::Kind::kString: String(value.text); break;
        case AttributeValue::Kind::kNumber:
          w_.RawValue(value.text.data(), value.text.size(), rapidjson::kNumberType);
          break;
        case AttributeValue::Kind::kBool: w_.Bool(value.text == "true"); break;
        case AttributeValue::Kind::kNull: w_.Null(); break;
      }
    }
    w_.EndObject();
  }

  void WriteEntity(const Entity& e) {
    w_.StartObject();
    Field("id", e.id);
    Field("name", e.name);
    Field("type", e.type);
    if (!e.aliases.empty()) {
      Key("aliases");
      w_.StartArray();
      for (const std::string& a : e.aliases) String(a);
      w_.EndArray();
    }
    OptionalField("description", e.description);
    WriteAttributes(e.attributes);
    w_.EndObject();
  }

  void WriteRelation(const Relation& r) {
    w_.StartObject();
    if (r.id_given) Field("id", r.id);
    Field("type", r.type);
    Field("from", r.from);
    Field("to", r.to);
    if (r.date) Field("date", r.date->text);
    if (r.start) Field("start", r.start->text);
    if (r.end) Field("end", r.end->text);
    if (r.status != ClaimStatus::kReported) Field("status", ClaimStatusName(r.status));
    if (r.weight != 1.0) {
      Key("weight");
      if (r.weight == static_cast<double>(static_cast<int64_t>(r.weight)) && r.weight < 1e15) {
        w_.Int64(static_cast<int64_t>(r.weight));  // 2, not 2.0
      } else {
        w_.Double(r.weight);
      }
    }
    WriteAttributes(r.attributes);
    if (!r.evidence.empty()) {
      Key("evidence");
      w_.StartArray();
      for (const Evidence& e : r.evidence) {
        w_.StartObject();
        Field("source", e.source);
        OptionalField("quote", e.quote);
        OptionalField("locator", e.locator);
        w_.EndObject();
      }
      w_.EndArray();
    }
    w_.EndObject();
  }

  rapidjson::StringBuffer buffer_;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w_;
};

}  // namespace

std::string WriteCaseFile(const CaseFile& file) { return CaseWriter().Write(file); }

}  // namespace casegraph
