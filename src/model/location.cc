#include "model/location.h"

namespace casegraph {

std::string FormatLocation(const Location& where) {
  if (where.line <= 0) return where.file;
  return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
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
