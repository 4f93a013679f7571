// Reads a CSV edge file: a header naming at least from,to; optional id,type,date,start,end,
// status,weight. RFC 4180 quoting; an empty cell is an absent value.
#pragma once

#include <string_view>

#include "io/case_file.h"
#include "io/source_text.h"
#include "model/case.h"

namespace casegraph {

/// Relation type of a CSV row without a type.
constexpr const char* kDefaultCsvRelationType = "related";

/// Where an id is named in a CSV row; its column is counted only if the id turns out to be new.
struct MentionAt {
  uint32_t file = 0;
  uint32_t line = 0;
  const char* row_start = nullptr;  // the row's first byte
  const char* at = nullptr;         // the cell's first byte
  bool bom = false;                 // the row starts the file, after a byte-order mark
  const Mention* known = nullptr;   // already resolved (rows merged from another reader)

  Mention Resolve() const;
};

/// Where the rows of CSV edge files go: one table for all of a graph's CSV files, and the
/// entities and types they name.
class EdgeSink {
 public:
  virtual ~EdgeSink() = default;
  virtual EdgeTable& table() = 0;
  /// The entity number to store in a row for this id; `where` is used when the id is new.
  virtual uint32_t EntityRef(std::string_view id, const MentionAt& where) = 0;
  /// The index into table().type_names of this relation type; `where` is its first use.
  virtual uint32_t TypeRef(std::string_view type, const SourceText& source, size_t offset) = 0;
  virtual uint32_t TypeRefAt(std::string_view type, const Location& where) = 0;
};

/// Reads a CSV edge file into the sink's table (file_index: its index in Case::files). Every
/// broken rule is added to *diagnostics with its line and column; rows with errors are not added.
void ReadCsvRows(const SourceText& source, uint32_t file_index, EdgeSink* sink, Diagnostics* diagnostics);

/// Reads a CSV edge file on its own, as a case file: entities it names become implicit entities
/// (name = id, type "unknown"). For `import csv` and tests.
CaseFile ReadCsvEdges(const SourceText& source, Diagnostics* diagnostics);

}  // namespace casegraph
