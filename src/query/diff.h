// What changed between two versions of a case: entities, relations and sources added, removed
// and changed, by id.
#pragma once

#include <string>
#include <vector>

#include "graph/graph.h"

namespace casegraph {

/// The records of one kind that two versions do not share, in the new version's order (removed
/// ones in the old version's).
template <typename Record>
struct RecordChanges {
  struct Changed {
    Record before, after;
    std::vector<std::string> fields;  // the fields that differ, in the record's field order
  };
  std::vector<Record> added, removed;
  std::vector<Changed> changed;

  bool empty() const { return added.empty() && removed.empty() && changed.empty(); }
};

struct CaseDiff {
  RecordChanges<Entity> entities;
  RecordChanges<Relation> relations;
  RecordChanges<Source> sources;

  bool empty() const { return entities.empty() && relations.empty() && sources.empty(); }
};

/// The fields compared, in order. Entities: name, type, aliases (as a set), description,
/// attributes. Relations: type, from, to, date, start, end, status, weight, attributes,
/// evidence (source, quote and locator of each, in order). Sources: title, publisher, url,
/// file (as written), date.
extern const std::vector<std::string> kEntityDiffFields, kRelationDiffFields, kSourceDiffFields;

/// Compares two graphs record by record. Entities and sources are matched by id, relations by
/// id when their file gives one; a relation without one (its id is "<file stem>#<n>", which moves
/// when a relation is inserted above it) is matched with one of the other version's such
/// relations of the same type, ends and dates, in order. Layout, key order and file boundaries
/// are no change: only what the records say is compared.
CaseDiff DiffGraphs(const Graph& before, const Graph& after);

}  // namespace casegraph
