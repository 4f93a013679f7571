#include <catch2/catch.hpp>

#include "model/date.h"

using namespace casegraph;

namespace {

// Independent day count: walks the calendar one day at a time from 1970-01-01.
Day CountDays(int year, int month, int day) {
  Day n = 0;
  int y = 1970, mo = 1, d = 1;
  auto leap = [](int yy) { return (yy % 4 == 0 && yy % 100 != 0) || yy % 400 == 0; };
  const int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  while (y != year || mo != month || d != day) {
    ++n;
    const int len = mo == 2 && leap(y) ? 29 : lengths[mo - 1];
    if (++d > len) {
      d = 1;
      if (++mo > 12) {
        mo = 1;
        ++y;
      }
    }
  }
  return n;
}

}  // namespace

TEST_CASE("days from civil agree with counting day by day") {
  for (int year : {1970, 1971, 1999, 2000, 2004, 2021, 2024, 2100}) {
    for (int month = 1; month <= 12; ++month) {
      for (int day : {1, 15, DaysInMonth(year, month)}) {
        INFO(year << "-" << month << "-" << day);
        CHECK(DaysFromCivil(year, month, day) == CountDays(year, month, day));
      }
    }
  }
  CHECK(DaysFromCivil(1969, 12, 31) == -1);
}

TEST_CASE("dates of reduced precision are intervals of days") {
  Result<Date> year = ParseDate("2021");
  REQUIRE(year.ok());
  CHECK(year.value().first == DaysFromCivil(2021, 1, 1));
  CHECK(year.value().last == DaysFromCivil(2021, 12, 31));
  Result<Date> month = ParseDate("2020-02");
  REQUIRE(month.ok());
  CHECK(month.value().first == DaysFromCivil(2020, 2, 1));
  CHECK(month.value().last == DaysFromCivil(2020, 2, 29));
  Result<Date> day = ParseDate("2021-03-10");
  REQUIRE(day.ok());
  CHECK(day.value().first == day.value().last);
  CHECK(day.value().text == "2021-03-10");
}

TEST_CASE("impossible dates are refused with a reason") {
  CHECK_FALSE(ParseDate("2021-02-29").ok());
  CHECK(ParseDate("2021-02-29").status().message() == "invalid date '2021-02-29': February 2021 has 28 days");
  CHECK(ParseDate("2021-02-29").status().kind() == Status::Kind::kInvalidInput);
  CHECK(ParseDate("2024-02-29").ok());
  CHECK_FALSE(ParseDate("1900-02-29").ok());
  CHECK(ParseDate("2000-02-29").ok());
  CHECK_FALSE(ParseDate("2021-13").ok());
  CHECK(ParseDate("2021-13").status().message() == "invalid date '2021-13': month must be 01 to 12");
  CHECK_FALSE(ParseDate("2021-00-10").ok());
  CHECK_FALSE(ParseDate("2021-04-00").ok());
  CHECK_FALSE(ParseDate("2021-04-31").ok());
  for (const char* bad : {"", "21", "2021-", "2021-3", "2021-03-1", "2021/03/01", "2021-03-10T00", "２０２１", "-2021"}) {
    INFO(bad);
    CHECK_FALSE(ParseDate(bad).ok());
  }
}
