// CSV edge files: the header, then the rows (io/csv_rows.cc) — a large file's second half on a
// second thread, merged in row order.
#include "io/csv_reader.h"

#include <algorithm>
#include <cstring>
#include <thread>
#include <unordered_map>

#include "io/csv_rows.h"
#include "io/csv_scanner.h"
#include "model/id_table.h"
#include "text/edit_distance.h"
#include "text/unicode.h"

namespace casegraph {

namespace {

// Files larger than this (and without quotes) are read by two threads.
constexpr size_t kParallelCsvBytes = size_t{8} << 20;

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
    into.type.push_back(static_cast<RelationTypeId>(type[from.type[r]]));
  }
  for (const LineRun& run : from.line_runs) into.AddRowLine(run.row + shift, run.line);
  into.status.insert(into.status.end(), from.status.begin(), from.status.end());
  into.weight.insert(into.weight.end(), from.weight.begin(), from.weight.end());
  for (const auto& [row, id] : from.ids) into.ids.emplace_back(row + shift, id);
  for (const auto& [row, d] : from.dates) into.dates.emplace_back(row + shift, d);
  return static_cast<uint32_t>(from.size());
}

size_t CountLines(const char* begin, const char* end) {
  size_t lines = 0;
  for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p))));) {
    ++p;
    ++lines;
  }
  return lines;
}

// Reads the header row; false (with the problems reported) when it does not name the columns.
bool ReadHeader(const SourceText& source, CsvScanner& scanner, CsvHeader* h, Diagnostics* diagnostics) {
  const std::string_view text = source.text();
  std::vector<CsvCell> row;
  size_t count = 0, row_offset = 0;
  if (!scanner.NextRow(&row, &count, &row_offset)) {
    diagnostics->push_back({source.LocationAt(0), "empty CSV file: expected a header naming at least from,to"});
    return false;
  }
  std::fill(h->where, h->where + kCsvColumnCount, -1);
  const std::vector<std::string> names(kCsvColumnNames, kCsvColumnNames + kCsvColumnCount);
  bool ok = true;
  for (size_t i = 0; i < count; ++i) {
    const std::string name(row[i].text(text));
    const auto found = std::find(names.begin(), names.end(), name);
    const Location at = source.LocationAt(row[i].offset);
    if (found == names.end()) {
      const std::string close = DidYouMean(Suggest(name, names, 1));
      diagnostics->push_back({at, "unknown CSV column '" + name + "'" +
                                      (close.empty() ? " (expected from, to, id, type, date, start, end, status, weight)" : close)});
      ok = false;
    } else if (int& column = h->where[found - names.begin()]; column >= 0) {
      diagnostics->push_back({at, "duplicate CSV column '" + name + "'"});
      ok = false;
    } else {
      column = static_cast<int>(i);
    }
  }
  for (int c : {kFrom, kTo}) {
    if (h->where[c] < 0) {
      diagnostics->push_back({source.LocationAt(row_offset), std::string("CSV header is missing column '") +
                                                                 kCsvColumnNames[c] + "'"});
      ok = false;
    }
  }
  h->size = count;
  return ok;
}

// Where a large file without quotes may be split between two threads: a line start near its
// middle, or the end of the text when it is read by one.
size_t SplitPoint(std::string_view text, size_t data) {
  if (text.size() - data <= kParallelCsvBytes || text.find('"', data) != std::string::npos) return text.size();
  const size_t cut = text.find('\n', data + (text.size() - data) / 2);
  return cut == std::string::npos ? text.size() : cut + 1;
}

// Reads the data rows: up to cut on this thread, the rest (through its own SourceText, whose
// place caches are not shared between threads; the bytes are) on a second, merged after.
uint32_t ReadData(const SourceText& source, CsvScanner& scanner, const CsvHeader& h, uint32_t file_index, size_t cut,
                  size_t text_lines, EdgeSink* sink, Diagnostics* diagnostics) {
  const std::string_view text = source.text();
  if (cut >= text.size()) return ReadCsvDataRows(source, scanner, h, file_index, sink, diagnostics);
  const uint32_t cut_line =
      scanner.line() + static_cast<uint32_t>(CountLines(text.data() + scanner.position(), text.data() + cut));
  const SourceText second(source, cut, static_cast<int>(cut_line));
  LocalSink local;
  const size_t second_rows = 1 + text_lines - std::min<size_t>(text_lines, cut_line - 1);  // the lines after cut
  local.table().from.reserve(second_rows);  // grown, they would leave their old buffers' pages behind
  local.table().to.reserve(second_rows);
  local.table().type.reserve(second_rows);
  Diagnostics local_diagnostics;
  std::thread worker([&] {
    CsvScanner part(second, &local_diagnostics, cut_line);
    ReadCsvDataRows(second, part, h, file_index, &local, &local_diagnostics);
  });
  scanner.set_end(cut);
  uint32_t rows = ReadCsvDataRows(source, scanner, h, file_index, sink, diagnostics);
  worker.join();
  rows += MergeRows(local, sink);
  diagnostics->insert(diagnostics->end(), local_diagnostics.begin(), local_diagnostics.end());
  return rows;
}

}  // namespace

Mention MentionAt::Resolve() const {
  if (known) return *known;
  // Cells of quoted fields may span lines: count from the last line start before the cell.
  const char* from = row_start;
  for (const char* p = row_start; p < at; ++p) {
    if (*p == '\n') from = p + 1;
  }
  uint32_t column = 1 + static_cast<uint32_t>(CountCodePoints(std::string_view(from, static_cast<size_t>(at - from))));
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
  CsvHeader h;
  if (!ReadHeader(source, scanner, &h, diagnostics)) return;
  // Room for every row at once: at most one per remaining line.
  const size_t text_lines = CountLines(text.data(), text.data() + text.size());
  const size_t rows = table.size() + 1 + text_lines;
  table.from.reserve(rows);
  table.to.reserve(rows);
  table.type.reserve(rows);
  // Columns that need a per-row array: once any file has them, every row gets a value.
  h.keep_status = h.where[kStatus] >= 0 || !table.status.empty();
  h.keep_weight = h.where[kWeight] >= 0 || !table.weight.empty();
  if (h.keep_status) table.status.resize(table.size(), static_cast<uint8_t>(kDefaultClaimStatus));
  if (h.keep_weight) table.weight.resize(table.size(), 1.0);
  const size_t cut = SplitPoint(text, scanner.position());
  file_rows.rows += ReadData(source, scanner, h, file_index, cut, text_lines, sink, diagnostics);
  table.files.push_back(std::move(file_rows));
}

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
