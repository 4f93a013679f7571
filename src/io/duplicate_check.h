// Warns of entities and relations that are probably written twice: two ids for one actor, or
// one event recorded twice.
#pragma once

#include "model/case.h"

namespace casegraph {

/// Warnings (never errors), each naming both ids and both places, the later one's place first:
/// - two entities with a name or alias alike under LooseNameKey (case, accents, whitespace,
///   punctuation and a trailing parenthesised abbreviation aside);
/// - two entities with names or aliases of at least 5 characters one edit apart under that key
///   (a letter inserted, deleted, replaced, or two neighbours swapped), unless their digits
///   differ ("Case 12" and "Case 13" are two cases);
/// - two relations of a case file with the same type, ends (either way round for a symmetric
///   type) and dates; undated ones only when their evidence is the same too (two undated
///   accusations between the same parties are usually two accusations).
/// Entities named only in CSV files, and CSV rows, are not compared; nor are two entities that
/// both come from FollowTheMoney files (a curated database's ids, where records such as
/// sanctions share names by design), though one of them and a case file's entity are. Names are blocked by key
/// and by every key with one character deleted, so the work grows with the number of names
/// and their length, never with the number of pairs.
Diagnostics FindNearDuplicates(const Case& c);
/// Its two halves, which may run at once: the entities', then the relations' warnings.
Diagnostics FindNearDuplicateEntities(const Case& c);
Diagnostics FindRepeatedRelations(const Case& c);

}  // namespace casegraph
