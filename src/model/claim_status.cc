#include "model/claim_status.h"

#include <vector>

#include "text/edit_distance.h"

namespace casegraph {

const char* ClaimStatusName(ClaimStatus s) {
  const size_t i = static_cast<size_t>(s);
  return i < kClaimStatusWords.size() ? kClaimStatusWords[i].data() : "reported";
}

std::optional<ClaimStatus> ParseClaimStatus(std::string_view word) {
  for (size_t i = 0; i < kClaimStatusWords.size(); ++i) {
    if (word == kClaimStatusWords[i]) return static_cast<ClaimStatus>(i);
  }
  return std::nullopt;
}

std::string UnknownClaimStatusMessage(std::string_view word) {
  const std::vector<std::string> words(kClaimStatusWords.begin(), kClaimStatusWords.end());
  std::string message = "unknown status '" + std::string(word) + "'" + DidYouMean(Suggest(word, words, 1)) + " (one of ";
  for (size_t i = 0; i < words.size(); ++i) message += (i ? ", " : "") + words[i];
  return message + ")";
}

}  // namespace casegraph
