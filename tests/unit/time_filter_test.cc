#include <catch2/catch.hpp>

#include "query/time_filter.h"

using namespace casegraph;

namespace {

DayInterval Event(const char* text) {
  Date d = ParseDate(text).value();
  return DayInterval{true, false, d.first, d.last};
}

DayInterval Span(const char* start, const char* end) {
  DayInterval t{true, true, kFirstDay, kLastDay};
  if (*start) t.first = ParseDate(start).value().first;
  if (*end) t.last = ParseDate(end).value().last;
  return t;
}

TimeFilter AsOf(const char* d) { return TimeFilter::Parse(d, "", "").value(); }
TimeFilter Window(const char* a, const char* b) { return TimeFilter::Parse("", a, b).value(); }

const DayInterval kUndated{};

}  // namespace

TEST_CASE("as-of: events accumulate from the day they may have begun") {
  CHECK(AsOf("2021-03-09").Allows(Event("2021-03-09")));   // the same day
  CHECK_FALSE(AsOf("2021-03-09").Allows(Event("2021-03-10")));
  CHECK(AsOf("2021-03-09").Allows(Event("2021-03")));      // March may have begun by the 9th
  CHECK(AsOf("2021-03-09").Allows(Event("2021")));
  CHECK(AsOf("2021-03-09").Allows(Event("2017-05-01")));   // long past events still count
  CHECK_FALSE(AsOf("2021-02-28").Allows(Event("2021-03")));
  CHECK(AsOf("2021-03").Allows(Event("2021-03-31")));      // as of March: up to its last day
  CHECK_FALSE(AsOf("2021-03").Allows(Event("2021-04-01")));
}

TEST_CASE("as-of: spans count while in force, open ends never end") {
  CHECK(AsOf("2021-03-09").Allows(Span("2017", "2021-03")));
  CHECK(AsOf("2021-03-31").Allows(Span("2017", "2021-03")));
  CHECK_FALSE(AsOf("2021-04-01").Allows(Span("2017", "2021-03")));   // ended before
  CHECK(AsOf("2021-03-10").Allows(Span("2021-03-10", "2021-03-10")));
  CHECK_FALSE(AsOf("2021-03-09").Allows(Span("2021-03-10", "")));     // not begun
  CHECK(AsOf("2050").Allows(Span("2021-03-10", "")));                 // open end
  CHECK(AsOf("1900").Allows(Span("", "2021")));                       // open start
  CHECK_FALSE(AsOf("2022-01-01").Allows(Span("", "2021")));
}

TEST_CASE("as-of counts undated relations, a window does not") {
  CHECK(AsOf("2021-03-09").Allows(kUndated));
  CHECK_FALSE(Window("2021-03-09", "2021-03-12").Allows(kUndated));
  CHECK(TimeFilter().Allows(kUndated));
  CHECK_FALSE(TimeFilter().active());
}

TEST_CASE("window (--from, --to): relations whose interval overlaps the window") {
  const TimeFilter w = Window("2021-03-09", "2021-03-12");
  CHECK(w.Allows(Event("2021-03-09")));
  CHECK(w.Allows(Event("2021-03-12")));
  CHECK_FALSE(w.Allows(Event("2021-03-08")));
  CHECK_FALSE(w.Allows(Event("2021-03-13")));
  CHECK(w.Allows(Event("2021-03")));       // March overlaps 9-12 March
  CHECK(w.Allows(Span("2017", "")));
  CHECK_FALSE(w.Allows(Span("2017", "2021-02")));
  CHECK(Window("2021-03", "").Allows(Event("2030")));   // open end of the window
  CHECK_FALSE(Window("", "2021-02").Allows(Event("2021-03-01")));
}

TEST_CASE("time filter options are validated") {
  CHECK(TimeFilter::Parse("2021-02-30", "", "").status().message() ==
        "as_of: invalid date '2021-02-30': February 2021 has 28 days");
  CHECK(TimeFilter::Parse("", "2021-13", "").status().message() == "since: invalid date '2021-13': month must be 01 to 12");
  CHECK(TimeFilter::Parse("", "2021-03-12", "2021-03-09").status().message() == "until 2021-03-09 is before since 2021-03-12");
  CHECK(TimeFilter::Parse("", "2021-03-12", "2021-03").ok());  // March ends after the 12th
}

TEST_CASE("days print as ISO dates") {
  CHECK(DayText(DaysFromCivil(2021, 3, 9)) == "2021-03-09");
  CHECK(DayText(DaysFromCivil(2020, 2, 29)) == "2020-02-29");
  CHECK(DayText(0) == "1970-01-01");
  CHECK(DayText(DaysFromCivil(1969, 12, 31)) == "1969-12-31");
}
