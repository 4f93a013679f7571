#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

#include "io/case_loader.h"
#include "io/quote_check.h"
#include "test_support.h"
#include "text/unicode.h"

using namespace casegraph;

TEST_CASE("quotes are found in their source files, missing ones are errors at the quote") {
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

TEST_CASE("quotes of many sources, interleaved: each missing one reported once, in the case's order") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("casegraph-quotes-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::mt19937 rng(23);
  const std::string alphabet = "ab c\n";
  Case c;
  std::vector<std::string> texts;
  for (int s = 0; s < 4; ++s) {
    std::string text;
    for (size_t n = 200 + rng() % 400; n > 0; --n) text += alphabet[rng() % alphabet.size()];
    texts.push_back(text);
    Source source;
    source.id = "s" + std::to_string(s);
    source.resolved_file = (dir / (source.id + ".txt")).string();
    source.where = Location{"f.json", 1, s + 1};
    std::ofstream(source.resolved_file) << text;
    c.sources.push_back(source);
  }
  Source unreadable;
  unreadable.id = "gone";
  unreadable.resolved_file = (dir / "gone.txt").string();
  unreadable.where = Location{"f.json", 1, 9};
  c.sources.push_back(unreadable);
  std::vector<std::pair<int, std::string>> expected;  // line of the quote, what is reported there
  bool gone_reported = false;
  for (int line = 2; line < 400; ++line) {
    Relation r;
    Evidence e;
    const int which = static_cast<int>(rng() % 6);  // 0-3 a source, 4 undefined, 5 unreadable
    e.source = which < 4 ? "s" + std::to_string(which) : which == 4 ? "nowhere" : "gone";
    if (which < 4) {
      const std::string& text = texts[static_cast<size_t>(which)];
      e.quote = text.substr(rng() % (text.size() - 30), 4 + rng() % 25);
      if (rng() % 3 == 0) e.quote[rng() % e.quote.size()] = alphabet[rng() % alphabet.size()];
    } else {
      e.quote = "ab";
    }
    e.quote_where = Location{"f.json", line, 1};
    r.evidence.push_back(e);
    c.relations.push_back(r);
    if (which == 4) {
      expected.emplace_back(line, "quote not checked");
    } else if (which == 5) {
      if (!gone_reported) expected.emplace_back(1, "source 'gone'");
      gone_reported = true;
    } else if (NormalizeForQuoteMatch(texts[static_cast<size_t>(which)]).find(NormalizeForQuoteMatch(e.quote)) ==
               std::string::npos) {
      expected.emplace_back(line, "quote not found in source '" + e.source + "'");
    }
  }
  const Diagnostics d = CheckQuotes(c);
  REQUIRE(d.size() == expected.size());
  for (size_t i = 0; i < d.size(); ++i) {
    INFO("diagnostic " << i << ": " << d[i].message);
    CHECK(d[i].where.line == expected[i].first);
    CHECK(d[i].message.rfind(expected[i].second, 0) == 0);
  }
  fs::remove_all(dir);
}
