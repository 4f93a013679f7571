#include "io/csv_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <unordered_map>

#include "model/id_table.h"
#include "model/limits.h"
#include "text/edit_distance.h"
#include "text/unicode.h"

namespace casegraph {

namespace {

// Files larger than this (and without quotes) are read by two threads.
constexpr size_t kParallelCsvBytes = size_t{8} << 20;

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
};
constexpr ByteClasses kBytes;

struct Cell {
  size_t offset = 0;         // where the cell starts (its opening quote, when quoted)
  size_t begin = 0, end = 0;  // unquoted: the text's bytes
  bool quoted = false;
  bool plain_id = false;      // unquoted, and only id characters
  bool needs_check = false;   // has NUL or non-ASCII bytes
  std::string unquoted;       // quoted: the text with doubled quotes undone

  std::string_view text(std::string_view t) const {
    return quoted ? std::string_view(unquoted) : std::string_view(t.data() + begin, end - begin);
  }
};

// Splits the text into rows of cells (RFC 4180), counting lines as it goes. Reports
// unterminated quotes and stray quotes.
class CsvScanner {
 public:
  CsvScanner(const SourceText& source, Diagnostics* diagnostics, uint32_t first_line = 1)
      : source_(source), diagnostics_(diagnostics), end_(source.text().size()), line_(first_line) {
    if (source.text().compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
  }

  /// Rows are read up to end (a line start).
  void set_end(size_t end) { end_ = end; }
  size_t position() const { return pos_; }
  uint32_t line() const { return line_; }

  /// Reads the next row into cells [0, *count); false at end of input. Blank lines are skipped.
  bool NextRow(std::vector<Cell>* cells, size_t* count, size_t* row_offset) {
    const std::string_view t = source_.text();
    const size_t n = end_;
    while (pos_ < n && (t[pos_] == '\n' || t[pos_] == '\r')) {
      if (t[pos_] == '\n') NewLine(pos_ + 1);
      ++pos_;
    }
    if (pos_ >= n) return false;
    *count = 0;
    *row_offset = pos_;
    row_line_ = line_;
    row_line_start_ = line_start_;
    while (true) {
      if (*count == cells->size()) cells->emplace_back();
      Cell& cell = (*cells)[(*count)++];
      cell.offset = pos_;
      cell.quoted = false;
      cell.needs_check = false;
      if (pos_ < n && t[pos_] == '"') {
        cell.quoted = true;
        cell.plain_id = false;
        cell.unquoted.clear();
        ++pos_;
        bool closed = false;
        while (pos_ < n) {
          const char c = t[pos_];
          if (c == '"') {
            if (pos_ + 1 < n && t[pos_ + 1] == '"') {
              cell.unquoted += '"';
              pos_ += 2;
              continue;
            }
            ++pos_;
            closed = true;
            break;
          }
          if (c == '\n') NewLine(pos_ + 1);
          if (kBytes.of[static_cast<unsigned char>(c)] & kNeedsCheck) cell.needs_check = true;
          cell.unquoted += c;
          ++pos_;
        }
        if (!closed) {
          diagnostics_->push_back({source_.LocationAt(cell.offset), "unterminated quoted field"});
          return true;
        }
        if (pos_ < n && t[pos_] != ',' && t[pos_] != '\n' && t[pos_] != '\r') {
          diagnostics_->push_back({source_.LocationAt(pos_), "unexpected character after a quoted field"});
          while (pos_ < n && t[pos_] != ',' && t[pos_] != '\n') ++pos_;
        }
      } else {
        cell.begin = pos_;
        uint8_t seen = 0;
        while (true) {
          while (pos_ < n && !(kBytes.of[static_cast<unsigned char>(t[pos_])] & kEndsCell)) {
            seen |= kBytes.of[static_cast<unsigned char>(t[pos_])];
            ++pos_;
          }
          if (pos_ < n && t[pos_] == '"') {
            diagnostics_->push_back({source_.LocationAt(pos_), "quote in an unquoted field (quote the whole field and double the quote)"});
            seen |= kNotIdChar;
            ++pos_;
            continue;
          }
          break;
        }
        cell.end = pos_;
        cell.plain_id = seen == 0 && cell.end > cell.begin;
        cell.needs_check = (seen & kNeedsCheck) != 0;
      }
      if (pos_ < n && t[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < n && t[pos_] == '\r') ++pos_;
      if (pos_ < n && t[pos_] == '\n') {
        ++pos_;
        NewLine(pos_);
      }
      return true;
    }
  }

  /// The line of the last row read, and where it starts.
  uint32_t row_line() const { return row_line_; }
  size_t row_line_start() const { return row_line_start_; }

 private:
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

enum CsvColumn { kFrom, kTo, kId, kType, kDate, kStart, kEnd, kStatus, kWeight, kColumnCount };
const char* const kColumnNames[kColumnCount] = {"from", "to", "id", "type", "date", "start", "end", "status",
                                                "weight"};

// A CSV file read on its own: its entities interned locally.
class LocalSink : public EdgeSink {
 public:
  EdgeTable& table() override { return table_; }
  uint32_t EntityRef(std::string_view id, const MentionAt& where) override {
    auto key = [this](uint32_t k) { return table_.entity_id(k); };
    const auto [k, added] = ids_.Insert(id, static_cast<uint32_t>(table_.entity_count()), key);
    if (added) table_.AddEntity(id, where.Resolve());
    return k;
  }
  uint32_t TypeRef(std::string_view type, const SourceText& source, size_t offset) override {
    auto it = types_.find(std::string(type));
    if (it != types_.end()) return it->second;
    return TypeRefAt(type, source.LocationAt(offset));
  }
  uint32_t TypeRefAt(std::string_view type, const Location& where) override {
    auto [it, added] = types_.emplace(std::string(type), static_cast<uint32_t>(table_.type_names.size()));
    if (added) {
      table_.type_names.push_back(it->first);
      type_where_.push_back(where);
    }
    return it->second;
  }
  const std::vector<Location>& type_where() const { return type_where_; }
  const EdgeTable& rows() const { return table_; }

 private:
  EdgeTable table_;
  IdTable ids_;
  std::unordered_map<std::string, uint32_t> types_;
  std::vector<Location> type_where_;
};

struct Header {
  int where[kColumnCount];
  size_t size = 0;
  bool keep_status = false, keep_weight = false;
};

// Reads the rows the scanner has left into the sink's table; returns how many were added.
uint32_t ReadRows(const SourceText& source, CsvScanner& scanner, const Header& header, uint32_t file_index,
                  EdgeSink* sink, Diagnostics* diagnostics);

// Appends the rows a LocalSink read (the second half of a file) to the sink's table, naming their
// entities and types through the sink in the order the rows first named them.
uint32_t MergeRows(const LocalSink& local, EdgeSink* sink) {
  const EdgeTable& from = local.rows();
  EdgeTable& into = sink->table();
  std::vector<uint32_t> entity(from.entity_count()), type(from.type_names.size());
  for (size_t k = 0; k < from.entity_count(); ++k) {
    MentionAt at;
    at.known = &from.entity_where[k];
    entity[k] = sink->EntityRef(from.entity_id(k), at);
  }
  for (size_t t = 0; t < from.type_names.size(); ++t) type[t] = sink->TypeRefAt(from.type_names[t], local.type_where()[t]);
  const uint32_t shift = static_cast<uint32_t>(into.size());
  for (size_t r = 0; r < from.size(); ++r) {
    into.from.push_back(entity[from.from[r]]);
    into.to.push_back(entity[from.to[r]]);
    into.type.push_back(type[from.type[r]]);
    into.line.push_back(from.line[r]);
  }
  into.status.insert(into.status.end(), from.status.begin(), from.status.end());
  into.weight.insert(into.weight.end(), from.weight.begin(), from.weight.end());
  for (const auto& [row, id] : from.ids) into.ids.emplace_back(row + shift, id);
  for (const auto& [row, d] : from.dates) into.dates.emplace_back(row + shift, d);
  return static_cast<uint32_t>(from.size());
}

}  // namespace

Mention MentionAt::Resolve() const {
  if (known) return *known;
  // Cells of quoted fields may span lines: count from the last line start before the cell.
  const char* from = row_start;
  for (const char* p = row_start; p < at; ++p) {
    if (*p == '\n') from = p + 1;
  }
  uint32_t column = 1;
  for (const char* p = from; p < at; ++p) {
    if ((static_cast<unsigned char>(*p) & 0xC0) != 0x80) ++column;
  }
  if (bom && from == row_start) --column;
  return Mention{file, line, column};
}

void ReadCsvRows(const SourceText& source, uint32_t file_index, EdgeSink* sink, Diagnostics* diagnostics) {
  EdgeTable& table = sink->table();
  EdgeFile file_rows;
  file_rows.file = file_index;
  file_rows.stem = RelationIdStem(source.name());
  file_rows.first_row = static_cast<uint32_t>(table.size());
  const std::string_view text = source.text();
  CsvScanner scanner(source, diagnostics);
  std::vector<Cell> row;
  size_t count = 0;
  size_t row_offset = 0;
  if (!scanner.NextRow(&row, &count, &row_offset)) {
    diagnostics->push_back({source.LocationAt(0), "empty CSV file: expected a header naming at least from,to"});
    return;
  }
  int where[kColumnCount];
  std::fill(where, where + kColumnCount, -1);
  const std::vector<std::string> names(kColumnNames, kColumnNames + kColumnCount);
  bool header_ok = true;
  for (size_t i = 0; i < count; ++i) {
    const std::string name(row[i].text(text));
    int found = -1;
    for (int c = 0; c < kColumnCount; ++c) {
      if (name == kColumnNames[c]) found = c;
    }
    const Location at = source.LocationAt(row[i].offset);
    if (found < 0) {
      std::string close = DidYouMean(Suggest(name, names, 1));
      diagnostics->push_back({at, "unknown CSV column '" + name + "'" +
                                      (close.empty() ? " (expected from, to, id, type, date, start, end, status, weight)" : close)});
      header_ok = false;
    } else if (where[found] >= 0) {
      diagnostics->push_back({at, "duplicate CSV column '" + name + "'"});
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
  if (!header_ok) return;
  const size_t header_size = count;
  {  // room for every row at once: at most one per remaining line
    size_t lines = 1;
    for (const char* p = text.data(); (p = static_cast<const char*>(std::memchr(p, '\n', text.data() + text.size() - p)));) {
      ++p;
      ++lines;
    }
    const size_t rows = table.size() + lines;
    table.from.reserve(rows);
    table.to.reserve(rows);
    table.type.reserve(rows);
    table.line.reserve(rows);
  }
  // Columns that need a per-row array: once any file has them, every row gets a value.
  Header h;
  std::copy(where, where + kColumnCount, h.where);
  h.size = header_size;
  h.keep_status = where[kStatus] >= 0 || !table.status.empty();
  h.keep_weight = where[kWeight] >= 0 || !table.weight.empty();
  if (h.keep_status) table.status.resize(table.size(), static_cast<uint8_t>(Status::kReported));
  if (h.keep_weight) table.weight.resize(table.size(), 1.0);

  // A large file without quotes splits safely at a line break: its second half is read by a
  // second thread, through its own SourceText (whose place caches are not shared between threads;
  // the bytes are), then merged.
  const size_t data = scanner.position();
  size_t cut = text.size();
  if (text.size() - data > kParallelCsvBytes && text.find('"', data) == std::string::npos) {
    cut = text.find('\n', data + (text.size() - data) / 2);
    cut = cut == std::string::npos ? text.size() : cut + 1;
  }
  if (cut >= text.size()) {
    file_rows.rows += ReadRows(source, scanner, h, file_index, sink, diagnostics);
  } else {
    uint32_t cut_line = scanner.line();
    for (const char* p = text.data() + data; (p = static_cast<const char*>(std::memchr(p, '\n', text.data() + cut - p)));) {
      ++p;
      ++cut_line;
    }
    const SourceText second(source, cut, static_cast<int>(cut_line));
    LocalSink local;
    Diagnostics local_diagnostics;
    std::thread worker([&] {
      CsvScanner part(second, &local_diagnostics, cut_line);
      ReadRows(second, part, h, file_index, &local, &local_diagnostics);
    });
    scanner.set_end(cut);
    file_rows.rows += ReadRows(source, scanner, h, file_index, sink, diagnostics);
    worker.join();
    file_rows.rows += MergeRows(local, sink);
    diagnostics->insert(diagnostics->end(), local_diagnostics.begin(), local_diagnostics.end());
  }
  table.files.push_back(std::move(file_rows));
}

namespace {

uint32_t ReadRows(const SourceText& source, CsvScanner& scanner, const Header& header, uint32_t file_index,
                  EdgeSink* sink, Diagnostics* diagnostics) {
  EdgeTable& table = sink->table();
  const std::string_view text = source.text();
  const int* where = header.where;
  const size_t header_size = header.size;
  const bool keep_status = header.keep_status, keep_weight = header.keep_weight;
  std::vector<Cell> row;
  size_t count = 0;
  size_t row_offset = 0;
  std::optional<uint32_t> default_type;

  uint32_t added = 0;
  while (scanner.NextRow(&row, &count, &row_offset)) {
    const size_t problems_before = diagnostics->size();
    auto row_at = [&]() { return source.LocationAt(row_offset); };
    auto cell = [&](CsvColumn c) -> const Cell* {
      if (where[c] < 0 || static_cast<size_t>(where[c]) >= count) return nullptr;
      const Cell& x = row[where[c]];
      if (!x.quoted && x.end == x.begin) return nullptr;
      if (x.quoted && x.unquoted.empty()) return nullptr;
      return &x;
    };
    auto at = [&](const Cell* c) { return source.LocationAt(c->offset); };
    auto error = [&](const Cell* c, std::string message) { diagnostics->push_back({at(c), std::move(message)}); };
    bool cells_ok = true;
    for (size_t i = 0; i < count; ++i) {
      const Cell& c = row[i];
      if (!c.quoted && !c.needs_check && c.end - c.begin <= kMaxStringBytes) continue;
      const std::string_view v = c.text(text);
      std::string problem;
      if (v.size() > kMaxStringBytes) {
        problem = "field of " + std::to_string(v.size()) + " bytes is longer than the limit of " +
                  std::to_string(kMaxStringBytes) + " bytes";
      } else if (v.find('\0') != std::string_view::npos) {
        problem = "NUL byte in a field";
      } else if (!IsValidUtf8(v)) {
        problem = "invalid UTF-8 in a field";
      }
      if (!problem.empty()) {
        diagnostics->push_back({source.LocationAt(c.offset), problem});
        cells_ok = false;
      }
    }
    if (!cells_ok) continue;
    if (count != header_size) {
      diagnostics->push_back({row_at(), "row has " + std::to_string(count) + (count == 1 ? " field" : " fields") +
                                            ", the header has " + std::to_string(header_size)});
      continue;
    }
    // An id cell's text if it is a valid id, else nullopt (with the problem reported).
    auto read_id = [&](CsvColumn c, const char* what) -> std::optional<std::string_view> {
      const Cell* x = cell(c);
      if (!x) {
        diagnostics->push_back({row_at(), std::string("missing '") + kColumnNames[c] + "' value"});
        return std::nullopt;
      }
      const std::string_view v = x->text(text);
      if (x->plain_id && v.size() <= kMaxIdBytes) return v;
      if (v.size() > kMaxIdBytes) {
        error(x, std::string(what) + " of " + std::to_string(v.size()) + " bytes is longer than the limit of " +
                     std::to_string(kMaxIdBytes));
        return std::nullopt;
      }
      const std::string s(v);
      if (!IsValidId(s)) {
        error(x, std::string("invalid ") + what + " '" + s + "': use only letters, digits and . _ : -");
        return std::nullopt;
      }
      return v;
    };
    auto mention = [&](CsvColumn c) {
      const size_t start = scanner.row_line_start();
      return MentionAt{file_index, scanner.row_line(), text.data() + start, text.data() + row[where[c]].offset,
                       start == 0 && text.compare(0, 3, "\xEF\xBB\xBF") == 0};
    };
    const std::optional<std::string_view> from = read_id(kFrom, "entity id");
    const std::optional<std::string_view> to = read_id(kTo, "entity id");
    std::optional<std::string_view> given_id;
    if (cell(kId)) given_id = read_id(kId, "relation id");
    uint32_t type = 0;
    if (cell(kType)) {
      if (std::optional<std::string_view> t = read_id(kType, "relation type")) {
        type = sink->TypeRef(*t, source, row[where[kType]].offset);
      }
    } else {
      if (!default_type) default_type = sink->TypeRef(kDefaultCsvRelationType, source, row_offset);
      type = *default_type;
    }
    auto read_date = [&](CsvColumn c) -> std::optional<Date> {
      const Cell* x = cell(c);
      if (!x) return std::nullopt;
      std::string why;
      std::optional<Date> d = ParseDate(x->text(text), &why);
      if (!d) error(x, why);
      return d;
    };
    EdgeDates dates;
    if (cell(kDate) && (cell(kStart) || cell(kEnd))) {
      error(cell(kDate), "a relation has either 'date' (an event) or 'start'/'end' (a span), not both");
    } else {
      dates.date = read_date(kDate);
      dates.start = read_date(kStart);
      dates.end = read_date(kEnd);
      if (dates.start && dates.end && dates.end->last < dates.start->first) {
        error(cell(kEnd), "end '" + dates.end->text + "' is before start '" + dates.start->text + "'");
      }
    }
    Status status = Status::kReported;
    if (const Cell* x = cell(kStatus)) {
      const std::string word(x->text(text));
      if (std::optional<Status> s = ParseStatus(word)) {
        status = *s;
      } else {
        const std::vector<std::string> all = {"fact", "reported", "alleged", "claimed", "denied"};
        error(x, "unknown status '" + word + "'" + DidYouMean(Suggest(word, all, 1)) +
                     " (one of fact, reported, alleged, claimed, denied)");
      }
    }
    double weight = 1.0;
    if (const Cell* x = cell(kWeight)) {
      const std::string w_text(x->text(text));
      char* end = nullptr;
      const double w = std::strtod(w_text.c_str(), &end);
      if (end != w_text.c_str() + w_text.size() || !(w > 0) || !std::isfinite(w)) {
        error(x, "weight must be a positive number, not '" + w_text + "'");
      } else {
        weight = w;
      }
    }
    // Entities are named even by rows with other errors, so that other files' references to
    // them are not reported too.
    const uint32_t from_ref = from ? sink->EntityRef(*from, mention(kFrom)) : 0;
    const uint32_t to_ref = to ? sink->EntityRef(*to, mention(kTo)) : 0;
    if (diagnostics->size() != problems_before) continue;
    const uint32_t r = static_cast<uint32_t>(table.size());
    table.from.push_back(from_ref);
    table.to.push_back(to_ref);
    table.type.push_back(type);
    table.line.push_back(scanner.row_line());
    if (keep_status) table.status.push_back(static_cast<uint8_t>(status));
    if (keep_weight) table.weight.push_back(weight);
    if (given_id) table.ids.emplace_back(r, std::string(*given_id));
    if (dates.date || dates.start || dates.end) table.dates.emplace_back(r, std::move(dates));
    ++added;
  }
  return added;
}

}  // namespace

CaseFile ReadCsvEdges(const SourceText& source, Diagnostics* diagnostics) {
  CaseFile file;
  file.path = source.name();
  file.implies_relation_types = true;
  LocalSink sink;
  ReadCsvRows(source, 0, &sink, diagnostics);
  const EdgeTable& t = sink.table();
  const std::vector<std::string> files = {file.path};
  for (size_t k = 0; k < t.entity_count(); ++k) file.entities.push_back(t.ImplicitEntity(k, files));
  for (size_t r = 0; r < t.size(); ++r) {
    file.relations.push_back(t.Row(r, std::string(t.entity_id(t.from[r])), std::string(t.entity_id(t.to[r])),
                                   t.type_names[t.type[r]], files));
  }
  return file;
}

}  // namespace casegraph
