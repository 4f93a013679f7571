#include "io/case_writer.h"

#include <cstdio>
#include <memory>
#include <set>

#include "io/case_reader.h"
#include "text/unicode.h"

namespace casegraph {

namespace {

namespace cf = case_format;

constexpr size_t kColumns = 100;

// A JSON value laid out by Print: a scalar as its text, or a container of members (an object's
// have keys). Containers marked one_per_line never go on one line.
struct Member;

struct Node {
  enum class Kind { kScalar, kArray, kObject } kind = Kind::kScalar;
  std::string text;  // a scalar's JSON text
  // A vector of a type not yet complete (as std::pair<std::string, Node> would need Node to be).
  std::vector<Member> members;
  bool one_per_line = false;

  // Defined below Member, which must be complete first.
  static Node Scalar(std::string json);
  static Node Object();
  static Node Array();
  Node& Add(std::string key, Node value);
  Node& Add(Node value);
};

struct Member {
  std::string key;  // "" in an array
  Node value;
};

Node Node::Scalar(std::string json) {
  Node n;
  n.text = std::move(json);
  return n;
}

Node Node::Object() {
  Node n;
  n.kind = Kind::kObject;
  return n;
}

Node Node::Array() {
  Node n;
  n.kind = Kind::kArray;
  return n;
}

Node& Node::Add(std::string key, Node value) {
  members.push_back({std::move(key), std::move(value)});
  return members.back().value;
}

Node& Node::Add(Node value) { return Add("", std::move(value)); }

}  // namespace

namespace {

Node String(std::string_view s) { return Node::Scalar(JsonQuoted(s)); }

std::string Number(double d) {
  if (d == static_cast<double>(static_cast<int64_t>(d)) && d < 1e15 && d > -1e15) {
    return std::to_string(static_cast<int64_t>(d));  // 2, not 2.0
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", d);
  return buffer;
}

// The value on one line: {"a": 1, "b": [2, 3]} as { "a": 1, "b": [2, 3] }.
std::string Inline(const Node& n) {
  if (n.kind == Node::Kind::kScalar) return n.text;
  if (n.members.empty()) return n.kind == Node::Kind::kObject ? "{}" : "[]";
  const bool object = n.kind == Node::Kind::kObject;
  std::string out = object ? "{ " : "[";
  for (size_t i = 0; i < n.members.size(); ++i) {
    if (i) out += ", ";
    if (object) out += JsonQuoted(n.members[i].key) + ": ";
    out += Inline(n.members[i].value);
  }
  return out + (object ? " }" : "]");
}

// Writes n, which starts `used` characters into a line indented by indent spaces and is followed
// by `after` characters (a comma): on one line if it fits in kColumns, else a member per line.
void Print(const Node& n, size_t indent, size_t used, size_t after, std::string* out) {
  if (n.kind == Node::Kind::kScalar || n.members.empty() ||
      (!n.one_per_line && used + CountCodePoints(Inline(n)) + after <= kColumns)) {
    *out += Inline(n);
    return;
  }
  const bool object = n.kind == Node::Kind::kObject;
  const std::string pad(indent + 2, ' ');
  *out += object ? "{\n" : "[\n";
  for (size_t i = 0; i < n.members.size(); ++i) {
    *out += pad;
    size_t start = pad.size();
    if (object) {
      const std::string key = JsonQuoted(n.members[i].key) + ": ";
      *out += key;
      start += CountCodePoints(key);
    }
    const bool last = i + 1 == n.members.size();
    Print(n.members[i].value, indent + 2, start, last ? 0 : 1, out);
    *out += last ? "\n" : ",\n";
  }
  *out += std::string(indent, ' ') + (object ? "}" : "]");
}

// Whether key k of an object is written: its value is not the default, or the file wrote it.
bool Writes(cf::KeySet written, std::span<const std::string_view> keys, std::string_view key, bool not_default) {
  return not_default || (written & cf::KeyBit(keys, key));
}

cf::KeySet At(const std::vector<cf::KeySet>& sets, size_t i) { return i < sets.size() ? sets[i] : 0; }

Node AttributesNode(const Attributes& attributes) {
  Node o = Node::Object();
  for (const auto& [key, value] : attributes) {
    switch (value.kind) {
      case AttributeValue::Kind::kString: o.Add(key, String(value.text)); break;
      case AttributeValue::Kind::kNumber: o.Add(key, Node::Scalar(value.text)); break;
      case AttributeValue::Kind::kBool: o.Add(key, Node::Scalar(value.text == "true" ? "true" : "false")); break;
      case AttributeValue::Kind::kNull: o.Add(key, Node::Scalar("null")); break;
    }
  }
  return o;
}

Node EntityTypeNode(const EntityType& t, cf::KeySet w) {
  const auto& k = cf::kEntityTypeKeys;
  Node o = Node::Object();
  o.Add("label", String(t.label));
  if (Writes(w, k, "color", !t.color.empty())) o.Add("color", String(t.color));
  if (Writes(w, k, "shape", !t.shape.empty())) o.Add("shape", String(t.shape));
  return o;
}

Node RelationTypeNode(const RelationType& t, cf::KeySet w) {
  const auto& k = cf::kRelationTypeKeys;
  Node o = Node::Object();
  o.Add("label", String(t.label));
  if (Writes(w, k, "inverse", !t.symmetric || t.inverse != t.label)) o.Add("inverse", String(t.inverse));
  if (Writes(w, k, "symmetric", t.symmetric)) o.Add("symmetric", Node::Scalar(t.symmetric ? "true" : "false"));
  if (Writes(w, k, "color", !t.color.empty())) o.Add("color", String(t.color));
  return o;
}

// The types in the file's order, then any it did not list (a file made by an import), by id.
template <typename Type, typename ToNode>
Node TypesNode(const std::map<std::string, Type>& types, const std::vector<std::pair<std::string, cf::KeySet>>& order,
               ToNode to_node) {
  Node o = Node::Object();
  o.one_per_line = true;
  std::set<std::string> done;
  for (const auto& [id, written] : order) {
    auto it = types.find(id);
    if (it == types.end() || !done.insert(id).second) continue;
    o.Add(id, to_node(it->second, written));
  }
  for (const auto& [id, t] : types) {
    if (!done.count(id)) o.Add(id, to_node(t, 0));
  }
  return o;
}

Node VocabularyNode(const CaseFile& f) {
  const Vocabulary& v = f.vocabulary;
  const auto& k = cf::kVocabularyKeys;
  Node o = Node::Object();
  o.one_per_line = true;
  if (Writes(f.written.vocabulary, k, "entity_types", !v.entity_types.empty())) {
    o.Add("entity_types", TypesNode(v.entity_types, f.written.entity_types, EntityTypeNode));
  }
  if (Writes(f.written.vocabulary, k, "relation_types", !v.relation_types.empty())) {
    o.Add("relation_types", TypesNode(v.relation_types, f.written.relation_types, RelationTypeNode));
  }
  return o;
}

Node SourceNode(const Source& s, cf::KeySet w) {
  const auto& k = cf::kSourceKeys;
  Node o = Node::Object();
  o.Add("id", String(s.id));
  if (Writes(w, k, "title", !s.title.empty())) o.Add("title", String(s.title));
  if (Writes(w, k, "publisher", !s.publisher.empty())) o.Add("publisher", String(s.publisher));
  if (s.date) o.Add("date", String(s.date->text));
  if (Writes(w, k, "url", !s.url.empty())) o.Add("url", String(s.url));
  if (!s.file.empty()) o.Add("file", String(s.file));
  return o;
}

Node EntityNode(const Entity& e, cf::KeySet w) {
  const auto& k = cf::kEntityKeys;
  Node o = Node::Object();
  o.Add("id", String(e.id));
  o.Add("name", String(e.name));
  o.Add("type", String(e.type));
  if (Writes(w, k, "aliases", !e.aliases.empty())) {
    Node& aliases = o.Add("aliases", Node::Array());
    for (const std::string& a : e.aliases) aliases.Add(String(a));
  }
  if (Writes(w, k, "description", !e.description.empty())) o.Add("description", String(e.description));
  if (Writes(w, k, "attributes", !e.attributes.empty())) o.Add("attributes", AttributesNode(e.attributes));
  return o;
}

Node EvidenceNode(const Evidence& e) {
  Node o = Node::Object();
  o.Add("source", String(e.source));
  if (!e.quote.empty()) o.Add("quote", String(e.quote));
  if (!e.locator.empty()) o.Add("locator", String(e.locator));
  return o;
}

Node RelationNode(const Relation& r, cf::KeySet w) {
  const auto& k = cf::kRelationKeys;
  Node o = Node::Object();
  if (r.id_given) o.Add("id", String(r.id));
  o.Add("type", String(r.type));
  o.Add("from", String(r.from));
  o.Add("to", String(r.to));
  if (r.date) o.Add("date", String(r.date->text));
  if (r.start) o.Add("start", String(r.start->text));
  if (r.end) o.Add("end", String(r.end->text));
  if (Writes(w, k, "status", r.status != kDefaultClaimStatus)) o.Add("status", String(ClaimStatusName(r.status)));
  if (Writes(w, k, "weight", r.weight != 1.0)) o.Add("weight", Node::Scalar(Number(r.weight)));
  if (Writes(w, k, "attributes", !r.attributes.empty())) o.Add("attributes", AttributesNode(r.attributes));
  if (Writes(w, k, "evidence", !r.evidence.empty())) {
    Node& evidence = o.Add("evidence", Node::Array());
    for (const Evidence& e : r.evidence) evidence.Add(EvidenceNode(e));
  }
  return o;
}

template <typename Item, typename ToNode>
Node ListNode(const std::vector<Item>& items, const std::vector<cf::KeySet>& written, ToNode to_node) {
  Node list = Node::Array();
  list.one_per_line = true;
  for (size_t i = 0; i < items.size(); ++i) list.Add(to_node(items[i], At(written, i)));
  return list;
}

Node CaseNode(const CaseFile& f) {
  const auto& k = cf::kTopKeys;
  const cf::KeySet w = f.written.top;
  Node o = Node::Object();
  o.one_per_line = true;
  o.Add("casegraph", Node::Scalar(std::to_string(kFormatVersion)));
  if (Writes(w, k, "title", !f.title.empty())) o.Add("title", String(f.title));
  const bool vocabulary = !f.vocabulary.entity_types.empty() || !f.vocabulary.relation_types.empty();
  if (Writes(w, k, "vocabulary", vocabulary)) o.Add("vocabulary", VocabularyNode(f));
  if (Writes(w, k, "sources", !f.sources.empty())) o.Add("sources", ListNode(f.sources, f.written.sources, SourceNode));
  if (Writes(w, k, "entities", !f.entities.empty())) {
    o.Add("entities", ListNode(f.entities, f.written.entities, EntityNode));
  }
  if (Writes(w, k, "relations", !f.relations.empty())) {
    o.Add("relations", ListNode(f.relations, f.written.relations, RelationNode));
  }
  return o;
}

}  // namespace

std::string WriteCaseFile(const CaseFile& file) {
  std::string out;
  Print(CaseNode(file), 0, 0, 0, &out);
  return out + "\n";
}

}  // namespace casegraph
