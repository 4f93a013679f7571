// Edit distance for "did you mean" suggestions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace casegraph {

/// Edit distance between two strings, counted in Unicode code points: insertions, deletions,
/// substitutions and transpositions of neighbours ("nmae" is one from "name").
/// Stops early and returns a value > max_distance once the distance must exceed it.
int EditDistance(std::string_view a, std::string_view b, int max_distance);

/// How far a name may be from a word to be suggested for it: a third of the word's characters,
/// at least 1.
int SuggestionDistance(std::string_view word);

/// Up to max_count candidates close to word (within SuggestionDistance, or containing it),
/// closest first, ties in the candidates' order.
std::vector<std::string> Suggest(std::string_view word, const std::vector<std::string>& candidates,
                                 size_t max_count = 3);

/// "; did you mean 'a' or 'b'?" or "" when there is nothing to suggest.
std::string DidYouMean(const std::vector<std::string>& suggestions);

}  // namespace casegraph
