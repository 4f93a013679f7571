// Finds where a text comes closest to a quote that it does not contain, so that `check` can show
// the passage a mistyped or paraphrased quote was probably taken from.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace casegraph {

struct Passage {
  size_t offset = 0;  // in the text searched, at a character (and where it can, a word) boundary
  size_t length = 0;
  size_t distance = 0;  // edits (bytes inserted, deleted or replaced) between quote and passage
};

/// The passage of text most like quote, ASCII letters compared without case. Windows of the
/// quote's length are scored in one pass by how many of the quote's pieces (4 bytes, 3 for a
/// quote under 32) they hold; the best few are aligned with the quote (edit distance, either end
/// free) and the closest wins. Linear in the text's size. A passage that shares no piece with
/// the quote is not found (k edits leave at least m - 3 - 3k pieces of 3 bytes whole); nullopt
/// when no passage is within half the quote's length in edits.
std::optional<Passage> NearestPassage(std::string_view text, std::string_view quote);

}  // namespace casegraph
