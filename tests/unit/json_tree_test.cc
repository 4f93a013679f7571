#include <catch2/catch.hpp>

#include <functional>
#include <random>

#include "io/json_tree.h"
#include "test_support.h"

using namespace casegraph;
using casegraph::testing::NaivePlace;

namespace {

std::optional<JsonTree> Parse(const SourceText& source, Diagnostics* d) { return ParseJsonTree(source, d); }

// The i-th child of a container.
JsonValue Child(JsonValue v, size_t i) {
  for (JsonValue c : v.children()) {
    if (i-- == 0) return c;
  }
  FAIL("no child " << i);
  return v;
}

}  // namespace

TEST_CASE("every value and key knows its line and column") {
  Diagnostics d;
  const SourceText source("t.json", "{\n  \"a\": [1, \"x\",\n    {\"b\": null}],\n\t\"c\": true }");
  auto tree = Parse(source, &d);
  REQUIRE(tree);
  CHECK(d.empty());
  const JsonValue root = tree->root();
  CHECK(root.where().line == 1);
  CHECK(root.where().column == 1);
  CHECK(root.size() == 2);
  const JsonValue a = Child(root, 0);
  CHECK(a.key() == "a");
  CHECK(a.key_where().line == 2);
  CHECK(a.key_where().column == 3);
  CHECK(a.where().column == 8);
  REQUIRE(a.size() == 3);
  CHECK(Child(a, 0).where().column == 9);
  CHECK(Child(a, 0).text() == "1");
  CHECK(Child(a, 1).where().column == 12);
  CHECK(Child(a, 1).text() == "x");
  CHECK(Child(a, 2).where().line == 3);
  CHECK(Child(a, 2).where().column == 5);
  CHECK(Child(Child(a, 2), 0).key_where().column == 6);
  CHECK(Child(Child(a, 2), 0).where().column == 11);
  CHECK(Child(Child(a, 2), 0).kind() == JsonKind::kNull);
  CHECK(Child(root, 1).key_where().line == 4);
  CHECK(Child(root, 1).key_where().column == 2);
  CHECK(Child(root, 1).where().column == 7);
  CHECK(Child(root, 1).text() == "true");
}

TEST_CASE("columns count characters, not bytes") {
  Diagnostics d;
  const SourceText source("t.json", "{\"имя\": \"Роскомнадзор\", \"x\": 1}");
  auto tree = Parse(source, &d);
  REQUIRE(tree);
  CHECK(Child(tree->root(), 0).where().column == 9);
  CHECK(Child(tree->root(), 1).key_where().column == 25);
}

TEST_CASE("syntax errors, duplicate keys and deep nesting are diagnostics") {
  Diagnostics d;
  CHECK_FALSE(Parse(SourceText("t.json", "{\"a\": 1,\n \"b\" 2}"), &d));
  REQUIRE(d.size() == 1);
  CHECK(FormatDiagnostic(d[0]) == "t.json:2:6: error: invalid JSON: missing a colon after a name of object member");

  d.clear();
  const SourceText dup("t.json", "{\"a\": 1, \"a\": 2}");
  CHECK(Parse(dup, &d));
  REQUIRE(d.size() == 1);
  CHECK(FormatDiagnostic(d[0]) == "t.json:1:10: error: duplicate key 'a' (first at t.json:1:2)");

  d.clear();
  CHECK_FALSE(Parse(SourceText("t.json", std::string(200, '[') + std::string(200, ']')), &d));
  REQUIRE(d.size() == 1);
  CHECK(FormatDiagnostic(d[0]) == "t.json:1:65: error: JSON nested deeper than 64 levels");

  d.clear();
  CHECK_FALSE(Parse(SourceText("t.json", "{\"a\": \"\xff\"}"), &d));
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "invalid JSON: invalid encoding in string");
}

