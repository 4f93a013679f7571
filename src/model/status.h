// Errors as values. A Status says what went wrong (its kind), where (a place in an input file or
// in a query's text, when there is one) and why: a message that names the fields and values at
// fault ("limit must be at least 1"). Fields are marked in the message, so that a caller with its
// own names for them (the command line's "--limit") can word it in those. A Status of an input
// that did not load carries every diagnostic found. Result<T> holds a value or a Status.
#pragma once

#include <cassert>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/location.h"

namespace casegraph {

/// A field of a request named in a message: Field("max_hops").
struct Field {
  constexpr explicit Field(std::string_view n) : name(n) {}  // (not an aggregate: clang 14 lacks P0960)
  std::string_view name;
};

/// A message whose parts are text and fields: Message(Field("limit"), " must be at least 1").
class Message {
 public:
  Message() = default;
  template <typename... Parts>
  explicit Message(const Parts&... parts) {
    (Append(parts), ...);
  }

  /// The text, each field under the library's name for it.
  const std::string& text() const { return text_; }
  /// The text, each field under name_of(field).
  std::string Worded(const std::function<std::string(std::string_view field)>& name_of) const;
  /// The fields named, in order.
  std::vector<std::string_view> fields() const;

 private:
  void Append(std::string_view text) { text_ += text; }
  void Append(const std::string& text) { text_ += text; }
  void Append(const char* text) { text_ += text; }
  void Append(char c) { text_ += c; }
  void Append(const Field& f);
  void Append(int64_t n) { text_ += std::to_string(n); }
  void Append(int n) { text_ += std::to_string(n); }
  void Append(size_t n) { text_ += std::to_string(n); }
  void Append(const Message& m);

  std::string text_;
  std::vector<std::pair<size_t, size_t>> fields_;  // (offset, length) in text_
};

class Status {
 public:
  enum class Kind {
    kOk,
    kInvalidInput,  // the input or request breaks a rule
    kNotFound,      // something named does not exist (an entity, a file)
    kIo,            // the system could not read or write
    kCorrupt,       // stored data is damaged or no longer matches its sources
    kUnsupported,   // valid, but not something casegraph does (another version, a missing helper)
  };

  /// Success.
  Status() = default;
  static Status InvalidInput(Message m) { return Status(Kind::kInvalidInput, std::move(m)); }
  static Status NotFound(Message m) { return Status(Kind::kNotFound, std::move(m)); }
  static Status Io(Message m) { return Status(Kind::kIo, std::move(m)); }
  static Status Corrupt(Message m) { return Status(Kind::kCorrupt, std::move(m)); }
  static Status Unsupported(Message m) { return Status(Kind::kUnsupported, std::move(m)); }
  /// The status of an input that did not load: invalid input at the first error, "N errors",
  /// with every diagnostic (errors and warnings). REQUIRES: diagnostics hold an error.
  static Status FromDiagnostics(Diagnostics diagnostics);

  /// The same status, placed at where.
  Status At(Location where) &&;

  bool ok() const { return kind_ == Kind::kOk; }
  Kind kind() const { return kind_; }
  /// Where the problem is; where().file is empty when it has no place.
  const Location& where() const { return where_; }
  bool has_place() const { return !where_.file.empty(); }
  /// The message, fields under the library's names.
  const std::string& message() const { return message_.text(); }
  const Message& message_parts() const { return message_; }
  /// Every diagnostic of an input that did not load (empty otherwise).
  const Diagnostics& diagnostics() const { return diagnostics_; }
  /// "file:line:col: message", or the message alone when the status has no place.
  std::string ToString() const;

 private:
  Status(Kind kind, Message m) : kind_(kind), message_(std::move(m)) {}

  Kind kind_ = Kind::kOk;
  Location where_;
  Message message_;
  Diagnostics diagnostics_;
};

/// "invalid input", "not found", ... for messages and bindings.
const char* StatusKindName(Status::Kind kind);

/// A value, or the Status that says why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  /// REQUIRES: !status.ok().
  Result(Status status) : status_(std::move(status)) { assert(!status_.ok()); }  // NOLINT

  bool ok() const { return value_.has_value(); }
  /// REQUIRES: ok() (checked: the process aborts otherwise).
  const T& value() const& {
    Check();
    return *value_;
  }
  T& value() & {
    Check();
    return *value_;
  }
  T&& value() && {
    Check();
    return std::move(*value_);
  }
  /// Why there is no value (ok() when there is one).
  const Status& status() const { return status_; }

 private:
  void Check() const {
    assert(ok());
    if (!ok()) std::abort();
  }

  std::optional<T> value_;
  Status status_;
};

}  // namespace casegraph
