// Reads FollowTheMoney entities (the format of OCCRP Aleph and OpenSanctions): one JSON object
// per line ({"id", "schema", "properties": {name: [values]}, ...}), or a JSON array of them.
#pragma once

#include "io/case_file.h"
#include "io/source_text.h"

namespace casegraph {

/// Reads FollowTheMoney entities. Thing schemata (Person, Company, ...) become entities: schema
/// as type, the caption (else the first `name`) as name, the other names and `alias`/`weakAlias`/`previousName` as
/// aliases, other properties as attributes. Interval schemata with two ends become relations
/// (Ownership owner -> asset, Directorship director -> organization, Payment payer ->
/// beneficiary, ...) with startDate/endDate or date; entity references (addressEntity, a
/// Sanction's entity, a document's holder) become relations too. Provenance (sourceUrl,
/// publisher, datasets) becomes sources, cited by each relation's evidence with a locator.
/// References to entities not in the input are warnings (with line and column) and are skipped.
CaseFile ReadFtm(const SourceText& source, Diagnostics* diagnostics);

/// True for names ending in .ftm.json or .ftm.jsonl.
bool IsFtmFileName(const std::string& path);

}  // namespace casegraph
