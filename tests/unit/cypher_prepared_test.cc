// Prepared queries and the session cache: the same answers as RunQuery, for any parameter values.
#include <catch2/catch.hpp>

#include <random>

#include "query/cypher/query.h"
#include "test_support.h"

using namespace casegraph;

TEST_CASE("a prepared query answers as RunQuery does, for each parameter value", "[cypher]") {
  std::mt19937 rng(3);
  const auto g = Graph::Build(casegraph::testing::RandomCase(rng, 12, 40));
  const char* text = "MATCH (a {id: $who})-[r]-(b) RETURN b.id, count(*) ORDER BY b.id";
  Result<cypher::PreparedQuery> prepared = cypher::PreparedQuery::Prepare(*g, text, {"who"});
  REQUIRE(prepared.ok());
  cypher::QueryCache cache(2);
  for (int v = 0; v < 12; ++v) {
    std::string who = "e";
    who += std::to_string(v);
    const cypher::ValueMap params{{"who", cypher::Value::String(who)}};
    Result<cypher::QueryAnswer> once = cypher::RunQuery(*g, text, params);
    Result<cypher::QueryAnswer> again = prepared.value().Run(params);
    Result<cypher::PreparedQuery> cached = cache.Get(*g, text, params);
    REQUIRE(once.ok());
    REQUIRE(again.ok());
    REQUIRE(cached.ok());
    Result<cypher::QueryAnswer> third = cached.value().Run(params);
    REQUIRE(third.ok());
    REQUIRE(once.value().rows.size() == again.value().rows.size());
    REQUIRE(once.value().rows.size() == third.value().rows.size());
    for (size_t i = 0; i < once.value().rows.size(); ++i) {
      for (size_t j = 0; j < once.value().rows[i].size(); ++j) {
        CHECK(cypher::Equals(once.value().rows[i][j], again.value().rows[i][j]) == std::optional<bool>(true));
        CHECK(cypher::Equals(once.value().rows[i][j], third.value().rows[i][j]) == std::optional<bool>(true));
      }
    }
  }
  // A parameter not declared is an error when preparing; one declared but not given, when running.
  CHECK_FALSE(cypher::PreparedQuery::Prepare(*g, text, {}).ok());
  Result<cypher::QueryAnswer> missing = prepared.value().Run({});
  REQUIRE_FALSE(missing.ok());
  CHECK_THAT(missing.status().message(), Catch::Contains("$who"));
  // The cache holds two: a third text pushes out the least recently used, and all still answer.
  for (const char* t : {"RETURN 1 AS x", "RETURN 2 AS x", "RETURN 3 AS x", "RETURN 1 AS x"}) {
    Result<cypher::PreparedQuery> p = cache.Get(*g, t, {});
    REQUIRE(p.ok());
    REQUIRE(p.value().Run({}).ok());
  }
  // Errors are not held: asking again gives the error again.
  CHECK_FALSE(cache.Get(*g, "MATCH (n:nope) RETURN n", {}).ok());
  CHECK_FALSE(cache.Get(*g, "MATCH (n:nope) RETURN n", {}).ok());
}
