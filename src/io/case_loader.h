// Loads a graph's files (case files, directories of them, CSV edge files) into one Case,
// applying the merge rules and checking every cross-file reference.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/case.h"
#include "model/status.h"

namespace casegraph {

/// The files a graph path stands for: the file itself, or every *.json in a directory (not
/// recursive) and the nodes.csv and relationships.csv of casegraph's CSV export, sorted by name. Problems (missing path, empty directory) go to *diagnostics.
std::vector<std::string> ExpandGraphPath(const std::string& path, Diagnostics* diagnostics);

/// Reads and merges the files of all paths (each expanded as by ExpandGraphPath; a file named
/// twice is read once). "*.csv" files are CSV edge files, "*.ftm.json" and "*.ftm.jsonl"
/// FollowTheMoney files; others are case files. Nothing is ever half-loaded: on any error the
/// status holds every diagnostic (errors and warnings) in file order, then line and column; a
/// case that loads gives its warnings to *warnings, when given. With thorough (for `check`), over
/// all that could be read, every quote is also compared with its source's file (CheckQuotes) and
/// near-duplicates are looked for (FindNearDuplicates; only when the files have no other
/// errors, since a half-read record makes noise), so that one run reports every problem.
Result<Case> LoadCase(const std::vector<std::string>& paths, Diagnostics* warnings = nullptr,
                      bool thorough = false);

/// What a thorough load (check) adds over a case: every quote compared with its source's file
/// (CheckQuotes), and, when the case has no other errors, near-duplicates (FindNearDuplicates).
Diagnostics ThoroughChecks(const Case& c, bool other_errors = false);

/// A file of a snapshot: a case file's text, or only the name of a CSV file (its rows are stored).
struct StoredFile {
  std::string name;
  bool csv = false;
  std::string text;
};

/// Rebuilds a case a snapshot stored: case files re-read from their texts and merged as when the
/// snapshot was built, CSV rows and implied relation types as stored. The snapshot was checked
/// when it was built; problems re-reading (none expected) go to *diagnostics.
Case RebuildCase(const std::vector<StoredFile>& files, EdgeTable edges,
                 const std::vector<std::pair<std::string, Location>>& implied_types, Diagnostics* diagnostics);

/// Reads and merges in-memory files: (name, text) pairs, as LoadCase reads files.
Result<Case> LoadCaseFromTexts(const std::vector<std::pair<std::string, std::string>>& files,
                               Diagnostics* warnings = nullptr);

}  // namespace casegraph
