// A JSON document as a tree whose every value and key knows its line and column.
// RapidJSON's SAX reader does the parsing; this keeps the locations RapidJSON's DOM drops.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "io/source_text.h"
#include "model/limits.h"
#include "model/location.h"

namespace casegraph {

struct JsonMember;

struct JsonValue {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  std::string text;  // string contents, number as written, "true"/"false"/"null"
  std::vector<JsonMember> members;  // kObject, in file order
  std::vector<JsonValue> items;     // kArray
  Location where;

  bool IsString() const { return kind == Kind::kString; }
  bool IsObject() const { return kind == Kind::kObject; }
  bool IsArray() const { return kind == Kind::kArray; }
};

struct JsonMember {
  std::string key;
  Location key_where;
  JsonValue value;
};

/// "a string", "an object", ... for messages.
const char* JsonKindName(JsonValue::Kind kind);

/// Parses a JSON document. Syntax errors, invalid UTF-8, nesting deeper than kMaxJsonDepth,
/// strings longer than kMaxStringBytes and duplicate keys are reported in *diagnostics; returns nullopt if the document could not be read.
std::optional<JsonValue> ParseJsonTree(const SourceText& source, Diagnostics* diagnostics);

}  // namespace casegraph
