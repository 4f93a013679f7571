#include "model/location.h"

namespace casegraph {

FileName::FileName(std::string name)
    : name_(name.empty() ? nullptr : std::make_shared<const std::string>(std::move(name))) {}

const std::string& FileName::str() const {
  static const std::string kEmpty;
  return name_ ? *name_ : kEmpty;
}

std::string FormatLocation(const Location& where) {
  std::string out = where.file.str();
  if (where.line <= 0) return out;
  out += ':';
  out += std::to_string(where.line);
  out += ':';
  out += std::to_string(where.column);
  return out;
}

std::string FormatDiagnostic(const Diagnostic& d) {
  return FormatLocation(d.where) + (d.IsError() ? ": error: " : ": warning: ") + d.message;
}

size_t ErrorCount(const Diagnostics& diagnostics) {
  size_t n = 0;
  for (const Diagnostic& d : diagnostics) n += d.IsError();
  return n;
}

}  // namespace casegraph
