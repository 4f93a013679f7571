// The case model: sources, entities, relations and the vocabulary that names their types.
// It knows nothing of files, JSON or Boost; readers fill it, the graph is built from it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/claim_status.h"
#include "model/column.h"
#include "model/date.h"
#include "model/id_table.h"
#include "model/limits.h"
#include "model/location.h"

namespace casegraph {

/// A scalar attribute value, kept with its JSON kind so that it can be written back as it was.
struct AttributeValue {
  enum class Kind { kString, kNumber, kBool, kNull };
  Kind kind = Kind::kString;
  std::string text;  // the string, the number as written, "true"/"false", or "null"
  Location where;

  bool SameValue(const AttributeValue& o) const { return kind == o.kind && text == o.text; }
};

using Attributes = std::map<std::string, AttributeValue>;

struct Source {
  std::string id;
  std::string title, publisher, url, file;  // file: path as written in the case file
  std::optional<Date> date;
  std::string resolved_file;  // file resolved against the case file's directory ("" if none)
  Location where;
};

struct Entity {
  std::string id;
  std::string name;
  std::string type;
  std::vector<std::string> aliases;
  std::string description;
  Attributes attributes;
  bool implicit = false;  // created from a CSV reference only; yields to an explicit definition
  Location where;
  Location name_where, type_where, description_where;
};

struct Evidence {
  std::string source;
  std::string quote;
  std::string locator;
  Location where;        // the evidence object
  Location quote_where;  // the quote string
  Location source_where;
};

struct Relation {
  std::string id;
  bool id_given = true;  // false: the reader assigned "<file stem>#<n>"; writers leave it out
  std::string type;
  std::string from, to;
  std::optional<Date> date;   // an event
  std::optional<Date> start;  // a span; either end may be open
  std::optional<Date> end;
  ClaimStatus status = ClaimStatus::kReported;
  double weight = 1.0;
  Attributes attributes;
  std::vector<Evidence> evidence;
  Location where;
  Location type_where, from_where, to_where;

  bool IsDated() const { return date || start || end; }
};

struct EntityType {
  std::string id;
  std::string label;
  std::string color, shape;
  Location where;
};

struct RelationType {
  std::string id;
  std::string label;    // forward: "sued"
  std::string inverse;  // backward: "sued by"
  bool symmetric = false;
  std::string color;
  Location where;
};

struct Vocabulary {
  std::map<std::string, EntityType> entity_types;
  std::map<std::string, RelationType> relation_types;
};

// Relations read from CSV edge files, and the entities only they name, kept column by column:
// a row costs a few bytes instead of a Relation object, so graphs of millions of relations load
// fast and small. Everything a CSV row can say is kept; Relation objects are made on demand.

/// The rows of one CSV file: rows first_row .. first_row + rows - 1 of the table.
struct EdgeFile {
  uint32_t file = 0;  // index into Case::files
  std::string stem;   // for implied relation ids "<stem>#<n>"
  uint32_t first_row = 0;
  uint32_t rows = 0;
};

/// The type of entities named only in CSV files (their name is their id).
constexpr const char* kImplicitEntityType = "unknown";

/// Where an implicit entity was first named.
struct Mention {
  uint32_t file = 0;  // index into Case::files
  uint32_t line = 0;
  uint32_t column = 0;
};

/// A run of CSV rows on consecutive lines: its first row and that row's line.
struct LineRun {
  uint32_t row = 0;
  uint32_t line = 0;
};

struct EdgeDates {
  std::optional<Date> date, start, end;
};

struct EdgeTable {
  // Implicit entities (named only in CSV files; name = id, type "unknown"), in order of first
  // mention. Entity k's id is entity_ids[entity_id_end[k-1] .. entity_id_end[k]).
  // (Columns, as line_runs: a snapshot's are used where they lie in its mapping.)
  Column<char> entity_ids;
  Column<uint32_t> entity_id_end;
  Column<Mention> entity_where;

