#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "text/nearest_passage.h"
#include "text/substring_index.h"

using namespace casegraph;

namespace {

char Fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The fewest edits that turn quote into some substring of text: every start and end tried.
size_t BruteForceDistance(const std::string& text, const std::string& quote) {
  size_t best = quote.size();
  for (size_t start = 0; start <= text.size(); ++start) {
    // Edit distance of quote against text[start, start + len) for every len, one table per start.
    std::vector<size_t> prev(quote.size() + 1), cur(quote.size() + 1);
    for (size_t i = 0; i <= quote.size(); ++i) prev[i] = i;
    best = std::min(best, prev[quote.size()]);
    for (size_t j = start; j < text.size(); ++j) {
      cur[0] = j - start + 1;
      for (size_t i = 1; i <= quote.size(); ++i) {
        cur[i] = std::min({prev[i - 1] + (Fold(quote[i - 1]) != Fold(text[j])), prev[i] + 1, cur[i - 1] + 1});
      }
      std::swap(prev, cur);
      best = std::min(best, prev[quote.size()]);
    }
  }
  return best;
}

std::string RandomWords(std::mt19937& rng, size_t words) {
  std::uniform_int_distribution<int> length(1, 8), letter(0, 25);
  std::string out;
  for (size_t w = 0; w < words; ++w) {
    if (!out.empty()) out += ' ';
    for (int k = length(rng); k > 0; --k) out += static_cast<char>('a' + letter(rng));
  }
  return out;
}

std::string Mutate(std::mt19937& rng, std::string s, int edits) {
  std::uniform_int_distribution<int> kind(0, 2), letter(0, 25);
  for (int e = 0; e < edits && !s.empty(); ++e) {
    const size_t at = std::uniform_int_distribution<size_t>(0, s.size() - 1)(rng);
    const char c = static_cast<char>('a' + letter(rng));
    switch (kind(rng)) {
      case 0: s[at] = c; break;
      case 1: s.insert(s.begin() + static_cast<std::ptrdiff_t>(at), c); break;
      default: s.erase(at, 1);
    }
  }
  return s;
}

}  // namespace

TEST_CASE("the nearest passage is as close as any substring of the text (brute force, random texts)") {
  std::mt19937 rng(20261202);
  int guaranteed = 0;
  for (int round = 0; round < 400; ++round) {
    const std::string text = RandomWords(rng, std::uniform_int_distribution<size_t>(5, 60)(rng));
    const size_t from = std::uniform_int_distribution<size_t>(0, text.size() - 1)(rng);
    const size_t length = std::uniform_int_distribution<size_t>(8, 40)(rng);
    const std::string quote = Mutate(rng, text.substr(from, length), std::uniform_int_distribution<int>(1, 3)(rng));
    if (quote.size() < 8) continue;
    INFO("text: " << text << "\nquote: " << quote);
    const size_t exact = BruteForceDistance(text, quote);
    std::optional<Passage> p = NearestPassage(text, quote);
    if (2 * exact > quote.size()) {
      CHECK(!p);
      continue;
    }
    // Pieces of 3 bytes (4 from 32 on) that exact edits cannot all break: then it must be found.
    const size_t q = quote.size() >= 32 ? 4 : 3;
    if (quote.size() + 1 < q * (exact + 1) + 1) {
      if (p) CHECK(p->distance >= exact);
      continue;
    }
    ++guaranteed;
    REQUIRE(p);
    CHECK(p->distance == exact);
    // The passage shown holds a match that close, and starts and ends on word boundaries where it can.
    const std::string shown = text.substr(p->offset, p->length);
    CHECK(BruteForceDistance(shown, quote) == exact);
  }
  CHECK(guaranteed > 200);
}

TEST_CASE("the nearest passage is found in a large text, and nothing is found for an unrelated quote") {
  std::mt19937 rng(7);
  std::string text = RandomWords(rng, 200000);  // about a megabyte
  const std::string planted = "the court fined the company 500,000 roubles on 9 March";
  const size_t at = text.size() / 3;
  text.insert(at, " " + planted + " ");
  std::optional<Passage> p = NearestPassage(text, "The court fined the company 50,000 roubles on 9 March");
  REQUIRE(p);
  CHECK(p->distance == 1);
  CHECK(text.substr(p->offset, p->length).find(planted) != std::string::npos);
  CHECK_FALSE(NearestPassage(text, "0123456789 !?=+% 0123456789"));
  CHECK_FALSE(NearestPassage("", "anything"));
  CHECK_FALSE(NearestPassage("anything", ""));
}

TEST_CASE("a passage never splits a character") {
  const std::string text = "Суд оштрафовал Twitter на 3,2 млн рублей за неудаление запрещённого контента.";
  std::optional<Passage> p = NearestPassage(text, "оштрафовал Twitter на 32 млн рублей");
  REQUIRE(p);
  const auto continues = [&](size_t pos) { return pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80; };
  CHECK_FALSE(continues(p->offset));
  CHECK_FALSE(continues(p->offset + p->length));
  CHECK(text.substr(p->offset, p->length).find("оштрафовал Twitter на 3,2 млн рублей") != std::string::npos);
}

TEST_CASE("SubstringIndex finds what std::string::find finds (random texts and strings)") {
  std::mt19937 rng(19);
  for (int round = 0; round < 300; ++round) {
    // A small alphabet, so that pieces repeat and buckets hold many places.
    const std::string alphabet = round % 3 == 0 ? "ab" : round % 3 == 1 ? "abc d" : "abcdefghij \xC3\xA9";
    std::string text;
    for (size_t n = rng() % 3000; n > 0; --n) text += alphabet[rng() % alphabet.size()];
    const SubstringIndex index(text);
    for (int q = 0; q < 60; ++q) {
      std::string s;
      if (q % 2 == 0 && !text.empty()) {  // a piece of the text, perhaps changed in one place
        const size_t from = rng() % text.size();
        s = text.substr(from, rng() % 40);
        if (q % 4 == 0 && !s.empty()) s[rng() % s.size()] = alphabet[rng() % alphabet.size()];
      } else {
        for (size_t n = rng() % 20; n > 0; --n) s += alphabet[rng() % alphabet.size()];
      }
      INFO("text of " << text.size() << " bytes, string '" << s << "'");
      CHECK(index.Contains(s) == (text.find(s) != std::string::npos));
    }
  }
  CHECK(SubstringIndex("").Contains(""));
  CHECK_FALSE(SubstringIndex("").Contains("abcdefghi"));
  CHECK(SubstringIndex("abcdefgh").Contains("abcdefgh"));
  CHECK_FALSE(SubstringIndex("abcdefgh").Contains("abcdefghi"));
}
