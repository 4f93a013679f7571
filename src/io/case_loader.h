// Loads a graph's files (case files, directories of them, CSV edge files) into one Case,
// applying the merge rules and checking every cross-file reference.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/case.h"

namespace casegraph {

struct LoadResult {
  std::optional<Case> loaded;  // set only when there were no errors: never half-loaded
  Diagnostics diagnostics;     // every problem found (errors and warnings), in file order,
                               // then line and column
};

/// The files a graph path stands for: the file itself, or every *.json in a directory
/// (not recursive), sorted by name. Problems (missing path, empty directory) go to *diagnostics.
std::vector<std::string> ExpandGraphPath(const std::string& path, Diagnostics* diagnostics);

/// Reads and merges the files of all paths (each expanded as by ExpandGraphPath; a file named
/// twice is read once). "*.csv" files are CSV edge files; others are case files.
LoadResult LoadCase(const std::vector<std::string>& paths);

/// Reads and merges in-memory files: (name, text) pairs. For tests and tools.
LoadResult LoadCaseFromTexts(const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace casegraph
