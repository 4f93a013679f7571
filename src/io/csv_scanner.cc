#include "io/csv_scanner.h"

#include "text/unicode.h"

namespace casegraph {

namespace {

// Byte classes for the unquoted fast path.
enum : uint8_t { kEndsCell = 1, kNotIdChar = 2, kNeedsCheck = 4 };

struct ByteClasses {
  uint8_t of[256] = {};
  constexpr ByteClasses() {
    for (int c = 0; c < 256; ++c) {
      const bool id = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
                      c == '_' || c == ':' || c == '-';
      of[c] = id ? 0 : kNotIdChar;
      if (c == ',' || c == '\n' || c == '\r' || c == '"') of[c] |= kEndsCell;
      if (c == 0 || c >= 0x80) of[c] |= kNeedsCheck;
    }
  }
  uint8_t operator[](char c) const { return of[static_cast<unsigned char>(c)]; }
};
constexpr ByteClasses kBytes;

}  // namespace

CsvScanner::CsvScanner(const SourceText& source, Diagnostics* diagnostics, uint32_t first_line)
    : source_(source), diagnostics_(diagnostics), pos_(ByteOrderMarkLength(source.text())),
      end_(source.text().size()), line_(first_line) {}

bool CsvScanner::NextRow(std::vector<CsvCell>* cells, size_t* count, size_t* row_offset) {
  const std::string_view t = source_.text();
  while (pos_ < end_ && (t[pos_] == '\n' || t[pos_] == '\r')) {
    if (t[pos_] == '\n') NewLine(pos_ + 1);
    ++pos_;
  }
  if (pos_ >= end_) return false;
  *count = 0;
  *row_offset = pos_;
  row_line_ = line_;
  row_line_start_ = line_start_;
  while (true) {
    if (*count == cells->size()) cells->emplace_back();
    CsvCell& cell = (*cells)[(*count)++];
    cell.offset = pos_;
    cell.needs_check = false;
    if (pos_ < end_ && t[pos_] == '"') {
      if (!ReadQuoted(&cell)) return true;
    } else {
      ReadUnquoted(&cell);
    }
    if (pos_ < end_ && t[pos_] == ',') {
      ++pos_;
      continue;
    }
    if (pos_ < end_ && t[pos_] == '\r') ++pos_;
    if (pos_ < end_ && t[pos_] == '\n') {
      ++pos_;
      NewLine(pos_);
    }
    return true;
  }
}

bool CsvScanner::ReadQuoted(CsvCell* cell) {
  const std::string_view t = source_.text();
  cell->quoted = true;
  cell->plain_id = false;
  cell->unquoted.clear();
  ++pos_;
  bool closed = false;
  while (pos_ < end_) {
    const char c = t[pos_];
    if (c == '"') {
      if (pos_ + 1 < end_ && t[pos_ + 1] == '"') {
        cell->unquoted += '"';
        pos_ += 2;
        continue;
      }
      ++pos_;
      closed = true;
      break;
    }
    if (c == '\n') NewLine(pos_ + 1);
    if (kBytes[c] & kNeedsCheck) cell->needs_check = true;
    cell->unquoted += c;
    ++pos_;
  }
  if (!closed) {
    diagnostics_->push_back({source_.LocationAt(cell->offset), "unterminated quoted field"});
    return false;
  }
  if (pos_ < end_ && t[pos_] != ',' && t[pos_] != '\n' && t[pos_] != '\r') {
    diagnostics_->push_back({source_.LocationAt(pos_), "unexpected character after a quoted field"});
    while (pos_ < end_ && t[pos_] != ',' && t[pos_] != '\n') ++pos_;
  }
  return true;
}

void CsvScanner::ReadUnquoted(CsvCell* cell) {
  const std::string_view t = source_.text();
  cell->quoted = false;
  cell->begin = pos_;
  uint8_t seen = 0;
  while (true) {
    while (pos_ < end_ && !(kBytes[t[pos_]] & kEndsCell)) {
      seen |= kBytes[t[pos_]];
      ++pos_;
    }
    if (pos_ < end_ && t[pos_] == '"') {
      diagnostics_->push_back(
          {source_.LocationAt(pos_), "quote in an unquoted field (quote the whole field and double the quote)"});
      seen |= kNotIdChar;
      ++pos_;
      continue;
    }
    break;
  }
  cell->end = pos_;
  cell->plain_id = seen == 0 && cell->end > cell->begin;
  cell->needs_check = (seen & kNeedsCheck) != 0;
}

}  // namespace casegraph
