#include "query/cypher/properties.h"

#include <cerrno>
#include <cstdlib>

#include "render/describe.h"

namespace casegraph::cypher {

namespace {

Value DateValue(const std::optional<Date>& d) { return d ? Value::String(d->text) : Value(); }

Value Attribute(const Attributes& attributes, std::string_view key) {
  auto it = attributes.find(std::string(key));
  return it == attributes.end() ? Value() : AttributeAsValue(it->second);
}

Value EvidenceList(std::span<const Evidence> evidence) {
  ValueList list;
  for (const Evidence& e : evidence) {
    list.push_back(Value::Map({{"source", Value::String(e.source)},
                               {"quote", e.quote.empty() ? Value() : Value::String(e.quote)},
                               {"locator", e.locator.empty() ? Value() : Value::String(e.locator)}}));
  }
  return Value::List(std::move(list));
}

}  // namespace

const std::vector<std::string>& NodePropertyNames() {
  static const std::vector<std::string> kNames = {"id", "name", "type", "description", "aliases"};
  return kNames;
}

const std::vector<std::string>& RelationshipPropertyNames() {
  static const std::vector<std::string> kNames = {"id",  "type",   "label",  "date",    "start",
                                                  "end", "status", "weight", "evidence"};
  return kNames;
}

Value AttributeAsValue(const AttributeValue& a) {
  switch (a.kind) {
    case AttributeValue::Kind::kString: return Value::String(a.text);
    case AttributeValue::Kind::kBool: return Value::Bool(a.text == "true");
    case AttributeValue::Kind::kNull: return Value();
    case AttributeValue::Kind::kNumber: {
      if (a.text.find_first_of(".eE") == std::string::npos) {
        errno = 0;
        const long long i = std::strtoll(a.text.c_str(), nullptr, 10);
        if (errno != ERANGE) return Value::Int(i);
      }
      return Value::Float(std::strtod(a.text.c_str(), nullptr));
    }
  }
  return Value();
}

Value NodeProperty(const Graph& g, EntityId v, std::string_view key) {
  if (key == "id") return Value::String(std::string(g.entity_id(v)));
  if (key == "name") return Value::String(std::string(g.entity_name(v)));
  if (key == "type") return Value::String(g.entity_type_name(v));
  if (v >= g.model().entities.size()) return Value();  // named only in a CSV file: nothing more
  const Entity& e = g.model().entities[v];
  if (key == "description") return e.description.empty() ? Value() : Value::String(e.description);
  if (key == "aliases") {
    ValueList aliases;
    for (const std::string& a : e.aliases) aliases.push_back(Value::String(a));
    return Value::List(std::move(aliases));
  }
  return Attribute(e.attributes, key);
}

Value RelationshipProperty(const Graph& g, RelationId r, std::string_view key) {
  if (key == "id") return Value::String(g.relation_id(r));
  if (key == "type") return Value::String(g.relation_type_name(r));
  if (key == "label") return Value::String(g.relation_type_info(g.relation_type(r)).label);
  if (key == "status") return Value::String(ClaimStatusName(g.relation_status(r)));
  if (key == "weight") return Value::Float(g.relation_weight(r));  // a number, whole or not: a float
  const Graph::Dates dates = g.relation_dates(r);
  if (key == "date") return DateValue(*dates.date);
  if (key == "start") return DateValue(*dates.start);
  if (key == "end") return DateValue(*dates.end);
  if (key == "evidence") return EvidenceList(g.relation_evidence(r));
  return Attribute(g.relation_attributes(r), key);
}

}  // namespace casegraph::cypher
