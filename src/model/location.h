// Locations and diagnostics: errors travel as values that say where they are.
#pragma once

#include <string>
#include <vector>

namespace casegraph {

/// A place in an input file. line and column are 1-based; column counts Unicode characters.
/// line == 0 means "the whole file" (e.g. it cannot be opened).
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
};

/// One problem found in the input, with where it is. Errors stop the input from loading;
/// warnings (e.g. a reference an import skips) do not.
struct Diagnostic {
  enum class Severity { kError, kWarning };
  Location where;
  std::string message;
  Severity severity = Severity::kError;

  bool IsError() const { return severity == Severity::kError; }
};

/// "file:line:col: error: message" (or "file: error: message" without a line; "warning"
/// for warnings).
std::string FormatDiagnostic(const Diagnostic& d);

/// "file:line:col" (or "file" without a line).
std::string FormatLocation(const Location& where);

using Diagnostics = std::vector<Diagnostic>;

/// Number of errors (not warnings) among diagnostics.
size_t ErrorCount(const Diagnostics& diagnostics);

}  // namespace casegraph
