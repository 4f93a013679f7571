#include <catch2/catch.hpp>

#include "io/json_tree.h"

using namespace casegraph;

namespace {

std::optional<JsonValue> Parse(const std::string& text, Diagnostics* d) {
  return ParseJsonTree(SourceText("t.json", text), d);
}

}  // namespace

TEST_CASE("every value and key knows its line and column") {
  Diagnostics d;
  auto root = Parse("{\n  \"a\": [1, \"x\",\n    {\"b\": null}],\n\t\"c\": true }", &d);
  REQUIRE(root);
  CHECK(d.empty());
  CHECK(root->where.line == 1);
  CHECK(root->where.column == 1);
  const JsonMember& a = root->members[0];
  CHECK(a.key_where.line == 2);
  CHECK(a.key_where.column == 3);
  CHECK(a.value.where.column == 8);
  REQUIRE(a.value.items.size() == 3);
  CHECK(a.value.items[0].where.column == 9);
  CHECK(a.value.items[1].where.column == 12);
  CHECK(a.value.items[2].where.line == 3);
  CHECK(a.value.items[2].where.column == 5);
  CHECK(a.value.items[2].members[0].key_where.column == 6);
  CHECK(a.value.items[2].members[0].value.where.column == 11);
  CHECK(root->members[1].key_where.line == 4);
  CHECK(root->members[1].key_where.column == 2);
  CHECK(root->members[1].value.where.column == 7);
}

TEST_CASE("columns count characters, not bytes") {
  Diagnostics d;
  auto root = Parse("{\"имя\": \"Роскомнадзор\", \"x\": 1}", &d);
  REQUIRE(root);
  CHECK(root->members[0].value.where.column == 9);
  CHECK(root->members[1].key_where.column == 25);
}

TEST_CASE("syntax errors, duplicate keys and deep nesting are diagnostics") {
  Diagnostics d;
  CHECK_FALSE(Parse("{\"a\": 1,\n \"b\" 2}", &d));
  REQUIRE(d.size() == 1);
  CHECK(FormatDiagnostic(d[0]) == "t.json:2:6: error: invalid JSON: missing a colon after a name of object member");

  d.clear();
  CHECK(Parse("{\"a\": 1, \"a\": 2}", &d));
  REQUIRE(d.size() == 1);
  CHECK(FormatDiagnostic(d[0]) == "t.json:1:10: error: duplicate key 'a' (first at t.json:1:2)");

  d.clear();
  CHECK_FALSE(Parse(std::string(200, '[') + std::string(200, ']'), &d));
  REQUIRE(d.size() == 1);
  CHECK(FormatDiagnostic(d[0]) == "t.json:1:65: error: JSON nested deeper than 64 levels");

  d.clear();
  CHECK_FALSE(Parse("{\"a\": \"\xff\"}", &d));
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "invalid JSON: invalid encoding in string");
}

TEST_CASE("a byte-order mark and CRLF line ends are read") {
  Diagnostics d;
  auto root = Parse("\xEF\xBB\xBF{\r\n\"a\": 1}", &d);
  REQUIRE(root);
  CHECK(d.empty());
  CHECK(root->where.column == 1);
  CHECK(root->members[0].key_where.line == 2);
  CHECK(root->members[0].key_where.column == 1);
}
