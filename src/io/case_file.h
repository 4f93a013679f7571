// What one input file says, before it is merged with the other files of a graph.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "io/case_format.h"
#include "model/case.h"

namespace casegraph {

/// How a file spells itself out, beyond what it says: which keys each object writes (defaults
/// included) and the vocabulary's entries in file order, so that fmt writes back what its author
/// wrote. Lists are parallel to CaseFile's.
struct WrittenForm {
  case_format::KeySet top = 0, vocabulary = 0;
  std::vector<case_format::KeySet> sources, entities, relations;
  std::vector<std::pair<std::string, case_format::KeySet>> entity_types, relation_types;  // in file order
};

struct CaseFile {
  std::string path;
  std::string title;
  Vocabulary vocabulary;  // this file's own type definitions
  std::vector<Source> sources;
  std::vector<Entity> entities;
  std::vector<Relation> relations;
  bool implies_relation_types = false;  // a CSV file: types it names need no definition
  bool unreadable = false;  // not even its syntax could be read: references into it are unknown
  WrittenForm written;      // case files only: how the file spells itself out (fmt)
};

/// The identifier syntax of entities, relations, sources and types: [A-Za-z0-9._:-]+.
bool IsValidId(const std::string& id);

/// "<file stem>#<index>", the id given to a relation that has none.
std::string ImpliedRelationId(const std::string& path, size_t index);

/// "<file stem>" of ImpliedRelationId: the file name up to its first dot.
std::string RelationIdStem(const std::string& path);

}  // namespace casegraph
