// libFuzzer target: the date parser and the time filter options.
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/date.h"
#include "query/time_filter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace casegraph;
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (Result<Date> parsed = ParseDate(text); parsed.ok()) {
    const Date* d = &parsed.value();
    if (d->first > d->last || DayText(d->first).size() != 10) __builtin_trap();
  }
  const size_t cut = text.find('|');
  (void)TimeFilter::Parse(text.substr(0, cut), cut == std::string::npos ? "" : text.substr(cut + 1), "");
  return 0;
}
