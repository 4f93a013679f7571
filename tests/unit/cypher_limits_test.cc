// Hostile pattern queries: deep nesting, long operator chains, huge literals and queries,
// unbounded and exploding matches. Each gets a located message, never a crash or a hang.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "query/cypher/lexer.h"
#include "query/cypher/query.h"
#include "test_support.h"

using namespace casegraph;

namespace {

std::string Repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string ErrorOf(const Graph& g, const std::string& query, const cypher::QueryOptions& options = {}) {
  Result<cypher::QueryAnswer> a = cypher::RunQuery(g, query, {}, options);
  REQUIRE_FALSE(a.ok());
  return a.status().message();
}

std::unique_ptr<const Graph> Dense() {
  std::mt19937 rng(5);
  return Graph::Build(casegraph::testing::RandomCase(rng, 30, 400));
}

}  // namespace

TEST_CASE("deep nesting is refused with its place", "[cypher][limits]") {
  const auto g = Dense();
  for (const auto& [open, close] : {std::pair("(", ")"), std::pair("[", "]"), std::pair("{a: ", "}"),
                                    std::pair("toUpper(", ")"), std::pair("NOT ", ""), std::pair("-", "")}) {
    const std::string q = "RETURN " + Repeat(open, 100000) + "1" + Repeat(close, 100000) + " AS x";
    Result<cypher::QueryAnswer> a = cypher::RunQuery(*g, q);
    INFO(open);
    REQUIRE_FALSE(a.ok());
    CHECK_THAT(a.status().message(), Catch::Contains("nests deeper than 200 levels"));
    CHECK(a.status().has_place());
  }
  // Nesting within the limit works.
  Result<cypher::QueryAnswer> ok = cypher::RunQuery(*g, "RETURN " + Repeat("(", 150) + "7" + Repeat(")", 150) + " AS x");
  REQUIRE(ok.ok());
  CHECK(ok.value().rows[0][0].integer() == 7);
}

TEST_CASE("long operator chains are refused before they grow too deep to evaluate", "[cypher][limits]") {
  const auto g = Dense();
  for (const std::string op : {" + ", " OR ", " AND ", " * ", " = 1 AND 1", " IS NULL OR 1"}) {
    const std::string q = "RETURN 1" + Repeat(op + "1", 100000) + " AS x";
    INFO(op);
    CHECK_THAT(ErrorOf(*g, q), Catch::Contains("operators deep") || Catch::Contains("longer than the limit"));
  }
  CHECK_THAT(ErrorOf(*g, "MATCH (n) RETURN n" + Repeat(".name", 5000)), Catch::Contains("operators deep"));
  // A chain within the limit evaluates.
  Result<cypher::QueryAnswer> ok = cypher::RunQuery(*g, "RETURN 0" + Repeat(" + 1", 900) + " AS x");
  REQUIRE(ok.ok());
  CHECK(ok.value().rows[0][0].integer() == 900);
}

TEST_CASE("a query or literal over its size limit is refused, one under it runs", "[cypher][limits]") {
  const auto g = Dense();
  CHECK_THAT(ErrorOf(*g, "RETURN size('" + std::string(cypher::kMaxQueryBytes, 'x') + "') AS n"),
             Catch::Contains("longer than the limit of 1048576 bytes"));
  CHECK_THAT(ErrorOf(*g, "RETURN size('" + std::string(cypher::kMaxLiteralBytes + 1, 'x') + "') AS n"),
             Catch::Contains("pass large values as parameters"));
  Result<cypher::QueryAnswer> ok = cypher::RunQuery(*g, "RETURN size('" + std::string(cypher::kMaxLiteralBytes, 'x') + "') AS n");
  REQUIRE(ok.ok());
  CHECK(ok.value().rows[0][0].integer() == static_cast<int64_t>(cypher::kMaxLiteralBytes));
  // A large value passed as a parameter is fine.
  cypher::ValueMap params{{"big", cypher::Value::String(std::string(4 << 20, 'y'))}};
  Result<cypher::QueryAnswer> param = cypher::RunQuery(*g, "RETURN size($big) AS n", params);
  REQUIRE(param.ok());
  CHECK(param.value().rows[0][0].integer() == 4 << 20);
}

TEST_CASE("exploding matches stop at the step budget with a message naming it", "[cypher][limits]") {
  const auto g = Dense();
  cypher::QueryOptions options;
  options.max_steps = 200000;
  for (const char* q : {"MATCH (a)-[*1..1000]-(b) RETURN count(*)", "MATCH (a), (b), (c), (d), (e), (f) RETURN count(*)",
                        "UNWIND range(1, 1000000) AS x UNWIND range(1, 1000000) AS y RETURN count(*)",
                        "MATCH (a)-[*1..1000]-(b) RETURN a.id ORDER BY a.id"}) {
    INFO(q);
    CHECK_THAT(ErrorOf(*g, q, options), Catch::Contains("stopped after 200000 steps") && Catch::Contains("max_steps"));
  }
  CHECK_THAT(ErrorOf(*g, "RETURN size(range(1, 2000000))"), Catch::Contains("more than 1,000,000"));
  CHECK_THAT(ErrorOf(*g, "MATCH (a)-[*1..]-(b) RETURN count(*)"), Catch::Contains("needs an upper bound"));
}

TEST_CASE("an answer over the row limit stops there and says so", "[cypher][limits]") {
  const auto g = Dense();
  cypher::QueryOptions options;
  options.row_limit = 25;
  Result<cypher::QueryAnswer> a = cypher::RunQuery(*g, "MATCH (a)-[r]->(b) RETURN r.id", {}, options);
  REQUIRE(a.ok());
  CHECK(a.value().rows.size() == 25);
  CHECK(a.value().truncated);
  // Exactly at the limit is not truncated.
  options.row_limit = 30;
  Result<cypher::QueryAnswer> all = cypher::RunQuery(*g, "MATCH (n) RETURN n.id", {}, options);
  REQUIRE(all.ok());
  CHECK(all.value().rows.size() == 30);
  CHECK_FALSE(all.value().truncated);
}
