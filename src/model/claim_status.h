// How sure a relation is: its credibility as the case's sources give it.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace casegraph {

enum class ClaimStatus { kFact, kReported, kAlleged, kClaimed, kDenied };

/// The words of the statuses, in order of ClaimStatus: fact, reported, alleged, claimed, denied.
constexpr std::array<std::string_view, 5> kClaimStatusWords = {"fact", "reported", "alleged", "claimed", "denied"};

/// The status a relation has when its file names none.
constexpr ClaimStatus kDefaultClaimStatus = ClaimStatus::kReported;

/// "fact", "reported", ...
const char* ClaimStatusName(ClaimStatus s);
/// The status a word names, or nullopt.
std::optional<ClaimStatus> ParseClaimStatus(std::string_view word);
/// "unknown status 'facts'; did you mean 'fact'? (one of fact, reported, alleged, claimed, denied)".
std::string UnknownClaimStatusMessage(std::string_view word);

}  // namespace casegraph
