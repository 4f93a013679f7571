#include "io/json_fields.h"

#include <algorithm>
#include <cassert>

#include "io/case_file.h"
#include "model/limits.h"
#include "text/edit_distance.h"

namespace casegraph {

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

JsonFields::JsonFields(JsonValue object, std::string what, std::span<const std::string_view> allowed,
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
      written_ |= static_cast<case_format::KeySet>(1u << i);
    }
  }
}

const JsonValue* JsonFields::Get(std::string_view key) const {
  for (size_t i = 0; i < count_; ++i) {
    if (allowed_[i] == key) return found_[i] ? &*found_[i] : nullptr;
  }
  return nullptr;
}

const JsonValue* JsonFields::Require(std::string_view key) const {
  const JsonValue* v = Get(key);
  if (!v) diagnostics_->push_back({object_.where(), what_ + " is missing required key '" + std::string(key) + "'"});
  return v;
}

void JsonValueReader::TypeError(JsonValue v, const std::string& name, const char* expected) {
  Error(v.where(), "'" + name + "' must be " + expected + ", not " + JsonKindName(v.kind()));
}

bool JsonValueReader::ReadString(JsonValue v, const std::string& name, std::string* out) {
  if (!v.IsString()) {
    TypeError(v, name, "a string");
    return false;
  }
  *out = v.text();
  return true;
}

bool JsonValueReader::ReadNonEmpty(const JsonValue* v, const std::string& name, std::string* out) {
  if (!v || !ReadString(*v, name, out)) return false;
  if (out->find_first_not_of(" \t\r\n") == std::string::npos) {
    Error(v->where(), "'" + name + "' must not be empty");
    return false;
  }
  return true;
}

bool JsonValueReader::ReadName(const JsonValue* v, const std::string& name, std::string* out) {
  if (!ReadNonEmpty(v, name, out)) return false;
  if (out->size() > kMaxNameBytes) {
    Error(v->where(), "'" + name + "' of " + std::to_string(out->size()) + " bytes is longer than the limit of " +
                          std::to_string(kMaxNameBytes));
    return false;
  }
  return true;
}

bool JsonValueReader::ReadId(const JsonValue* v, const std::string& name, std::string* out) {
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

std::optional<Date> JsonValueReader::ReadDate(const JsonValue* v, const std::string& name) {
  std::string text;
  if (!v || !ReadString(*v, name, &text)) return std::nullopt;
  Result<Date> date = ParseDate(text);
  if (!date.ok()) {
    Error(v->where(), date.status().message());
    return std::nullopt;
  }
  return std::move(date).value();
}

void JsonValueReader::ReadAttributes(const JsonValue* v, Attributes* out) {
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

void JsonValueReader::ReadStringList(const JsonValue* v, const std::string& name, std::vector<std::string>* out) {
  if (!v) return;
  if (!v->IsArray()) return TypeError(*v, name, "an array of strings");
  for (JsonValue item : v->children()) {
    std::string s;
    if (ReadName(&item, name, &s)) out->push_back(s);
  }
}

}  // namespace casegraph