TEST_CASE("a byte-order mark and CRLF line ends are read") {
  Diagnostics d;
  const SourceText source("t.json", "\xEF\xBB\xBF{\r\n\"a\": 1}");
  auto tree = Parse(source, &d);
  REQUIRE(tree);
  CHECK(d.empty());
  CHECK(tree->root().where().column == 1);
  CHECK(Child(tree->root(), 0).key_where().line == 2);
  CHECK(Child(tree->root(), 0).key_where().column == 1);
}

// Random documents against what their writer knows: every value's kind, text, key and place
// (line and column counted naively from the start of the text), read whole and read in pieces.
namespace {

struct Written {
  int depth;
  JsonKind kind;
  std::string text, key;
  size_t offset, key_offset;
};

class RandomDocument {
 public:
  explicit RandomDocument(uint32_t seed) : rng_(seed) {}

  std::string Write() {
    Value(0, "", 0);
    return out_;
  }
  const std::vector<Written>& values() const { return values_; }

 private:
  size_t Pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }

  void Space() {
    static const char* kSpaces[] = {"", " ", "\n", "  ", "\r\n", "\t", "\n    "};
    out_ += kSpaces[Pick(7)];
  }

  // A string and what it reads as: escapes, non-ASCII letters and plain ones.
  std::pair<std::string, std::string> String() {
    static const std::pair<const char*, const char*> kPieces[] = {
        {"a", "a"}, {"id", "id"}, {"\\n", "\n"}, {"\\\"", "\""}, {"\\u0416", "Ж"}, {"Ж", "Ж"}, {"é", "é"}, {"x y", "x y"}};
    std::string written = "\"", read;
    for (size_t n = Pick(5); n > 0; --n) {
      const auto& [w, r] = kPieces[Pick(8)];
      written += w;
      read += r;
    }
    return {written + "\"", read};
  }

  void Value(int depth, const std::string& key, size_t key_offset) {
    const size_t choice = depth >= 5 ? Pick(4) : Pick(7);
    const size_t at = out_.size();
    Written w{depth, JsonKind::kNull, "", key, at, key_offset};
    const size_t index = values_.size();
    values_.push_back(w);
    switch (choice) {
      case 0: out_ += "null"; values_[index].text = "null"; return;
      case 1: {
        const std::string b = Pick(2) ? "true" : "false";
        out_ += b;
        values_[index].kind = JsonKind::kBool;
        values_[index].text = b;
        return;
      }
      case 2: {
        static const char* kNumbers[] = {"0", "-12", "3.25", "1e5", "12345678901234567890"};
        const std::string n = kNumbers[Pick(5)];
        out_ += n;
        values_[index].kind = JsonKind::kNumber;
        values_[index].text = n;
        return;
      }
      case 3: {
        auto [written, read] = String();
        out_ += written;
        values_[index].kind = JsonKind::kString;
        values_[index].text = read;
        return;
      }
      case 4:
      case 5: {
        values_[index].kind = JsonKind::kArray;
        out_ += '[';
        for (size_t n = Pick(4), i = 0; i < n; ++i) {
          if (i) out_ += ',';
          Space();
          Value(depth + 1, "", 0);
          Space();
        }
        out_ += ']';
        return;
      }
      default: {
        values_[index].kind = JsonKind::kObject;
        out_ += '{';
        for (size_t n = Pick(4), i = 0; i < n; ++i) {
          if (i) out_ += ',';
          Space();
          const size_t key_at = out_.size();
          const std::string k = "k" + std::to_string(i);  // distinct keys: no duplicates
          out_ += "\"" + k + "\"";
          Space();
          out_ += ':';
          Space();
          Value(depth + 1, k, key_at);
        }
        Space();
        out_ += '}';
        return;
      }
    }
  }

  std::mt19937 rng_;
  std::string out_;
  std::vector<Written> values_;
};

