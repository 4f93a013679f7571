#include "io/ftm_reader.h"

#include <algorithm>
#include <map>
#include <set>

#include "io/json_tree.h"
#include "text/unicode.h"

namespace casegraph {

namespace {

// An FtM schema whose records are relations between two entities.
struct EdgeSchema {
  const char* schema;
  const char* from;  // property holding the source entity
  const char* to;    // property holding the target entity
  const char* type;  // casegraph relation type
  const char* label;
  const char* inverse;
  bool symmetric;
};

const EdgeSchema kEdgeSchemata[] = {
    {"Ownership", "owner", "asset", "ownership", "owns", "owned by", false},
    {"Directorship", "director", "organization", "directorship", "director of", "has director", false},
    {"Membership", "member", "organization", "membership", "member of", "has member", false},
    {"Employment", "employee", "employer", "employment", "employed by", "employs", false},
    {"Family", "person", "relative", "family", "family of", "family of", true},
    {"Associate", "person", "associate", "associate", "associate of", "associate of", true},
    {"Representation", "agent", "client", "representation", "represents", "represented by", false},
    {"Payment", "payer", "beneficiary", "payment", "paid", "paid by", false},
    {"Debt", "debtor", "creditor", "debt", "owes", "owed by", false},
    {"Succession", "predecessor", "successor", "succession", "succeeded by", "succeeds", false},
    {"UnknownLink", "subject", "object", "unknown_link", "linked to", "linked from", false},
    {"CourtCaseParty", "party", "case", "court_case_party", "party to", "has party", false},
    {"ProjectParticipant", "participant", "project", "project_participant", "participant in", "has participant", false},
    {"ContractAward", "supplier", "contract", "contract_award", "awarded", "awarded to", false},
};

// Properties of other schemata that refer to another entity: the relation they become.
struct ReferenceProperty {
  const char* property;
  const char* type;
  const char* label;
  const char* inverse;
};

const ReferenceProperty kReferences[] = {
    {"addressEntity", "address", "has address", "address of"},
    {"entity", "sanction", "sanctions", "sanctioned by"},  // Sanction.entity
    {"holder", "identifies", "identifies", "identified by"},  // Passport, Identification.holder
    {"parent", "subsidiary_of", "subsidiary of", "parent of"},
    {"mainCountry", "", "", ""},  // a code, not a reference: listed so it stays an attribute
};

const std::set<std::string> kNameProperties = {"name", "alias", "weakAlias", "previousName"};
const std::set<std::string> kProvenance = {"sourceUrl", "publisher", "publisherUrl"};

// FtM ids are mostly already valid casegraph ids; anything else becomes '_'.
std::string SafeId(const std::string& raw) {
  std::string id = raw;
  for (char& c : id) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
                    c == '_' || c == ':' || c == '-';
    if (!ok) c = '_';
  }
  return id.empty() ? "_" : id;
}

struct Value {
  std::string text;
  Location where;
};

// One FtM record as read.
struct Record {
  std::string id;
  std::string schema;
  std::string caption;
  std::map<std::string, std::vector<Value>> properties;
  std::vector<std::string> datasets;
  std::string first_seen, last_seen;
  Location where;
};

std::string Join(const std::vector<Value>& values) {
  std::string out;
  for (const Value& v : values) out += (out.empty() ? "" : "; ") + v.text;
  return out;
}

const EdgeSchema* EdgeSchemaOf(const std::string& schema) {
  for (const EdgeSchema& e : kEdgeSchemata) {
    if (schema == e.schema) return &e;
  }
  return nullptr;
}

const ReferenceProperty* ReferenceOf(const std::string& property) {
  for (const ReferenceProperty& r : kReferences) {
    if (property == r.property && *r.type) return &r;
  }
  return nullptr;
}

class FtmReader {
 public:
  FtmReader(const SourceText& source, Diagnostics* diagnostics) : source_(source), diagnostics_(diagnostics) {}

