// The rules of a CSV edge file's rows (internal to the CSV reader): each row's cells checked and
// turned into a row of the edge table, every broken rule reported at its cell.
#pragma once

#include <cstdint>
#include <optional>

#include "io/csv_reader.h"
#include "io/csv_scanner.h"

namespace casegraph {

enum CsvColumn { kFrom, kTo, kId, kType, kDate, kStart, kEnd, kStatus, kWeight, kCsvColumnCount };

/// The header's names, in order of CsvColumn.
extern const char* const kCsvColumnNames[kCsvColumnCount];

/// What a file's header says.
struct CsvHeader {
  int where[kCsvColumnCount];  // the cell index of each column, -1 when absent
  size_t size = 0;             // cells in the header
  bool keep_status = false, keep_weight = false;  // the table keeps a per-row array
};

/// Reads the rows the scanner has left into the sink's table; returns how many were added.
uint32_t ReadCsvDataRows(const SourceText& source, CsvScanner& scanner, const CsvHeader& header, uint32_t file_index,
                         EdgeSink* sink, Diagnostics* diagnostics);

}  // namespace casegraph
