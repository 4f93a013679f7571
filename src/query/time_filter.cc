#include "query/time_filter.h"

namespace casegraph {

Result<TimeFilter> TimeFilter::Parse(const std::string& as_of, const std::string& from, const std::string& to) {
  TimeFilter f;
  auto read = [](const std::string& text, const char* option, std::optional<Date>* out) -> std::string {
    if (text.empty()) return "";
    std::string error;
    *out = ParseDate(text, &error);
    return *out ? "" : std::string(option) + ": " + error;
  };
  if (std::string e = read(as_of, "--as-of", &f.as_of_); !e.empty()) return Result<TimeFilter>::Error(e);
  if (std::string e = read(from, "--from", &f.from_); !e.empty()) return Result<TimeFilter>::Error(e);
  if (std::string e = read(to, "--to", &f.to_); !e.empty()) return Result<TimeFilter>::Error(e);
  if (f.from_ && f.to_ && f.to_->last < f.from_->first) {
    return Result<TimeFilter>::Error("--to " + f.to_->text + " is before --from " + f.from_->text);
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