  CaseFile Read() {
    file_.path = source_.name();
    ReadRecords();
    for (const Record& r : records_) ids_.insert(SafeId(r.id));
    for (const Record& r : records_) Convert(r);
    return std::move(file_);
  }

 private:
  void Warn(const Location& where, std::string message) {
    diagnostics_->push_back({where, std::move(message), Diagnostic::Severity::kWarning});
  }
  void Error(const Location& where, std::string message) { diagnostics_->push_back({where, std::move(message)}); }

  void ReadRecords() {
    const std::string_view text = source_.text();
    const size_t first = text.find_first_not_of(" \t\r\n", ByteOrderMarkLength(text));
    if (first != std::string::npos && text[first] == '[') {  // a JSON array of records
      std::optional<JsonTree> tree = ParseJsonTree(source_, diagnostics_);
      if (!tree) return;
      for (JsonValue item : tree->root().children()) ReadRecord(item);
      return;
    }
    size_t start = 0;
    int line = 1;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      const std::string row(text.substr(start, end - start));
      if (row.find_first_not_of(" \t\r") != std::string::npos) {
        SourceText line_text(source_.name(), row, line);
        if (std::optional<JsonTree> record = ParseJsonTree(line_text, diagnostics_)) ReadRecord(record->root());
      }
      start = end + 1;
      ++line;
    }
  }

  void ReadRecord(JsonValue v) {
    if (!v.IsObject()) {
      Error(v.where(), std::string("a FollowTheMoney entity must be an object, not ") + JsonKindName(v.kind()));
      return;
    }
    Record r;
    r.where = v.where();
    std::optional<JsonValue> properties;
    for (JsonValue m : v.children()) {
      const std::string_view key = m.key();
      if (key == "id" && m.IsString()) r.id = m.text();
      if (key == "schema" && m.IsString()) r.schema = m.text();
      if (key == "caption" && m.IsString()) r.caption = m.text();
      if (key == "first_seen" && m.IsString()) r.first_seen = m.text();
      if (key == "last_seen" && m.IsString()) r.last_seen = m.text();
      if (key == "properties") properties = m;
      if (key == "datasets" && m.IsArray()) {
        for (JsonValue d : m.children()) {
          if (d.IsString()) r.datasets.emplace_back(d.text());
        }
      }
    }
    if (r.id.empty() || r.schema.empty()) {
      Error(v.where(), "a FollowTheMoney entity needs a string 'id' and 'schema'");
      return;
    }
    if (properties && properties->IsObject()) {
      for (JsonValue m : properties->children()) {
        std::vector<Value>& values = r.properties[std::string(m.key())];
        auto add = [&](JsonValue x) {
          if (x.IsString() || x.kind() == JsonKind::kNumber) values.push_back({std::string(x.text()), x.where()});
        };
        if (m.IsArray()) {
          for (JsonValue x : m.children()) add(x);
        } else {
          add(m);
        }
      }
    }
    records_.push_back(std::move(r));
  }

  // The source a record's evidence cites: its first sourceUrl, else its first dataset, else the file.
  std::string SourceFor(const Record& r) {
    auto props = r.properties.find("sourceUrl");
    std::string publisher;
    if (auto p = r.properties.find("publisher"); p != r.properties.end() && !p->second.empty()) {
      publisher = p->second.front().text;
    }
    if (props != r.properties.end() && !props->second.empty()) {
      const std::string& url = props->second.front().text;
      return AddSource("url:" + std::to_string(UrlNumber(url)), url, url, publisher);
    }
    if (!r.datasets.empty()) return AddSource("dataset:" + SafeId(r.datasets.front()), "Dataset " + r.datasets.front(), "", publisher);
    const std::string name = file_.path.substr(file_.path.find_last_of('/') == std::string::npos ? 0 : file_.path.find_last_of('/') + 1);
    return AddSource("file:" + SafeId(name), name, "", publisher);
  }

