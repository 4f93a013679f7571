#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>

#include "io/case_loader.h"
#include "io/quote_check.h"
#include "test_support.h"

using namespace casegraph;

TEST_CASE("quotes are found in their source files; missing ones are errors at the quote") {
  const std::string dir = std::string(CASEGRAPH_SOURCE_DIR) + "/graphs";
  casegraph::testing::Loaded r = casegraph::testing::Load({dir + "/russia-twitter-2021.json"});
  REQUIRE(r.loaded);
  CHECK(CheckQuotes(*r.loaded).empty());
  // Change one quote by one word: the check must notice.
  Case changed = *r.loaded;
  changed.relations[0].evidence[0].quote += " indeed";
  Diagnostics d = CheckQuotes(changed);
  REQUIRE(d.size() == 1);
  CHECK(d[0].where.line == changed.relations[0].evidence[0].quote_where.line);
  CHECK(d[0].message.rfind("quote not found in source 'article'", 0) == 0);
}
