#include "model/date.h"

#include <cctype>
#include <cstdio>

namespace casegraph {

namespace {

const char* const kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// Reads exactly n digits at text[pos..]; returns -1 if they are not all digits.
int ReadDigits(std::string_view text, size_t pos, size_t n) {
  if (pos + n > text.size()) return -1;
  int value = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeap(year)) return 29;
  return kDays[month - 1];
}

// Howard Hinnant's days_from_civil.
Day DaysFromCivil(int year, int month, int day) {
  year -= month <= 2;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

// Howard Hinnant's civil_from_days.
std::string DayText(Day day) {
  const int z = day + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", y + (m <= 2), m, d);
  return buffer;
}

Result<Date> ParseDate(std::string_view text) {
  const std::string shown(text);
  auto fail = [&](const std::string& why) -> Result<Date> {
    return Status::InvalidInput(Message("invalid date '", shown, "': ", why));
  };
  const bool shape_ok = (text.size() == 4 || text.size() == 7 || text.size() == 10) &&
                        (text.size() < 7 || text[4] == '-') && (text.size() < 10 || text[7] == '-');
  const int year = ReadDigits(text, 0, 4);
  const int month = text.size() >= 7 ? ReadDigits(text, 5, 2) : 0;
  const int day = text.size() == 10 ? ReadDigits(text, 8, 2) : 0;
  if (!shape_ok || year < 0 || month < 0 || day < 0) {
    return fail("expected YYYY, YYYY-MM or YYYY-MM-DD");
  }
  if (text.size() >= 7 && (month < 1 || month > 12)) return fail("month must be 01 to 12");
  Date date;
  date.text = shown;
  if (text.size() == 4) {
    date.first = DaysFromCivil(year, 1, 1);
    date.last = DaysFromCivil(year, 12, 31);
  } else if (text.size() == 7) {
    date.first = DaysFromCivil(year, month, 1);
    date.last = DaysFromCivil(year, month, DaysInMonth(year, month));
  } else {
    const int days = DaysInMonth(year, month);
    if (day < 1 || day > days) {
      return fail(std::string(kMonthNames[month - 1]) + " " + std::to_string(year) + " has " +
                  std::to_string(days) + " days");
    }
    date.first = date.last = DaysFromCivil(year, month, day);
  }
  return date;
}

}  // namespace casegraph
