// batch: thousands of lines, good and bad, each answered on its own line, in order, exactly as the
// single command would answer with --format json.
#include <catch2/catch.hpp>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <random>
#include <sstream>

#include "cli/batch.h"
#include "cli/batch_decode.h"
#include "cli_support.h"
#include "test_support.h"

using namespace casegraph;

namespace {

const std::string kGraph = std::string(CASEGRAPH_SOURCE_DIR) + "/graphs";

std::string Compact(const std::string& pretty) {
  rapidjson::Document d;
  d.Parse(pretty.c_str());
  REQUIRE_FALSE(d.HasParseError());
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  d.Accept(w);
  return buffer.GetString();
}

}  // namespace

TEST_CASE("batch answers thousands of mixed lines in order, bad ones with their line number") {
  const std::vector<std::string> names = {"Navalny", "NCOSE", "Roskomnadzor", "RKN", "Twitter", "Putin",
                                          "Роскомнадзор", "Subbotin", "Lotuseaters", "twitter-rules"};
  // Good lines with the command line they stand for; bad lines with the error they must give.
  struct Line {
    std::string json;
    std::vector<std::string> args;  // empty: a bad line
    std::string error;
  };
  std::vector<Line> lines;
  std::mt19937 rng(3);
  for (int i = 0; i < 3000; ++i) {
    const std::string a = names[rng() % names.size()], b = names[rng() % names.size()];
    switch (rng() % 10) {
      case 0: lines.push_back({R"({"command": "path", "from": ")" + a + R"(", "to": ")" + b + R"(", "k": 3})",
                               {"path", a, b, "-k", "3"}, ""}); break;
      case 1: lines.push_back({R"({"command": "show", "entity": ")" + a + R"(", "as-of": "2021-03-09"})",
                               {"show", a, "--as-of", "2021-03-09"}, ""}); break;
      case 2:
        if (rng() % 2) {
          lines.push_back({R"({"command": "find", "text": "tw"})", {"find", "tw"}, ""});
        } else {
          const std::string depth = std::to_string(rng() % 4);
          lines.push_back({R"({"command": "neighbors", "entity": ")" + a + R"(", "count": true, "depth": )" + depth +
                               R"(, "directed": true})",
                           {"neighbors", a, "--count", "--depth", depth, "--directed"}, ""});
        }
        break;
      case 3: lines.push_back({R"({"command": "path", "from": ")" + a + R"(", "to": ")" + b +
                                   R"(", "via": ["lawsuit", "jailed"], "directed": false})",
                               {"path", a, b, "--via", "lawsuit", "--via", "jailed"}, ""}); break;
      case 4: lines.push_back({"{not json", {}, "not a JSON object"}); break;
      case 5: lines.push_back({R"({"command": "launch"})", {},
                               "unknown command 'launch' (batch answers check, stats, find, show, path, timeline, "
                               "neighbors, rank, brokers and query)"}); break;
      case 6: lines.push_back({R"({"command": "show", "entity": "Nobody Atall"})", {}, "unknown entity 'Nobody Atall'"}); break;
      case 7: lines.push_back({R"({"command": "path", "from": ")" + a + R"(", "to": ")" + b + R"(", "max-hopz": 2})", {},
                               "unknown option 'max-hopz' for path; did you mean 'max-hops'?"}); break;
      case 8:
        if (rng() % 2) {
          lines.push_back({R"({"command": "rank", "by": "pagerank", "top": 3})", {"rank", "--by", "pagerank", "--top", "3"}, ""});
        } else {
          const std::string q = "MATCH (a {id: $who})-[r]-(b) RETURN b.name, type(r) ORDER BY b.name, type(r)";
          lines.push_back({R"({"command": "query", "text": ")" + q + R"(", "params": {"who": "twitter"}})",
                           {"query", q, "--param", "who=twitter"}, ""});
        }
        break;
      default: lines.push_back({R"({"command": "timeline", "entity": ")" + a + R"(", "since": "2021-03-01"})",
                                {"timeline", a, "--since", "2021-03-01"}, ""}); break;
    }
  }
  std::string input;
  for (const Line& l : lines) input += l.json + "\n\n";  // blank lines ask nothing
  const casegraph::testing::CliRun run = casegraph::testing::RunCli({"-g", kGraph, "batch"}, input);
  CHECK(run.status == 0);
  const std::string& output = run.out;
  std::istringstream answers(output);
  std::string answer;
  std::map<std::string, std::string> single;  // command line -> its own compact answer
  for (size_t i = 0; i < lines.size(); ++i) {
    REQUIRE(std::getline(answers, answer));
    INFO("line " << 2 * i + 1 << ": " << lines[i].json);
    rapidjson::Document d;
    REQUIRE_FALSE(d.Parse(answer.c_str()).HasParseError());
    REQUIRE(d["casegraph"].GetInt() == 1);
    if (lines[i].args.empty()) {
      REQUIRE(d.HasMember("error"));
      CHECK(d["line"].GetInt() == static_cast<int>(2 * i + 1));
      CHECK(std::string(d["error"].GetString()) == lines[i].error);
      continue;
    }
    REQUIRE_FALSE(d.HasMember("error"));
    std::string key;
    for (const std::string& a : lines[i].args) key += a + "\x1f";
    if (!single.count(key)) {
      std::vector<std::string> args = {"-g", kGraph};
      args.insert(args.end(), lines[i].args.begin(), lines[i].args.end());
      args.push_back("--format");
      args.push_back("json");
      single[key] = Compact(casegraph::testing::RunCli(args).out);
    }
    CHECK(answer == single[key]);
  }
  CHECK_FALSE(std::getline(answers, answer));
}

