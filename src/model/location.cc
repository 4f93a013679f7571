#include "model/location.h"

namespace casegraph {

std::string FormatLocation(const Location& where) {
  if (where.line <= 0) return where.file;
  return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
}

std::string FormatDiagnostic(const Diagnostic& d) {
  return FormatLocation(d.where) + ": error: " + d.message;
}

}  // namespace casegraph
