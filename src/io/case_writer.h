// Writes a case file in canonical form without losing what its author wrote: keys in the order
// of the format's documentation (case_format.h), every key the file spells out kept (defaults
// such as "status": "reported" included), vocabulary entries and list items in file order, UTF-8
// as it is. The layout is a hand-written file's: two-space indentation, one source, entity,
// relation or type per line, and any object or array on one line when that line fits in 100
// columns, else a member per line.
#pragma once

#include <string>

#include "io/case_file.h"
#include "text/json_quote.h"

namespace casegraph {

/// The canonical JSON text of a case file (ending in a newline).
std::string WriteCaseFile(const CaseFile& file);

}  // namespace casegraph
