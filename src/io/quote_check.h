// Checks that every evidence quote occurs in its source's text file.
#pragma once

#include "model/case.h"

namespace casegraph {

/// For every evidence record whose source has a file: the quote must occur in that file, with
/// whitespace runs and typographic quotes and dashes normalised. Returns a diagnostic at the
/// quote for each that does not, and one at the source for each file that cannot be read.
Diagnostics CheckQuotes(const Case& c);

}  // namespace casegraph
