// Time filters: --as-of D (the graph as it stood on D) and --from A --to B (what happened in a
// window), with every date read as its interval of days.
#pragma once

#include <optional>
#include <string>

#include "graph/graph.h"
#include "model/status.h"

namespace casegraph {

class TimeFilter {
 public:
  /// No time filter: every relation counts.
  TimeFilter() = default;

  /// Parses the fields as_of, since and until ("" when not given). Errors name the field and the
  /// date's problem, or a window whose end lies before its start.
  static Result<TimeFilter> Parse(const std::string& as_of, const std::string& since, const std::string& until);

  /// --as-of D: an event counts if it began on or before D (first day <= D's last day); a span
  /// counts if it began on or before D and had not ended before D (last day >= D's first day);
  /// undated relations count.
  /// --from A --to B: a relation counts if its interval overlaps [A's first day, B's last day];
  /// undated relations do not. Either end of the window may be left open.
  bool Allows(const DayInterval& t) const;

  bool active() const { return as_of_.has_value() || window_; }
  const std::optional<Date>& as_of() const { return as_of_; }
  const std::optional<Date>& window_from() const { return from_; }
  const std::optional<Date>& window_to() const { return to_; }

 private:
  std::optional<Date> as_of_;
  std::optional<Date> from_, to_;
  bool window_ = false;
};

}  // namespace casegraph
