#include "io/csv_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

#include "model/limits.h"
#include "text/edit_distance.h"
#include "text/unicode.h"

namespace casegraph {

namespace {

struct Cell {
  std::string text;
  size_t offset = 0;
};

// Splits the text into rows of cells (RFC 4180). Reports unterminated quotes and stray quotes.
class CsvScanner {
 public:
  CsvScanner(const SourceText& source, Diagnostics* diagnostics) : source_(source), diagnostics_(diagnostics) {
    if (source.text().compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
  }

  /// Reads the next row; false at end of input. Blank lines are skipped.
  bool NextRow(std::vector<Cell>* row, size_t* row_offset) {
    const std::string& t = source_.text();
    while (pos_ < t.size() && (t[pos_] == '\n' || t[pos_] == '\r')) ++pos_;
    if (pos_ >= t.size()) return false;
    row->clear();
    *row_offset = pos_;
    while (true) {
      Cell cell;
      cell.offset = pos_;
      if (pos_ < t.size() && t[pos_] == '"') {
        ++pos_;
        bool closed = false;
        while (pos_ < t.size()) {
          if (t[pos_] == '"') {
            if (pos_ + 1 < t.size() && t[pos_ + 1] == '"') {
              cell.text += '"';
              pos_ += 2;
              continue;
            }
            ++pos_;
            closed = true;
            break;
          }
          cell.text += t[pos_++];
        }
        if (!closed) {
          diagnostics_->push_back({source_.LocationAt(cell.offset), "unterminated quoted field"});
          row->push_back(std::move(cell));
          return true;
        }
        if (pos_ < t.size() && t[pos_] != ',' && t[pos_] != '\n' && t[pos_] != '\r') {
          diagnostics_->push_back({source_.LocationAt(pos_), "unexpected character after a quoted field"});
          while (pos_ < t.size() && t[pos_] != ',' && t[pos_] != '\n') ++pos_;
        }
      } else {
        while (pos_ < t.size() && t[pos_] != ',' && t[pos_] != '\n' && t[pos_] != '\r') {
          if (t[pos_] == '"') {
            diagnostics_->push_back({source_.LocationAt(pos_), "quote in an unquoted field (quote the whole field and double the quote)"});
          }
          cell.text += t[pos_++];
        }
      }
      row->push_back(std::move(cell));
      if (pos_ < t.size() && t[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < t.size() && t[pos_] == '\r') ++pos_;
      if (pos_ < t.size() && t[pos_] == '\n') ++pos_;
      return true;
    }
  }

 private:
  const SourceText& source_;
  Diagnostics* diagnostics_;
  size_t pos_ = 0;
};

enum Column { kFrom, kTo, kId, kType, kDate, kStart, kEnd, kStatus, kWeight, kColumnCount };
const char* const kColumnNames[kColumnCount] = {"from", "to", "id", "type", "date", "start", "end", "status",
                                                "weight"};

}  // namespace

CaseFile ReadCsvEdges(const SourceText& source, Diagnostics* diagnostics) {
  CaseFile file;
  file.path = source.name();
  file.implies_relation_types = true;
  CsvScanner scanner(source, diagnostics);
  std::vector<Cell> row;
  size_t row_offset = 0;
  if (!scanner.NextRow(&row, &row_offset)) {
    diagnostics->push_back({source.LocationAt(0), "empty CSV file: expected a header naming at least from,to"});
    return file;
  }
  int where[kColumnCount];
  std::fill(where, where + kColumnCount, -1);
  const std::vector<std::string> names(kColumnNames, kColumnNames + kColumnCount);
  bool header_ok = true;
  for (size_t i = 0; i < row.size(); ++i) {
    int found = -1;
    for (int c = 0; c < kColumnCount; ++c) {
      if (row[i].text == kColumnNames[c]) found = c;
    }
    const Location at = source.LocationAt(row[i].offset);
    if (found < 0) {
      std::string close = DidYouMean(Suggest(row[i].text, names, 1));
      diagnostics->push_back({at, "unknown CSV column '" + row[i].text + "'" +
                                      (close.empty() ? " (expected from, to, id, type, date, start, end, status, weight)" : close)});
      header_ok = false;
    } else if (where[found] >= 0) {
      diagnostics->push_back({at, "duplicate CSV column '" + row[i].text + "'"});
      header_ok = false;
    } else {
      where[found] = static_cast<int>(i);
    }
  }
  for (int c : {kFrom, kTo}) {
    if (where[c] < 0) {
      diagnostics->push_back({source.LocationAt(row_offset), std::string("CSV header is missing column '") +
                                                                 kColumnNames[c] + "'"});
      header_ok = false;
    }
  }
  if (!header_ok) return file;
  const size_t header_size = row.size();

  std::set<std::string> implicit;
  size_t index = 0;
  while (scanner.NextRow(&row, &row_offset)) {
    ++index;
    const Location row_at = source.LocationAt(row_offset);
    Relation r;
    r.where = row_at;
    auto cell = [&](Column c) -> const Cell* {
      if (where[c] < 0 || static_cast<size_t>(where[c]) >= row.size() || row[where[c]].text.empty()) return nullptr;
      return &row[where[c]];
    };
    auto at = [&](const Cell* c) { return source.LocationAt(c->offset); };
    auto error = [&](const Cell* c, std::string message) { diagnostics->push_back({at(c), std::move(message)}); };
    bool cells_ok = true;
    for (const Cell& c : row) {
      std::string problem;
      if (c.text.size() > kMaxStringBytes) {
        problem = "field of " + std::to_string(c.text.size()) + " bytes is longer than the limit of " +
                  std::to_string(kMaxStringBytes) + " bytes";
      } else if (c.text.find('\0') != std::string::npos) {
        problem = "NUL byte in a field";
      } else if (!IsValidUtf8(c.text)) {
        problem = "invalid UTF-8 in a field";
      }
      if (!problem.empty()) {
        diagnostics->push_back({source.LocationAt(c.offset), problem});
        cells_ok = false;
      }
    }
    if (!cells_ok) continue;
    auto read_id = [&](Column c, const char* what, std::string* out, Location* out_where) {
      const Cell* x = cell(c);
      if (!x) {
        diagnostics->push_back({row_at, std::string("missing '") + kColumnNames[c] + "' value"});
        return;
      }
      if (out_where) *out_where = at(x);
      if (x->text.size() > kMaxIdBytes) {
        error(x, std::string(what) + " of " + std::to_string(x->text.size()) + " bytes is longer than the limit of " +
                     std::to_string(kMaxIdBytes));
        return;
      }
      if (!IsValidId(x->text)) {
        error(x, std::string("invalid ") + what + " '" + x->text + "': use only letters, digits and . _ : -");
        return;
      }
      *out = x->text;
    };
    if (row.size() != header_size) {
      diagnostics->push_back({row_at, "row has " + std::to_string(row.size()) + (row.size() == 1 ? " field" : " fields") + ", the header has " +
                                          std::to_string(header_size)});
      continue;
    }
    read_id(kFrom, "entity id", &r.from, &r.from_where);
    read_id(kTo, "entity id", &r.to, &r.to_where);
    if (cell(kId)) {
      read_id(kId, "relation id", &r.id, nullptr);
    } else {
      r.id = ImpliedRelationId(file.path, index);
      r.id_given = false;
    }
    if (cell(kType)) {
      read_id(kType, "relation type", &r.type, &r.type_where);
    } else {
      r.type = kDefaultCsvRelationType;
      r.type_where = row_at;
    }
    auto read_date = [&](Column c) -> std::optional<Date> {
      const Cell* x = cell(c);
      if (!x) return std::nullopt;
      std::string why;
      std::optional<Date> d = ParseDate(x->text, &why);
      if (!d) error(x, why);
      return d;
    };
    if (cell(kDate) && (cell(kStart) || cell(kEnd))) {
      error(cell(kDate), "a relation has either 'date' (an event) or 'start'/'end' (a span), not both");
    } else {
      r.date = read_date(kDate);
      r.start = read_date(kStart);
      r.end = read_date(kEnd);
      if (r.start && r.end && r.end->last < r.start->first) {
        error(cell(kEnd), "end '" + r.end->text + "' is before start '" + r.start->text + "'");
      }
    }
    if (const Cell* x = cell(kStatus)) {
      if (std::optional<Status> s = ParseStatus(x->text)) {
        r.status = *s;
      } else {
        const std::vector<std::string> all = {"fact", "reported", "alleged", "claimed", "denied"};
        error(x, "unknown status '" + x->text + "'" + DidYouMean(Suggest(x->text, all, 1)) +
                     " (one of fact, reported, alleged, claimed, denied)");
      }
    }
    if (const Cell* x = cell(kWeight)) {
      char* end = nullptr;
      const double w = std::strtod(x->text.c_str(), &end);
      if (end != x->text.c_str() + x->text.size() || !(w > 0) || !std::isfinite(w)) {
        error(x, "weight must be a positive number, not '" + x->text + "'");
      } else {
        r.weight = w;
      }
    }
    for (const std::string* id : {&r.from, &r.to}) {
      if (!id->empty() && implicit.insert(*id).second) {
        Entity e;
        e.id = *id;
        e.name = *id;
        e.type = kImplicitEntityType;
        e.implicit = true;
        e.where = id == &r.from ? r.from_where : r.to_where;
        file.entities.push_back(std::move(e));
      }
    }
    file.relations.push_back(std::move(r));
  }
  return file;
}

}  // namespace casegraph
