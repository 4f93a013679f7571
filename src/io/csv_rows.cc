#include "io/csv_rows.h"

#include <cmath>
#include <cstdlib>

#include "io/case_file.h"
#include "model/limits.h"
#include "text/unicode.h"

namespace casegraph {

const char* const kCsvColumnNames[kCsvColumnCount] = {"from", "to", "id", "type", "date", "start", "end",
                                                      "status", "weight"};

namespace {

// Reads one row at a time: the checks of every cell, then each column's rule.
class RowReader {
 public:
  RowReader(const SourceText& source, CsvScanner& scanner, const CsvHeader& header, uint32_t file_index,
            EdgeSink* sink, Diagnostics* diagnostics)
      : source_(source), text_(source.text()), scanner_(scanner), header_(header), file_index_(file_index),
        sink_(sink), diagnostics_(diagnostics) {}

  uint32_t ReadAll() {
    uint32_t added = 0;
    constexpr size_t kReleaseBytes = size_t{4} << 20;  // a mapped file leaves memory in steps of this
    size_t released = 0;
    while (scanner_.NextRow(&row_, &count_, &row_offset_)) {
      added += ReadRow();
      if (row_offset_ - released >= kReleaseBytes) {
        source_.ReleaseBefore(row_offset_);
        released = row_offset_;
      }
    }
    return added;
  }

 private:
  // Adds the row if it breaks no rule; returns whether it did.
  bool ReadRow() {
    const size_t problems_before = diagnostics_->size();
    if (!CellsReadable()) return false;
    if (count_ != header_.size) {
      Error(source_.LocationAt(row_offset_), "row has " + std::to_string(count_) + (count_ == 1 ? " field" : " fields") +
                                                 ", the header has " + std::to_string(header_.size));
      return false;
    }
    const std::optional<std::string_view> from = ReadId(kFrom, "entity id");
    const std::optional<std::string_view> to = ReadId(kTo, "entity id");
    std::optional<std::string_view> given_id;
    if (Cell(kId)) given_id = ReadId(kId, "relation id");
    const uint32_t type = ReadType();
    EdgeDates dates = ReadDates();
    const ClaimStatus status = ReadStatus();
    const double weight = ReadWeight();
    // Entities are named even by rows with other errors, so that other files' references to
    // them are not reported too.
    const uint32_t from_ref = from ? sink_->EntityRef(*from, MentionOf(kFrom)) : 0;
    const uint32_t to_ref = to ? sink_->EntityRef(*to, MentionOf(kTo)) : 0;
    if (diagnostics_->size() != problems_before) return false;
    EdgeTable& table = sink_->table();
    const uint32_t r = static_cast<uint32_t>(table.size());
    table.from.push_back(from_ref);
    table.to.push_back(to_ref);
    table.type.push_back(static_cast<RelationTypeId>(type));  // past the limit, the load fails
    table.AddRowLine(r, scanner_.row_line());
    if (header_.keep_status) table.status.push_back(static_cast<uint8_t>(status));
    if (header_.keep_weight) table.weight.push_back(weight);
    if (given_id) table.ids.emplace_back(r, std::string(*given_id));
    if (dates.date || dates.start || dates.end) table.dates.emplace_back(r, std::move(dates));
    return true;
  }

  // Every cell within the size limit, without NUL bytes, valid UTF-8.
  bool CellsReadable() {
    bool ok = true;
    for (size_t i = 0; i < count_; ++i) {
      const CsvCell& c = row_[i];
      if (!c.quoted && !c.needs_check && c.end - c.begin <= kMaxStringBytes) continue;
      const std::string_view v = c.text(text_);
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
        Error(source_.LocationAt(c.offset), problem);
        ok = false;
      }
    }
    return ok;
  }

  // The column's cell, or nullptr when the header has no such column or the cell is empty.
  const CsvCell* Cell(CsvColumn c) const {
    const int at = header_.where[c];
    if (at < 0 || static_cast<size_t>(at) >= count_ || row_[at].empty()) return nullptr;
    return &row_[at];
  }

  void Error(const Location& where, std::string message) { diagnostics_->push_back({where, std::move(message)}); }
  void Error(const CsvCell* c, std::string message) { Error(source_.LocationAt(c->offset), std::move(message)); }

