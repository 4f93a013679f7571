// export --path draws the paths `path` finds, with the same flags: every path form, and with
// --context none only them.
#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <set>
#include <string>
#include <vector>

#include "cli_support.h"

using casegraph::testing::RunCli;

namespace {

rapidjson::Document Parse(const std::string& text) {
  rapidjson::Document d;
  d.Parse(text.c_str());
  REQUIRE_FALSE(d.HasParseError());
  return d;
}

// The relations and entities of every path of a `path --format json` answer.
void PathsOf(const std::string& answer, std::set<std::string>* relations, std::set<std::string>* entities) {
  const rapidjson::Document d = Parse(answer);
  for (const auto& p : d["paths"].GetArray()) {
    for (const auto& e : p["entities"].GetArray()) entities->insert(e.GetString());
    for (const auto& h : p["hops"].GetArray()) relations->insert(h["relation"].GetString());
  }
}

}  // namespace

TEST_CASE("export --path draws what path finds, for every path form, --context none only the paths") {
  const std::string graph = std::string(CASEGRAPH_SOURCE_DIR) + "/graphs";
  const std::vector<std::vector<std::string>> forms = {
      {},
      {"--all"},
      {"-k", "4"},
      {"--simple", "--max-hops", "4"},
      {"--weighted"},
      {"--all", "--status", "fact,reported"},
      {"--directed", "--all"},
      {"twitter-cse-policy", "russian-authorities", "--chronological"},
      {"twitter-cse-policy", "russian-authorities", "--chronological", "--undated", "allow"},
      {"--all", "--avoid", "twitter"},
  };
  for (const std::vector<std::string>& form : forms) {
    std::vector<std::string> ends = {"Navalny", "NCOSE"};
    std::vector<std::string> flags = form;
    if (!form.empty() && form[0] == "twitter-cse-policy") {
      ends = {form[0], form[1]};
      flags.erase(flags.begin(), flags.begin() + 2);
    }
    std::string shown;
    for (const std::string& f : flags) shown += f + " ";
    INFO("flags: " << shown);
    std::vector<std::string> path_args = {"-g", graph, "path", ends[0], ends[1], "--format", "json"};
    path_args.insert(path_args.end(), flags.begin(), flags.end());
    const auto path = RunCli(path_args);
    std::set<std::string> relations, entities;
    PathsOf(path.out, &relations, &entities);
    for (const char* context : {"none", "neighbours"}) {
      INFO("context: " << context);
      std::vector<std::string> export_args = {"-g", graph, "export", "--path", ends[0], ends[1], "--to", "json",
                                              "--context", context};
      export_args.insert(export_args.end(), flags.begin(), flags.end());
      const auto exported = RunCli(export_args);
      if (relations.empty()) {  // no path: export says so, exit 2
        CHECK(path.status == 1);
        CHECK(exported.status == 2);
        continue;
      }
      REQUIRE(exported.status == 0);
      const rapidjson::Document d = Parse(exported.out);
      std::set<std::string> highlighted, links, nodes;
      for (const auto& l : d["links"].GetArray()) {
        links.insert(l["key"].GetString());
        if (l["highlighted"].GetBool()) highlighted.insert(l["key"].GetString());
      }
      for (const auto& n : d["nodes"].GetArray()) nodes.insert(n["id"].GetString());
      CHECK(highlighted == relations);
      if (std::string(context) == "none") {
        CHECK(links == relations);
        CHECK(nodes == entities);
      } else {
        CHECK(std::includes(links.begin(), links.end(), relations.begin(), relations.end()));
        CHECK(std::includes(nodes.begin(), nodes.end(), entities.begin(), entities.end()));
      }
    }
  }
}

TEST_CASE("export: path flags need --path") {
  const std::string graph = std::string(CASEGRAPH_SOURCE_DIR) + "/graphs";
  for (const char* flag : {"--all", "--weighted", "--chronological", "--simple"}) {
    const auto run = RunCli({"-g", graph, "export", flag, "--to", "json"});
    CHECK(run.status == 2);
    CHECK(run.err.find(std::string(flag) + " requires --path") != std::string::npos);
  }
  const auto run = RunCli({"-g", graph, "export", "--context", "none"});
  CHECK(run.status == 2);
}
