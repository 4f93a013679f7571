#include "model/case.h"

namespace casegraph {

const char* StatusName(Status s) {
  switch (s) {
    case Status::kFact: return "fact";
    case Status::kReported: return "reported";
    case Status::kAlleged: return "alleged";
    case Status::kClaimed: return "claimed";
    case Status::kDenied: return "denied";
  }
  return "reported";
}

std::optional<Status> ParseStatus(const std::string& word) {
  for (Status s : {Status::kFact, Status::kReported, Status::kAlleged, Status::kClaimed, Status::kDenied}) {
    if (word == StatusName(s)) return s;
  }
  return std::nullopt;
}

}  // namespace casegraph
