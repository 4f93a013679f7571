#include "query/time_filter.h"

#include <tuple>

namespace casegraph {

Result<TimeFilter> TimeFilter::Parse(const std::string& as_of, const std::string& since, const std::string& until) {
  TimeFilter f;
  auto read = [](const std::string& text, std::string_view field, std::optional<Date>* out) -> Status {
    if (text.empty()) return Status();
    Result<Date> date = ParseDate(text);
    if (!date.ok()) return Status::InvalidInput(Message(Field(field), ": ", date.status().message()));
    *out = std::move(date).value();
    return Status();
  };
  for (auto [text, field, out] : {std::tuple(&as_of, "as_of", &f.as_of_), std::tuple(&since, "since", &f.from_),
                                  std::tuple(&until, "until", &f.to_)}) {
    if (Status s = read(*text, field, out); !s.ok()) return s;
  }
  if (f.from_ && f.to_ && f.to_->last < f.from_->first) {
    return Status::InvalidInput(Message(Field("until"), " ", f.to_->text, " is before ", Field("since"), " ", f.from_->text));
  }
  f.window_ = f.from_ || f.to_;
  return f;
}

bool TimeFilter::Allows(const DayInterval& t) const {
  if (as_of_ && t.dated) {
    if (t.first > as_of_->last) return false;              // had not begun yet
    if (t.span && t.last < as_of_->first) return false;    // had ended before
  }
  if (window_) {
    if (!t.dated) return false;
    if (from_ && t.last < from_->first) return false;
    if (to_ && t.first > to_->last) return false;
  }
  return true;
}

}  // namespace casegraph
