// The case model: sources, entities, relations and the vocabulary that names their types.
// It knows nothing of files, JSON or Boost; readers fill it, the graph is built from it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/date.h"
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

enum class Status { kFact, kReported, kAlleged, kClaimed, kDenied };

/// "fact", "reported", ... ; and back. ParseStatus returns nullopt for an unknown word.
const char* StatusName(Status s);
std::optional<Status> ParseStatus(const std::string& word);

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
  Status status = Status::kReported;
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

/// A whole case: what one or more files say, merged. Entities and relations keep file order.
struct Case {
  std::vector<std::string> titles;
  Vocabulary vocabulary;
  std::vector<Source> sources;
  std::vector<Entity> entities;
  std::vector<Relation> relations;
  std::vector<std::string> files;  // the files it was read from, in load order
};

}  // namespace casegraph
