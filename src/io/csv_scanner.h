// RFC 4180 scanning: CSV text split into rows of cells, lines counted as it goes. What the cells
// mean is the row reader's (io/csv_reader.cc).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "io/source_text.h"
#include "model/location.h"

namespace casegraph {

/// One cell of a row.
struct CsvCell {
  size_t offset = 0;          // where the cell starts (its opening quote, when quoted)
  size_t begin = 0, end = 0;  // unquoted: the text's bytes
  bool quoted = false;
  bool plain_id = false;     // unquoted, and only id characters
  bool needs_check = false;  // has NUL or non-ASCII bytes
  std::string unquoted;      // quoted: the text with doubled quotes undone

  std::string_view text(std::string_view t) const {
    return quoted ? std::string_view(unquoted) : std::string_view(t.data() + begin, end - begin);
  }
  /// Nothing in it ("" or an empty quoted field).
  bool empty() const { return quoted ? unquoted.empty() : end == begin; }
};

/// Splits a source's text into rows of cells. Unterminated quotes and stray quotes are reported
/// in *diagnostics; a leading byte-order mark is skipped.
class CsvScanner {
 public:
  /// first_line: the line number of the text's first line (the text may be part of a file).
  CsvScanner(const SourceText& source, Diagnostics* diagnostics, uint32_t first_line = 1);

  /// Rows are read up to end (a line start).
  void set_end(size_t end) { end_ = end; }
  size_t position() const { return pos_; }
  uint32_t line() const { return line_; }

  /// Reads the next row into cells [0, *count); false at the end of the input. Blank lines are
  /// skipped. *row_offset: where the row starts.
  bool NextRow(std::vector<CsvCell>* cells, size_t* count, size_t* row_offset);

  /// The line of the last row read, and where it starts.
  uint32_t row_line() const { return row_line_; }
  size_t row_line_start() const { return row_line_start_; }

 private:
  // Reads a quoted cell from its opening quote; false if it never closes (reported).
  bool ReadQuoted(CsvCell* cell);
  void ReadUnquoted(CsvCell* cell);
  void NewLine(size_t start) {
    ++line_;
    line_start_ = start;
  }

  const SourceText& source_;
  Diagnostics* diagnostics_;
  size_t pos_ = 0;
  size_t end_;
  uint32_t line_ = 1;
  size_t line_start_ = 0;
  uint32_t row_line_ = 1;
  size_t row_line_start_ = 0;
};

}  // namespace casegraph
