// Absurd input gets a clear message with its location, not a crash or an out-of-memory death.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>

#include "io/case_loader.h"
#include "model/limits.h"
#include "test_support.h"

using namespace casegraph;

namespace {

std::vector<std::string> Errors(const std::string& name, const std::string& text) {
  std::vector<std::string> out;
  for (const Diagnostic& d : casegraph::testing::LoadTexts({{name, text}}).diagnostics) out.push_back(FormatDiagnostic(d));
  return out;
}

}  // namespace

TEST_CASE("a 100 MB string is refused at its location") {
  std::string text = "{ \"casegraph\": 1,\n  \"title\": \"";
  text.append(size_t{100} << 20, 'x');
  text += "\" }\n";
  CHECK(Errors("huge.json", text) ==
        std::vector<std::string>{"huge.json:2:12: error: string of 104857600 bytes is longer than the limit of 1048576 bytes"});
  std::string csv = "from,to\na,";
  csv.append(size_t{100} << 20, 'y');
  csv += "\n";
  CHECK(Errors("huge.csv", csv) ==
        std::vector<std::string>{"huge.csv:2:3: error: field of 104857600 bytes is longer than the limit of 1048576 bytes"});
}

TEST_CASE("nesting is bounded, and so are ids and names") {
  std::string deep = "{ \"casegraph\": 1, \"title\": ";
  for (int i = 0; i < 100000; ++i) deep += '[';
  CHECK(Errors("deep.json", deep) ==
        std::vector<std::string>{"deep.json:1:91: error: JSON nested deeper than 64 levels"});
  const std::string id(kMaxIdBytes + 1, 'i');
  CHECK(Errors("id.json", "{ \"casegraph\": 1, \"entities\": [ { \"id\": \"" + id + "\", \"name\": \"A\", \"type\": \"t\" } ] }")
            .front() == "id.json:1:41: error: entity id of 257 bytes is longer than the limit of 256");
  const std::string name(kMaxNameBytes, 'n');  // exactly at the limit: accepted
  CHECK(Errors("name.json", "{ \"casegraph\": 1, \"entities\": [ { \"id\": \"a\", \"name\": \"" + name + "\", \"type\": \"t\" } ] }")
            .empty());
  CHECK(Errors("name.json", "{ \"casegraph\": 1, \"entities\": [ { \"id\": \"a\", \"name\": \"" + name + "n\", \"type\": \"t\" } ] }") ==
        std::vector<std::string>{"name.json:1:54: error: 'name' of 1001 bytes is longer than the limit of 1000"});
  const std::string alias(kMaxNameBytes + 1, 'a');
  CHECK(Errors("alias.json", "{ \"casegraph\": 1, \"entities\": [ { \"id\": \"a\", \"name\": \"A\", \"type\": \"t\", \"aliases\": [\"" + alias + "\"] } ] }") ==
        std::vector<std::string>{"alias.json:1:84: error: 'aliases' of 1001 bytes is longer than the limit of 1000"});
}

TEST_CASE("many entities and relations are no problem: only sizes are limited") {
  std::string text = "{ \"casegraph\": 1, \"entities\": [";
  for (int i = 0; i < 20000; ++i) text += std::string(i ? "," : "") + "{\"id\":\"e" + std::to_string(i) + "\",\"name\":\"E\",\"type\":\"t\"}";
  text += "], \"relations\": [";
  for (int i = 1; i < 20000; ++i) text += std::string(i > 1 ? "," : "") + "{\"type\":\"cites\",\"from\":\"e" + std::to_string(i - 1) + "\",\"to\":\"e" + std::to_string(i) + "\"}";
  text += "] }";
  casegraph::testing::Loaded r = casegraph::testing::LoadTexts({{"many.json", text}});
  REQUIRE(r.loaded);
  CHECK(r.loaded->relations.size() == 19999);
}

TEST_CASE("more relation types than the graph can number are refused at the first one past the limit") {
  // Names t00000, t00001, ... one a line, beside the built-in types: the limit exactly loads; one
  // more is refused at the type that sorts first past the limit.
  auto types = [](size_t count) {
    std::string text = "{ \"casegraph\": 1, \"vocabulary\": { \"relation_types\": {";
    for (size_t i = 0; i < count; ++i) {
      char name[32];
      std::snprintf(name, sizeof name, "t%05zu", i);
      text += std::string(i ? "," : "") + "\n\"" + name + "\": { \"label\": \"x\", \"symmetric\": true }";
    }
    return text + "} } }\n";
  };
  const auto empty = casegraph::testing::LoadTexts({{"empty.json", "{ \"casegraph\": 1 }"}});
  REQUIRE(empty.loaded);
  const size_t built_in = empty.loaded->vocabulary.relation_types.size();
  const size_t ours = kMaxRelationTypes - built_in;
  CHECK(Errors("types.json", types(ours)).empty());
  const int line = 2 + static_cast<int>(ours);  // the last of ours
  CHECK(Errors("types.json", types(ours + 1)) ==
        std::vector<std::string>{"types.json:" + std::to_string(line) +
                                 ":1: error: too many relation types: 65536, more than the limit of 65535"});
}
