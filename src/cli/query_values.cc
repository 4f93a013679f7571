#include "cli/query_values.h"

namespace casegraph::cli {

using cypher::Value;

Value ValueFromJson(const rapidjson::Value& v) {
  if (v.IsNull()) return Value();
  if (v.IsBool()) return Value::Bool(v.GetBool());
  if (v.IsInt64()) return Value::Int(v.GetInt64());
  if (v.IsNumber()) return Value::Float(v.GetDouble());
  if (v.IsString()) return Value::String(std::string(v.GetString(), v.GetStringLength()));
  if (v.IsArray()) {
    cypher::ValueList items;
    for (const rapidjson::Value& x : v.GetArray()) items.push_back(ValueFromJson(x));
    return Value::List(std::move(items));
  }
  cypher::ValueMap entries;
  for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
    entries.emplace_back(std::string(it->name.GetString(), it->name.GetStringLength()), ValueFromJson(it->value));
  }
  return Value::Map(std::move(entries));
}

Result<std::pair<std::string, Value>> ParseParam(const std::string& assignment) {
  const size_t eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0) {
    return Status::InvalidInput(Message(Field("param"), " takes NAME=VALUE, not '", assignment, "'"));
  }
  const std::string name = assignment.substr(0, eq), text = assignment.substr(eq + 1);
  rapidjson::Document d;
  if (!d.Parse(text.c_str(), text.size()).HasParseError()) return std::pair(name, ValueFromJson(d));
  return std::pair(name, Value::String(text));
}

}  // namespace casegraph::cli