  // An id cell's text if it is a valid id, else nullopt (with the problem reported).
  std::optional<std::string_view> ReadId(CsvColumn c, const char* what) {
    const CsvCell* x = Cell(c);
    if (!x) {
      Error(source_.LocationAt(row_offset_), std::string("missing '") + kCsvColumnNames[c] + "' value");
      return std::nullopt;
    }
    const std::string_view v = x->text(text_);
    if (x->plain_id && v.size() <= kMaxIdBytes) return v;
    if (v.size() > kMaxIdBytes) {
      Error(x, std::string(what) + " of " + std::to_string(v.size()) + " bytes is longer than the limit of " +
                   std::to_string(kMaxIdBytes));
      return std::nullopt;
    }
    const std::string s(v);
    if (!IsValidId(s)) {
      Error(x, std::string("invalid ") + what + " '" + s + "': use only letters, digits and . _ : -");
      return std::nullopt;
    }
    return v;
  }

  uint32_t ReadType() {
    if (Cell(kType)) {
      std::optional<std::string_view> t = ReadId(kType, "relation type");
      return t ? sink_->TypeRef(*t, source_, row_[header_.where[kType]].offset) : 0;
    }
    if (!default_type_) default_type_ = sink_->TypeRef(kDefaultCsvRelationType, source_, row_offset_);
    return *default_type_;
  }

  std::optional<Date> ReadDate(CsvColumn c) {
    const CsvCell* x = Cell(c);
    if (!x) return std::nullopt;
    Result<Date> d = ParseDate(x->text(text_));
    if (!d.ok()) {
      Error(x, d.status().message());
      return std::nullopt;
    }
    return std::move(d).value();
  }

  EdgeDates ReadDates() {
    EdgeDates dates;
    if (Cell(kDate) && (Cell(kStart) || Cell(kEnd))) {
      Error(Cell(kDate), "a relation has either 'date' (an event) or 'start'/'end' (a span), not both");
      return dates;
    }
    dates.date = ReadDate(kDate);
    dates.start = ReadDate(kStart);
    dates.end = ReadDate(kEnd);
    if (dates.start && dates.end && dates.end->last < dates.start->first) {
      Error(Cell(kEnd), "end '" + dates.end->text + "' is before start '" + dates.start->text + "'");
    }
    return dates;
  }

  ClaimStatus ReadStatus() {
    const CsvCell* x = Cell(kStatus);
    if (!x) return kDefaultClaimStatus;
    const std::string_view word = x->text(text_);
    if (std::optional<ClaimStatus> s = ParseClaimStatus(word)) return *s;
    Error(x, UnknownClaimStatusMessage(word));
    return kDefaultClaimStatus;
  }

  double ReadWeight() {
    const CsvCell* x = Cell(kWeight);
    if (!x) return 1.0;
    const std::string w_text(x->text(text_));
    char* end = nullptr;
    const double w = std::strtod(w_text.c_str(), &end);
    if (end != w_text.c_str() + w_text.size() || !(w > 0) || !std::isfinite(w)) {
      Error(x, "weight must be a positive number, not '" + w_text + "'");
      return 1.0;
    }
    return w;
  }

  MentionAt MentionOf(CsvColumn c) const {
    const size_t start = scanner_.row_line_start();
    return MentionAt{file_index_, scanner_.row_line(), text_.data() + start, text_.data() + row_[header_.where[c]].offset,
                     start == 0 && ByteOrderMarkLength(text_) > 0};
  }

  const SourceText& source_;
  const std::string_view text_;
  CsvScanner& scanner_;
  const CsvHeader& header_;
  const uint32_t file_index_;
  EdgeSink* sink_;
  Diagnostics* diagnostics_;
  std::vector<CsvCell> row_;
  size_t count_ = 0;
  size_t row_offset_ = 0;
  std::optional<uint32_t> default_type_;
};

}  // namespace

uint32_t ReadCsvDataRows(const SourceText& source, CsvScanner& scanner, const CsvHeader& header, uint32_t file_index,
                         EdgeSink* sink, Diagnostics* diagnostics) {
  return RowReader(source, scanner, header, file_index, sink, diagnostics).ReadAll();
}

}  // namespace casegraph
