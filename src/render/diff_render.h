// Writes what changed between two versions of a case: `+`, `-` and `~` lines for people, JSON
// for scripts.
#pragma once

#include <string>

#include "query/diff.h"
#include "render/describe.h"

namespace casegraph {

/// One line per record added (+), removed (-) or changed (~), entities, then relations, then
/// sources (a relation whose place-given id moved says "(was OLD-ID)"); under a changed one, a
/// line per field "    field: before -> after" (values as JSON);
/// then a count of each. Nothing when the versions are the same.
std::string RenderDiffText(const CaseDiff& d);

/// {"casegraph": 1, "query": ..., "same": bool, "entities": {"added": [...], "removed": [...],
/// "changed": [{"id", "fields", "before", "after"}]}, "relations": {...}, "sources": {...}};
/// added and removed records are whole, before and after hold the changed fields; a relation
/// matched without an id of its own has "old_id" when its place (so its id) moved.
std::string RenderDiffJson(const QueryEcho& query, const CaseDiff& d, bool pretty);

}  // namespace casegraph