// Lists a value and its subtree in document order, as the writer lists them.
void Flatten(JsonValue v, int depth, std::vector<Written>* out) {
  out->push_back(Written{depth, v.kind(), std::string(v.text()), std::string(v.key()), v.offset(),
                         v.key_offset()});
  for (JsonValue c : v.children()) Flatten(c, depth + 1, out);
}

// Splits containers at random; lists what it is handed, containers it split included.
class RandomSplitter : public JsonVisitor {
 public:
  explicit RandomSplitter(uint32_t seed) : rng_(seed) {}
  bool Split(int, JsonKind, std::string_view) const override {
    return std::uniform_int_distribution<int>(0, 1)(rng_) == 1;
  }
  void Open(int depth, JsonKind kind, std::string_view key, size_t offset) override {
    listed_.push_back(Written{depth, kind, "", std::string(key), offset, 0});
  }
  void Value(int depth, JsonValue v) override { Flatten(v, depth, &listed_); }
  void Close(int, JsonKind) override {}
  std::vector<Written> listed_;

 private:
  mutable std::mt19937 rng_;  // asked on the parsing thread only
};

}  // namespace

TEST_CASE("random documents read whole and in pieces give every value, key and place") {
  for (uint32_t seed = 1; seed <= 300; ++seed) {
    RandomDocument doc(seed);
    const SourceText source("r.json", doc.Write());
    const std::vector<Written>& want = doc.values();
    Diagnostics d;
    std::optional<JsonTree> tree = Parse(source, &d);
    REQUIRE(tree);
    REQUIRE(d.empty());
    std::vector<Written> whole;
    Flatten(tree->root(), 0, &whole);

    // Read in pieces on this thread, and on a second one in batches of a few values.
    RandomSplitter splitter(seed);
    REQUIRE(ParseJson(source, &splitter, &d));
    std::vector<Written> pieces = splitter.listed_;
    RandomSplitter threaded(seed);
    JsonStreamOptions two_threads;
    two_threads.two_threads_from = 0;
    two_threads.batch_values = 1 + seed % 5;
    REQUIRE(ParseJson(source, &threaded, &d, two_threads));
    REQUIRE(threaded.listed_.size() == pieces.size());
    for (size_t i = 0; i < pieces.size(); ++i) {
      CHECK(threaded.listed_[i].offset == pieces[i].offset);
      CHECK(threaded.listed_[i].depth == pieces[i].depth);
      CHECK(threaded.listed_[i].text == pieces[i].text);
      CHECK(threaded.listed_[i].key == pieces[i].key);
    }
    // A split container is listed when it opens, before its children: the writer's order.
    REQUIRE(whole.size() == want.size());
    REQUIRE(pieces.size() == want.size());
    for (size_t i = 0; i < want.size(); ++i) {
      INFO("seed " << seed << " value " << i << "\n" << source.text());
      for (const std::vector<Written>* got : {&whole, &pieces}) {
        const Written& g = (*got)[i];
        CHECK(g.depth == want[i].depth);
        CHECK(g.kind == want[i].kind);
        CHECK(g.key == want[i].key);
        CHECK(g.offset == want[i].offset);
        if (want[i].kind != JsonKind::kArray && want[i].kind != JsonKind::kObject) CHECK(g.text == want[i].text);
      }
      CHECK(whole[i].key_offset == want[i].key_offset);
    }
    // Places asked backwards, then forwards: each against a naive count from the start.
    std::vector<JsonValue> order;
    std::function<void(JsonValue)> walk = [&](JsonValue x) {
      order.push_back(x);
      for (JsonValue c : x.children()) walk(c);
    };
    walk(tree->root());
    for (int pass = 0; pass < 2; ++pass) {
      for (size_t n = 0; n < order.size(); ++n) {
        const size_t i = pass == 0 ? order.size() - 1 - n : n;
        const Location where = order[i].where();
        CHECK(std::pair(where.line, where.column) == NaivePlace(source.text(), want[i].offset));
      }
    }
  }
}