TEST_CASE("batch stops only when the graph cannot be loaded") {
  const casegraph::testing::CliRun run =
      casegraph::testing::RunCli({"-g", "/nonexistent/graph.json", "batch"}, "{\"command\": \"stats\"}\n");
  CHECK(run.status == 2);
  CHECK(run.out.empty());
}

TEST_CASE("shell reads commands from a pipe, line by line, without prompts") {
  const casegraph::testing::CliRun run = casegraph::testing::RunCli(
      {"-g", kGraph, "shell"},
      "path \"Alexei Navalny\" NCOSE --max-hops 3\n:format json\nfind RKN\nshow 'no such'\n:format yaml\n:quit\nstats\n");
  CHECK(run.status == 0);
  CHECK(run.out.find("Alexei Navalny -> National Center on Sexual Exploitation: 3 hops") != std::string::npos);  // ASCII when piped
  CHECK(run.out.find("\"matched\": \"RKN\"") != std::string::npos);
  CHECK(run.out.find("casegraph>") == std::string::npos);  // no prompt in a pipe
  CHECK(run.out.find("\"entities\": 14") == std::string::npos);  // nothing after :quit
  CHECK(run.err == "casegraph: error: unknown entity 'no such'\ncasegraph: error: :format takes text or json (or csv, for queries)\n");
}

TEST_CASE("shell and batch say what an unknown command or option was meant to be") {
  const casegraph::testing::CliRun shell =
      casegraph::testing::RunCli({"-g", kGraph, "shell"}, "pth Navalny NCOSE\npath Navalny NCOSE --max-hopz 2\n");
  CHECK(shell.status == 0);
  CHECK(shell.err ==
        "casegraph: error: unknown command 'pth'; did you mean 'path'?\n"
        "casegraph: error: unknown option '--max-hopz'; did you mean '--max-hops'?\n");
  const casegraph::testing::CliRun batch = casegraph::testing::RunCli({"-g", kGraph, "batch"}, "{\"command\": \"pth\"}\n");
  CHECK(batch.out.find("unknown command 'pth'; did you mean 'path'? (batch answers") != std::string::npos);
}

TEST_CASE("a line that fails to parse leaves nothing set for the next, in batch and in shell") {
  const std::string bad = "{\"command\": \"path\", \"from\": \"Navalny\", \"to\": \"NCOSE\", \"all\": true, \"limit\": 0}\n";
  const casegraph::testing::CliRun batch = casegraph::testing::RunCli(
      {"-g", kGraph, "batch"}, bad + "{\"command\": \"path\", \"from\": \"Navalny\", \"to\": \"NCOSE\"}\n");
  std::istringstream lines(batch.out);
  std::string first, second;
  REQUIRE(std::getline(lines, first));
  REQUIRE(std::getline(lines, second));
  CHECK(first.find("\"error\":\"--limit: must be a whole number of at least 1, not '0'\"") != std::string::npos);
  CHECK(second.find("\"form\":\"shortest\"") != std::string::npos);  // not the failed line's --all
  const casegraph::testing::CliRun shell = casegraph::testing::RunCli(
      {"-g", kGraph, "shell"}, ":format json\npath Navalny NCOSE --all --limit 0\npath Navalny NCOSE\n");
  CHECK(shell.out.find("\"form\": \"shortest\"") != std::string::npos);
  CHECK(shell.out.find("\"form\": \"all\"") == std::string::npos);
}

