// Typed reads of a located JSON value against a format's rules: each broken rule becomes a
// diagnostic at the value ("'name' must be a string, not a number"), and unknown keys get a
// suggestion. The case-file reader is made of these.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "io/case_format.h"
#include "io/json_tree.h"
#include "model/case.h"

namespace casegraph {

/// Reports a key that is not among the allowed ones, with a suggestion (or the list of them).
void UnknownKey(std::string_view key, const Location& where, const std::string& what,
                std::span<const std::string_view> allowed, Diagnostics* diagnostics);

/// The members of one JSON object read against a list of allowed keys: unknown keys and missing
/// required ones are reported. The first of duplicate keys counts (the parser reports the others).
class JsonFields {
 public:
  static constexpr size_t kMaxKeys = 12;

  JsonFields(JsonValue object, std::string what, std::span<const std::string_view> allowed, Diagnostics* diagnostics);

  /// The member's value, or nullptr when absent.
  const JsonValue* Get(std::string_view key) const;
  /// The same, reporting it missing.
  const JsonValue* Require(std::string_view key) const;
  /// The allowed keys the object spells out (bit i: allowed[i]).
  case_format::KeySet written() const { return written_; }

 private:
  JsonValue object_;
  std::string what_;
  std::array<std::string_view, kMaxKeys> allowed_;
  std::array<std::optional<JsonValue>, kMaxKeys> found_;
  size_t count_;
  Diagnostics* diagnostics_;
  case_format::KeySet written_ = 0;
};

/// Reads values of the case-file format, reporting what is wrong with each. Each Read returns
/// whether the value was as the rule says (with *out set); name is the key, for messages.
class JsonValueReader {
 public:
  explicit JsonValueReader(Diagnostics* diagnostics) : diagnostics_(diagnostics) {}

  void Error(const Location& where, std::string message) { diagnostics_->push_back({where, std::move(message)}); }
  /// "'name' must be EXPECTED, not KIND".
  void TypeError(JsonValue v, const std::string& name, const char* expected);

  bool ReadString(JsonValue v, const std::string& name, std::string* out);
  /// A string with something besides whitespace.
  bool ReadNonEmpty(const JsonValue* v, const std::string& name, std::string* out);
  /// A name, alias or label: not empty, at most kMaxNameBytes.
  bool ReadName(const JsonValue* v, const std::string& name, std::string* out);
  /// An id: [A-Za-z0-9._:-]+, at most kMaxIdBytes.
  bool ReadId(const JsonValue* v, const std::string& name, std::string* out);
  /// A date of year, month or day precision; nullopt when absent or invalid.
  std::optional<Date> ReadDate(const JsonValue* v, const std::string& name);
  /// An object of scalars.
  void ReadAttributes(const JsonValue* v, Attributes* out);
  /// An array of names.
  void ReadStringList(const JsonValue* v, const std::string& name, std::vector<std::string>* out);

 private:
  Diagnostics* diagnostics_;
};

}  // namespace casegraph
