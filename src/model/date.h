// Dates of reduced precision (year, month or day), read as closed intervals of days.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/status.h"

namespace casegraph {

/// Days since 1970-01-01 in the proleptic Gregorian calendar.
using Day = int32_t;

/// A date as written ("2021", "2021-03", "2021-03-10") and the days it may stand for.
struct Date {
  std::string text;  // as written, canonical (validated)
  Day first = 0;     // first day the date may denote
  Day last = 0;      // last day the date may denote
};

/// Parses an ISO 8601 date of year, month or day precision. An invalid one's status says what is
/// wrong ("invalid date '2021-02-30': February 2021 has 28 days").
Result<Date> ParseDate(std::string_view text);

/// Days since the epoch for a valid calendar date. REQUIRES: 1 <= month <= 12, day valid.
Day DaysFromCivil(int year, int month, int day);

/// "YYYY-MM-DD" for a day.
std::string DayText(Day day);

/// Number of days in that month of that year.
int DaysInMonth(int year, int month);

}  // namespace casegraph