TEST_CASE("batch reports every unknown entity of a line") {
  const casegraph::testing::CliRun run = casegraph::testing::RunCli(
      {"-g", kGraph, "batch"}, "{\"command\": \"path\", \"from\": \"Navalni\", \"to\": \"NCOSEE\"}\n"
                               "{\"command\": \"path\", \"from\": \"Navalny\", \"to\": \"NCOSEE\"}\n");
  CHECK(run.out ==
        "{\"casegraph\":1,\"error\":\"unknown entity 'Navalni'; did you mean 'Alexei Navalny' (navalny)?; unknown entity "
        "'NCOSEE'; did you mean 'National Center on Sexual Exploitation' (ncose)?\",\"line\":1}\n"
        "{\"casegraph\":1,\"error\":\"unknown entity 'NCOSEE'; did you mean 'National Center on Sexual Exploitation' "
        "(ncose)?\",\"line\":2}\n");
}

TEST_CASE("neighbors and path lines decoded directly answer as the option parser's (random lines, good and bad)") {
  casegraph::testing::Loaded r = casegraph::testing::Load({kGraph + "/russia-twitter-2021.json"});
  REQUIRE(r.loaded);
  std::shared_ptr<const Graph> g = Graph::Build(std::move(*r.loaded));
  cli::BatchAnswerer direct(g, true), parsed(g, false);
  std::mt19937 rng(29);
  auto pick = [&rng](const std::vector<std::string>& from) { return from[rng() % from.size()]; };
  // Values a key may get: good ones, and those the parser refuses or takes apart.
  const std::vector<std::string> words = {"\"navalny\"", "\"NCOSE\"", "\"Roskomnadzor\"", "\"Nobody\"", "\"\"",
                                          "\"-x\"", "\"[a]\"", "\"twitter,putin\"", "null", "3", "true",
                                          "[\"putin\", \"twitter\"]", "[]", "\"a b\""};
  const std::vector<std::string> lists = {"\"lawsuit\"", "\"lawsuit,jailed\"", "[\"throttle\", \"demand\"]",
                                          "\"nosuch\"", "\"a,,b\"", "[\"\"]", "[1]", "\"fact,alleged\"", "null", "[]",
                                          "\",lawsuit\"", "\"-lawsuit\"", "{}"};
  const std::vector<std::string> numbers = {"0", "1", "2", "3", "-1", "2.0", "\"2\"", "true", "99999999999", "null"};
  const std::vector<std::string> flags = {"true", "false", "null", "1", "\"yes\""};
  const std::vector<std::string> dates = {"\"2021-03-10\"", "\"2021\"", "\"2021-02-30\"", "\"soon\"", "\"\"", "null"};
  struct Option {
    const char* key;
    const std::vector<std::string>* values;
  };
  const std::vector<Option> shared = {{"via", &lists},          {"not-via", &lists},  {"not_via", &lists},
                                      {"status", &lists},       {"avoid", &lists},    {"through-types", &lists},
                                      {"avoid", &words},        {"as-of", &dates},    {"as_of", &dates},
                                      {"since", &dates},        {"until", &dates},    {"directed", &flags},
                                      {"reverse", &flags},      {"format", &words},   {"max-hopz", &numbers},
                                      {"help", &flags}};
  const std::vector<Option> neighbors = {{"depth", &numbers}, {"count", &flags}, {"from", &dates}, {"to", &dates}};
  const std::vector<Option> path = {{"k", &numbers},     {"limit", &numbers},     {"max-hops", &numbers},
                                    {"max_hops", &numbers}, {"all", &flags},     {"simple", &flags},
                                    {"weighted", &flags}, {"chronological", &flags}, {"undated", &dates}};
  const std::vector<std::string> undated = {"\"skip\"", "\"allow\"", "\"maybe\""};
  const std::vector<std::string> names = {"\"navalny\"", "\"NCOSE\"", "\"Roskomnadzor\"", "\"twitter\"", "\"Putin\""};
  int answered = 0, decoded = 0;
  for (int i = 0; i < 4000; ++i) {
    const bool is_path = rng() % 2;
    std::string line = is_path ? R"({"command": "path")" : R"({"command": "neighbors")";
    const int shape = static_cast<int>(rng() % 10);  // mostly well-formed; some positionals odd or missing
    if (is_path) {
      if (shape != 0) line += ", \"from\": " + (shape == 1 ? pick(words) : pick(names));
      if (shape != 2) line += ", \"to\": " + (shape == 3 ? pick(words) : pick(names));
    } else if (shape != 0) {
      line += ", \"entity\": " + (shape == 1 ? pick(words) : pick(names));
    }
    for (int k = static_cast<int>(rng() % 5); k > 0; --k) {
      const std::vector<Option>& own = is_path ? path : neighbors;
      const Option& o = rng() % 2 ? own[rng() % own.size()] : shared[rng() % shared.size()];
      const std::string value = std::string(o.key) == "undated" && rng() % 4 ? pick(undated) : pick(*o.values);
      line += std::string(", \"") + o.key + "\": " + value;
    }
    line += "}";
    INFO("line: " << line);
    const std::string answer = direct.Answer(line, i + 1);
    CHECK(answer == parsed.Answer(line, i + 1));
    if (i % 8 == 0) {  // nothing kept from the lines before (the compiled filter) changes an answer
      cli::BatchAnswerer fresh(g, true);
      CHECK(answer == fresh.Answer(line, i + 1));
    }
    answered += answer.find("\"error\"") == std::string::npos;
    rapidjson::Document d;
    d.Parse(line.c_str());
    decoded += static_cast<bool>(cli::DecodeDirectly(d, nullptr));
  }
  // Enough lines answered, not only refused, and enough of them decoded directly.
  INFO("answered " << answered << ", decoded directly " << decoded);
  CHECK(answered > 400);
  CHECK(decoded > 400);
  CHECK(decoded < 4000);
}

