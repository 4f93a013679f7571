#include "io/csv_export_reader.h"

#include "io/case_reader.h"
#include "io/case_writer.h"
#include "io/csv_scanner.h"
#include "text/unicode.h"

namespace casegraph {

const std::string_view kExportNodesHeader = "id:ID,name,type,description,aliases,attributes,:LABEL";
const std::string_view kExportRelationshipsHeader =
    ":START_ID,:END_ID,:TYPE,id,label,date,start,end,status,weight:double,symmetric:boolean,source,quote,attributes,"
    "evidence";

namespace {

std::string_view FirstLine(std::string_view text) {
  text.remove_prefix(ByteOrderMarkLength(text));
  const size_t end = text.find_first_of("\r\n");
  return end == std::string_view::npos ? text : text.substr(0, end);
}

// One row as the members of a case file's object, the cell values JSON strings, or JSON as
// written for the cells that hold JSON.
class ObjectText {
 public:
  void String(const char* key, std::string_view value) {
    Key(key);
    text_ += JsonQuoted(value);
  }
  void StringIfAny(const char* key, std::string_view value) {
    if (!value.empty()) String(key, value);
  }
  void Raw(const char* key, std::string_view json) {
    Key(key);
    text_ += json;
  }
  std::string Take() {
    std::string out(1, '{');
    out += text_;
    out += '}';
    return out;
  }

 private:
  void Key(const char* key) {
    if (!text_.empty()) text_ += ", ";
    text_ += JsonQuoted(key);
    text_ += ": ";
  }
  std::string text_;
};

// Raw JSON from a cell; empty cells and empty containers are left out.
bool HasJson(std::string_view cell) { return !cell.empty() && cell != "[]" && cell != "{}"; }

}  // namespace

bool IsCsvExport(std::string_view text) {
  const std::string_view first = FirstLine(text);
  return first == kExportNodesHeader || first == kExportRelationshipsHeader;
}

CaseFile ReadCsvExport(const SourceText& source, Diagnostics* diagnostics) {
  const std::string_view text = source.text();
  const bool nodes = FirstLine(text) == kExportNodesHeader;
  const size_t columns = nodes ? 7 : 15;
  // The rows become a case file whose objects stand on the lines of their rows, so that what
  // the case-file reader reports is at the right line.
  std::string json = std::string("{\"casegraph\": 1, \"") + (nodes ? "entities" : "relations") + "\": [";
  uint32_t line = 1;
  std::vector<std::string> implied_ids;  // by row: an id the export wrote that the file gave none
  std::vector<CsvCell> row;
  size_t count = 0, offset = 0;
  CsvScanner scanner(source, diagnostics);
  scanner.NextRow(&row, &count, &offset);  // the header
  bool first = true;
  while (scanner.NextRow(&row, &count, &offset)) {
    const Location at{source.name(), static_cast<int>(scanner.row_line()), 1};
    if (count != columns) {
      diagnostics->push_back({at, "expected " + std::to_string(columns) + " fields in this row of casegraph's CSV export, found " +
                                      std::to_string(count)});
      continue;
    }
    auto cell = [&](size_t i) { return row[i].text(text); };
    ObjectText o;
    if (nodes) {
      o.String("id", cell(0));
      o.String("name", cell(1));
      o.String("type", cell(2));
      o.StringIfAny("description", cell(3));
      if (HasJson(cell(4))) o.Raw("aliases", cell(4));
      if (HasJson(cell(5))) o.Raw("attributes", cell(5));
    } else {
      const std::string id(cell(3));
      implied_ids.push_back(IsValidId(id) ? "" : id);
      if (IsValidId(id)) o.String("id", id);
      o.String("type", cell(2));
      o.String("from", cell(0));
      o.String("to", cell(1));
      o.StringIfAny("date", cell(5));
      o.StringIfAny("start", cell(6));
      o.StringIfAny("end", cell(7));
      o.String("status", cell(8));
      o.Raw("weight", cell(9).empty() ? "1" : cell(9));
      if (HasJson(cell(13))) o.Raw("attributes", cell(13));
      if (HasJson(cell(14))) o.Raw("evidence", cell(14));
    }
    for (; line < scanner.row_line(); ++line) json += '\n';
    json += first ? "" : ", ";
    json += o.Take();
    first = false;
  }
  json += "]}\n";
  Diagnostics found;
  CaseFile file = ReadCaseFile(SourceText(source.name(), json), &found);
  for (Diagnostic& d : found) {
    d.where.column = d.where.line > 0 ? 1 : 0;
    diagnostics->push_back(std::move(d));
  }
  file.path = source.name();
  file.written = {};
  for (size_t i = 0; i < file.relations.size() && i < implied_ids.size(); ++i) {
    if (implied_ids[i].empty()) continue;
    file.relations[i].id = implied_ids[i];
    file.relations[i].id_given = false;
  }
  return file;
}

}  // namespace casegraph