  // Rows. from/to are entity numbers in the Case: its explicit entities first, then these.
  // Graph::Build moves from, to and type into the graph's own arrays (relation_from, ...).
  std::vector<uint32_t> from, to;
  std::vector<RelationTypeId> type;  // index into type_names (at most kMaxRelationTypes, or the load fails)
  std::vector<std::string> type_names;
  std::vector<uint8_t> status;  // ClaimStatus per row; empty when every row is "reported"
  std::vector<double> weight;   // empty when every weight is 1
  // The rows' lines in their files, as runs of rows on consecutive lines, by row (a file's first
  // row begins a run unless it happens to continue the previous file's). A file without blank lines or line
  // breaks in quoted fields is one run (4 bytes a row would otherwise hold a line number).
  Column<LineRun> line_runs;
  std::vector<EdgeFile> files;
  std::vector<std::pair<uint32_t, std::string>> ids;  // ids given in an id column, by row
  std::vector<std::pair<uint32_t, EdgeDates>> dates;  // dated rows, by row
  // The implicit entities' ids by number, when the loader could hand its table over (no case
  // file defines entities): the graph then need not build it again. Empty otherwise.
  IdTable entity_index;

  size_t size() const { return from.size(); }
  /// The rows of every file: size() while loading, and after Graph::Build has taken from, to
  /// and type over too.
  size_t row_count() const { return files.empty() ? 0 : size_t{files.back().first_row} + files.back().rows; }
  size_t entity_count() const { return entity_id_end.size(); }
  std::string_view entity_id(size_t k) const {
    const uint32_t begin = k == 0 ? 0 : entity_id_end[k - 1];
    return std::string_view(entity_ids.data() + begin, entity_id_end[k] - begin);
  }
  /// Appends an implicit entity; returns its number among the implicit ones.
  uint32_t AddEntity(std::string_view id, Mention where);

  ClaimStatus row_status(size_t row) const { return status.empty() ? kDefaultClaimStatus : static_cast<ClaimStatus>(status[row]); }
  double row_weight(size_t row) const { return weight.empty() ? 1.0 : weight[row]; }
  /// The file a row came from.
  const EdgeFile& file_of(size_t row) const;
  /// The row's id: the one given, or "<stem>#<n>" for the n-th row of its file.
  std::string row_id(size_t row, bool* given = nullptr) const;
  const EdgeDates* row_dates(size_t row) const;
  /// The row's line in its file.
  uint32_t row_line(size_t row) const;
  /// Records that row (the next, rows being added in order) is on line.
  void AddRowLine(uint32_t row, uint32_t line) {
    if (line_runs.empty() || line_runs.back().line + (row - line_runs.back().row) != line) line_runs.push_back({row, line});
  }

  /// The row as a Relation, its ends and type named as given; files are Case::files.
  Relation Row(size_t row, std::string from_id, std::string to_id, std::string type_name,
               const std::vector<std::string>& files) const;
  /// Implicit entity k as an Entity.
  Entity ImplicitEntity(size_t k, const std::vector<std::string>& files) const;
};

/// A whole case: what one or more files say, merged. Entities and relations keep file order.
/// CSV edge files' rows and the entities only they name are kept apart, column by column, in
/// edges: entity number k >= entities.size() is edges' implicit entity k - entities.size(), and
/// the graph numbers CSV rows after the relations.
struct Case {
  std::vector<std::string> titles;
  Vocabulary vocabulary;
  std::vector<Source> sources;
  std::vector<Entity> entities;
  std::vector<Relation> relations;
  EdgeTable edges;
  std::vector<std::string> files;  // the files it was read from, in load order

  // What the loader found already, handed to the graph so that it need not look it all up again
  // (each may be empty: the graph then finds it itself). entity_index: entities by id, numbered
  // as in entities; relation_index: relations by id, likewise; relation_from/to: the entity
  // number of each relation's ends, kUnknownEntity where the loader did not say.
  IdTable entity_index;
  IdTable relation_index;
  std::vector<uint32_t> relation_from, relation_to;
};

/// In Case::relation_from/to: an end the loader did not resolve.
constexpr uint32_t kUnknownEntity = 0xFFFFFFFFu;

}  // namespace casegraph
