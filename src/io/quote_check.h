// Checks that every evidence quote occurs in its source's text file.
#pragma once

#include "model/case.h"

namespace casegraph {

/// For every evidence record whose source has a file: the quote must occur in that file, with
/// whitespace runs and typographic quotes and dashes normalised. Returns an error at the quote
/// for each that does not, showing the nearest passage of the source and its line when there is
/// one like it; an error at the source for each file that cannot be read; and a warning at the
/// quote for each quote not checked because its source is not defined (the case had errors).
Diagnostics CheckQuotes(const Case& c);

/// The number of quotes CheckQuotes compares with a file.
size_t CountCheckableQuotes(const Case& c);

}  // namespace casegraph