  size_t UrlNumber(const std::string& url) {
    auto [it, inserted] = url_numbers_.emplace(url, url_numbers_.size() + 1);
    return it->second;
  }

  std::string AddSource(const std::string& id, const std::string& title, const std::string& url,
                        const std::string& publisher) {
    if (source_ids_.insert(id).second) {
      Source s;
      s.id = id;
      s.title = title;
      s.url = url;
      s.publisher = publisher;
      s.where = Location{file_.path, 0, 0};
      file_.sources.push_back(std::move(s));
    }
    return id;
  }

  std::optional<Date> DateOf(const Record& r, const char* property) {
    auto it = r.properties.find(property);
    if (it == r.properties.end() || it->second.empty()) return std::nullopt;
    const Value& v = it->second.front();
    std::string text = v.text.substr(0, std::min<size_t>(v.text.size(), 10));
    Result<Date> d = ParseDate(text);
    if (!d.ok()) {
      Warn(v.where, std::string(property) + ": " + d.status().message() + "; left out");
      return std::nullopt;
    }
    return std::move(d).value();
  }

  // Attributes: every property that is not a name, an end, a reference, a date or provenance.
  Attributes AttributesOf(const Record& r, const std::set<std::string>& used) {
    Attributes a;
    auto put = [&](const std::string& key, const std::string& text) {
      AttributeValue value;
      value.text = text;
      value.where = r.where;
      a.emplace(key, value);
    };
    for (const auto& [name, values] : r.properties) {
      if (values.empty() || used.count(name) || kNameProperties.count(name) || kProvenance.count(name)) continue;
      put(name, Join(values));
    }
    if (!r.datasets.empty()) {
      std::string joined;
      for (const std::string& d : r.datasets) joined += (joined.empty() ? "" : "; ") + d;
      put("datasets", joined);
    }
    if (!r.first_seen.empty()) put("first_seen", r.first_seen);
    if (!r.last_seen.empty()) put("last_seen", r.last_seen);
    put("ftm_schema", r.schema);
    return a;
  }

  // The referenced entity's id if the input has it; else a warning at the reference.
  std::optional<std::string> Target(const Value& v, const std::string& what) {
    const std::string id = SafeId(v.text);
    if (ids_.count(id)) return id;
    Warn(v.where, what + " refers to '" + v.text + "', which is not in the input; skipped");
    return std::nullopt;
  }

  void DefineRelationType(const char* type, const char* label, const char* inverse, bool symmetric) {
    if (file_.vocabulary.relation_types.count(type)) return;
    RelationType t;
    t.id = type;
    t.label = label;
    t.inverse = inverse;
    t.symmetric = symmetric;
    t.where = Location{file_.path, 0, 0};
    file_.vocabulary.relation_types.emplace(type, t);
  }

  Relation NewRelation(const Record& r, std::string id, const std::string& type, std::string from, std::string to) {
    Relation rel;
    rel.id = std::move(id);
    rel.type = type;
    rel.from = std::move(from);
    rel.to = std::move(to);
    rel.where = rel.type_where = rel.from_where = rel.to_where = r.where;
    Evidence e;
    e.source = SourceFor(r);
    e.locator = "FollowTheMoney " + r.schema + " " + r.id;
    e.where = e.source_where = r.where;
    rel.evidence.push_back(std::move(e));
    return rel;
  }

