// Writes a case file in canonical form: keys in the order of the format's documentation,
// two-space indentation, one entity or relation per block, UTF-8 kept as is, defaults
// (status "reported", weight 1, reader-assigned relation ids) left out.
#pragma once

#include <string>

#include "io/case_file.h"

namespace casegraph {

/// The canonical JSON text of a case file (ending in a newline).
std::string WriteCaseFile(const CaseFile& file);

}  // namespace casegraph
