#include "text/edit_distance.h"

#include <algorithm>

#include "text/unicode.h"

namespace casegraph {

int EditDistance(std::string_view a_utf8, std::string_view b_utf8, int max_distance) {
  const std::vector<char32_t> a = CodePoints(a_utf8);
  const std::vector<char32_t> b = CodePoints(b_utf8);
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  if (std::abs(n - m) > max_distance) return max_distance + 1;
  // Three rows: the one before the previous is for transpositions (optimal string alignment).
  std::vector<int> before(m + 1), previous(m + 1), row(m + 1);
  for (int j = 0; j <= m; ++j) previous[j] = j;
  for (int i = 1; i <= n; ++i) {
    row[0] = i;
    int best = row[0];
    for (int j = 1; j <= m; ++j) {
      row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) row[j] = std::min(row[j], before[j - 2] + 1);
      best = std::min(best, row[j]);
    }
    if (best > max_distance) return max_distance + 1;
    std::swap(before, previous);
    std::swap(previous, row);
  }
  return previous[m];
}

int SuggestionDistance(std::string_view word) { return std::max<int>(1, static_cast<int>(CountCodePoints(word)) / 3); }

std::vector<std::string> Suggest(std::string_view word, const std::vector<std::string>& candidates,
                                 size_t max_count) {
  const std::string key = NameKey(word);
  const int limit = SuggestionDistance(key);
  std::vector<std::pair<int, size_t>> scored;
  for (size_t i = 0; i < candidates.size(); ++i) {
    const std::string candidate = NameKey(candidates[i]);
    int d = EditDistance(key, candidate, limit);
    if (d > limit && key.size() >= 3 && candidate.find(key) != std::string::npos) d = limit;
    if (d <= limit) scored.emplace_back(d, i);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  for (const auto& [d, i] : scored) {
    if (out.size() == max_count) break;
    if (std::find(out.begin(), out.end(), candidates[i]) == out.end()) out.push_back(candidates[i]);
  }
  return out;
}

std::string DidYouMean(const std::vector<std::string>& suggestions) {
  if (suggestions.empty()) return "";
  std::string out = "; did you mean ";
  for (size_t i = 0; i < suggestions.size(); ++i) {
    if (i > 0) out += i + 1 == suggestions.size() ? " or " : ", ";
    out += "'" + suggestions[i] + "'";
  }
  return out + "?";
}

}  // namespace casegraph