  void Convert(const Record& r) {
    if (const EdgeSchema* edge = EdgeSchemaOf(r.schema)) return ConvertEdge(r, *edge);
    Entity e;
    e.id = SafeId(r.id);
    e.type = SafeId(r.schema);
    e.where = e.name_where = e.type_where = r.where;
    std::vector<std::string> names;
    for (const char* p : {"name", "alias", "weakAlias", "previousName"}) {
      if (auto it = r.properties.find(p); it != r.properties.end()) {
        for (const Value& v : it->second) {
          if (std::find(names.begin(), names.end(), v.text) == names.end()) names.push_back(v.text);
        }
      }
    }
    // The caption is FtM's display name; put it first when the record has one.
    if (!r.caption.empty()) {
      names.erase(std::remove(names.begin(), names.end(), r.caption), names.end());
      names.insert(names.begin(), r.caption);
    }
    if (names.empty()) names.push_back(r.id);
    e.name = names.front();
    e.aliases.assign(names.begin() + 1, names.end());
    std::set<std::string> used;
    for (const auto& [property, values] : r.properties) {
      const ReferenceProperty* ref = ReferenceOf(property);
      if (!ref) continue;
      used.insert(property);
      size_t n = 0;
      for (const Value& v : values) {
        std::optional<std::string> target = Target(v, r.schema + "." + property);
        if (!target) continue;
        DefineRelationType(ref->type, ref->label, ref->inverse, false);
        file_.relations.push_back(
            NewRelation(r, e.id + ":" + property + (n++ ? ":" + std::to_string(n) : std::string()), ref->type, e.id, *target));
      }
    }
    e.attributes = AttributesOf(r, used);
    if (!file_.vocabulary.entity_types.count(e.type)) {
      EntityType t;
      t.id = e.type;
      t.label = r.schema;
      t.where = Location{file_.path, 0, 0};
      file_.vocabulary.entity_types.emplace(e.type, t);
    }
    file_.entities.push_back(std::move(e));
  }

  void ConvertEdge(const Record& r, const EdgeSchema& edge) {
    // Every end the input has; an end with several values gives one relation per pair.
    auto ends = [&](const char* property) {
      std::vector<std::string> out;
      auto it = r.properties.find(property);
      if (it == r.properties.end() || it->second.empty()) {
        Warn(r.where, r.schema + " " + r.id + " has no '" + property + "'; skipped");
        return out;
      }
      for (const Value& v : it->second) {
        if (std::optional<std::string> id = Target(v, r.schema + "." + property)) out.push_back(*id);
      }
      return out;
    };
    const std::vector<std::string> from = ends(edge.from);
    const std::vector<std::string> to = from.empty() ? std::vector<std::string>() : ends(edge.to);
    if (from.empty() || to.empty()) return;
    DefineRelationType(edge.type, edge.label, edge.inverse, edge.symmetric);
    std::optional<Date> start = DateOf(r, "startDate"), finish = DateOf(r, "endDate"), date;
    if (start && finish && finish->last < start->first) {
      Warn(r.where, r.schema + " " + r.id + ": endDate before startDate; both left out");
      start.reset();
      finish.reset();
    }
    if (!start && !finish) date = DateOf(r, "date");
    const Attributes attributes = AttributesOf(r, {edge.from, edge.to, "startDate", "endDate", "date"});
    size_t n = 0;
    for (const std::string& a : from) {
      for (const std::string& b : to) {
        std::string id = SafeId(r.id);
        if (n++ > 0) {
          id += ':';
          id += std::to_string(n);
        }
        Relation rel = NewRelation(r, id, edge.type, a, b);
        rel.start = start;
        rel.end = finish;
        rel.date = date;
        rel.attributes = attributes;
        file_.relations.push_back(std::move(rel));
      }
    }
  }

  const SourceText& source_;
  Diagnostics* diagnostics_;
  CaseFile file_;
  std::vector<Record> records_;
  std::set<std::string> ids_, source_ids_;
  std::map<std::string, size_t> url_numbers_;
};

}  // namespace

bool IsFtmFileName(const std::string& path) {
  auto ends = [&](const std::string& s) { return path.size() >= s.size() && path.compare(path.size() - s.size(), s.size(), s) == 0; };
  return ends(".ftm.json") || ends(".ftm.jsonl");
}

CaseFile ReadFtm(const SourceText& source, Diagnostics* diagnostics) { return FtmReader(source, diagnostics).Read(); }

}  // namespace casegraph
