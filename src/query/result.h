// Result<T>: a value, or an error message saying what was wrong with the request.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace casegraph {

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose
  static Result Error(std::string message) { return Result(std::move(message), 0); }

  bool ok() const { return value_.has_value(); }
  const T& value() const { return *value_; }
  T& value() { return *value_; }
  const std::string& error() const { return error_; }

 private:
  Result(std::string message, int) : error_(std::move(message)) {}
  std::optional<T> value_;
  std::string error_;
};

}  // namespace casegraph
