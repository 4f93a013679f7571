// Reads a CSV edge file: a header naming at least from,to; optional id,type,date,start,end,
// status,weight. RFC 4180 quoting; an empty cell is an absent value.
#pragma once

#include "io/case_file.h"
#include "io/source_text.h"

namespace casegraph {

/// Entity type given to entities that are named only in CSV files.
constexpr const char* kImplicitEntityType = "unknown";
/// Relation type of a CSV row without a type.
constexpr const char* kDefaultCsvRelationType = "related";

/// Reads a CSV edge file. Entities it names become implicit entities (name = id, type
/// "unknown"); every broken rule is added to *diagnostics with its line and column.
CaseFile ReadCsvEdges(const SourceText& source, Diagnostics* diagnostics);

}  // namespace casegraph