TEST_CASE("neighbour counts put together from a kept answer are those written value by value (random graphs and lines)") {
  std::mt19937 rng(41);
  // Ids JSON must escape (quote, backslash, control characters) and ids it need not.
  const std::vector<std::string> stems = {"q\"uote", "back\\slash", "tab\there", "new\nline", "\xD0\x9D\xD0\xB0", "a/b",
                                          "ctl\x01", "plain"};
  auto quoted = [](const std::string& s) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
    return std::string(buffer.GetString(), buffer.GetSize());
  };
  const std::vector<std::string> filters = {"",
                                            R"(, "via": ["t0"])",
                                            R"(, "via": ["t0", "t2"], "status": ["fact", "alleged"])",
                                            R"(, "not-via": ["t1"], "as-of": "2021-06-01")",
                                            R"(, "since": "2021-03", "until": "2021-09")",
                                            R"(, "through-types": ["person"])"};
  int counted = 0;
  for (int round = 0; round < 30; ++round) {
    Case c = casegraph::testing::RandomCase(rng, 14, 40);
    std::vector<std::string> ids;
    for (size_t v = 0; v < c.entities.size(); ++v) ids.push_back(stems[rng() % stems.size()] + std::to_string(v));
    auto renamed = [&ids](const std::string& old) { return ids[std::stoul(old.substr(1))]; };
    for (Relation& r : c.relations) {
      r.from = renamed(r.from);
      r.to = renamed(r.to);
    }
    for (size_t v = 0; v < c.entities.size(); ++v) c.entities[v].id = ids[v];
    std::shared_ptr<const Graph> g = Graph::Build(std::move(c));
    cli::BatchAnswerer kept(g, true);
    for (int run = 0; run < 8; ++run) {
      // A run of lines that filter alike, of several depths and entities: the kept answer is
      // made by the first count of a depth and used by the next ones.
      std::string shared = filters[rng() % filters.size()];
      const int direction = static_cast<int>(rng() % 3);
      if (direction == 1) shared += R"(, "directed": true)";
      if (direction == 2) shared += R"(, "reverse": true)";
      if (rng() % 4 == 0) shared += ", \"avoid\": [" + quoted(ids[rng() % ids.size()]) + "]";
      for (int i = 0; i < 12; ++i) {
        const std::string line = R"({"command": "neighbors", "count": true, "entity": )" +
                                 quoted(ids[rng() % ids.size()]) + ", \"depth\": " + std::to_string(1 + rng() % 3) +
                                 shared + "}";
        INFO("line: " << line);
        const std::string answer = kept.Answer(line, i + 1);
        cli::BatchAnswerer fresh(g, true);  // nothing kept: written value by value
        CHECK(answer == fresh.Answer(line, i + 1));
        counted += answer.find("\"by_distance\"") != std::string::npos;
      }
    }
  }
  CHECK(counted > 2000);  // of 2,880 lines; the rest avoid the entity they ask about
}
