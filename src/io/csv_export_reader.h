// Reads casegraph's own CSV export (export --to csv) back: nodes.csv and relationships.csv, each
// recognised by its header, with the case.json the export writes beside them for the vocabulary
// and the sources. A directory holding an export is a graph path like any other (-g DIR).
#pragma once

#include <string_view>

#include "io/case_file.h"
#include "io/source_text.h"

namespace casegraph {

/// The header rows the export writes.
extern const std::string_view kExportNodesHeader, kExportRelationshipsHeader;

/// True if text starts (after a byte-order mark) with one of those headers.
bool IsCsvExport(std::string_view text);

/// The entities of a nodes.csv, or the relations of a relationships.csv, as a case file holding
/// them would give them: every field checked as a case file's is, each problem reported at the
/// row's line (column 1). Aliases, attributes and evidence are the JSON the export wrote;
/// label and symmetric (the vocabulary's, in case.json) and the first evidence item's source and
/// quote (repeated from evidence) are not read.
CaseFile ReadCsvExport(const SourceText& source, Diagnostics* diagnostics);

}  // namespace casegraph
