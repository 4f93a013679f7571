// Locations and diagnostics: errors travel as values that say where they are.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace casegraph {

/// A file's name, shared: the locations of one file all point to one copy of it, so a million
/// locations cost a pointer each rather than a million copies of a long path.
class FileName {
 public:
  FileName() = default;
  FileName(std::string name);  // NOLINT(google-explicit-constructor): a name is a name
  FileName(const char* name) : FileName(std::string(name)) {}  // NOLINT(google-explicit-constructor)

  const std::string& str() const;
  operator const std::string&() const { return str(); }  // NOLINT(google-explicit-constructor)
  bool empty() const { return str().empty(); }

  friend bool operator==(const FileName& a, const FileName& b) { return a.name_ == b.name_ || a.str() == b.str(); }
  friend bool operator==(const FileName& a, const std::string& b) { return a.str() == b; }
  friend bool operator==(const FileName& a, const char* b) { return a.str() == b; }

 private:
  std::shared_ptr<const std::string> name_;  // null for ""
};

/// A place in an input file. line and column are 1-based; column counts Unicode characters.
/// line == 0 means "the whole file" (e.g. it cannot be opened).
struct Location {
  FileName file;
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
