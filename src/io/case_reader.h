// Reads one case file of format version 1 (see graphs/README.md) into a CaseFile.
#pragma once

#include "io/case_file.h"
#include "io/json_tree.h"
#include "io/source_text.h"

namespace casegraph {

/// The format version this casegraph reads and writes.
constexpr int kFormatVersion = 1;

/// Reads a case file from its text. Every rule the file breaks is added to *diagnostics with
/// its location; the CaseFile holds what could be read (use it only if nothing was added).
/// Cross-file rules (references, merging) are the loader's. A large file is parsed on one thread
/// while another reads its items (options say from what size).
CaseFile ReadCaseFile(const SourceText& source, Diagnostics* diagnostics, const JsonStreamOptions& options = {});

}  // namespace casegraph
