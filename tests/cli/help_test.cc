// Help is generated from the command definitions, so it cannot drift from them; its examples
// run on the bundled case.
#include <catch2/catch.hpp>

#include <sstream>

#include "cli/context.h"
#include "cli/help.h"
#include "cli_support.h"
#include "test_support.h"

using namespace casegraph;

namespace {

int RunCli(const std::vector<std::string>& args, std::string* out) {
  const casegraph::testing::CliRun run = casegraph::testing::RunCli(args);
  *out = run.out;
  return run.status;
}

}  // namespace

TEST_CASE("every command's help mentions every option and shows examples") {
  cli::Context ctx;
  auto app = cli::BuildApp(&ctx, true);
  size_t commands = 0;
  for (CLI::App* sub : app->get_subcommands({})) {
    if (sub->get_name().rfind("__", 0) == 0) continue;  // hidden helpers of completion and the build
    INFO(sub->get_name());
    std::string help;
    REQUIRE(RunCli({"help", sub->get_name()}, &help) == 0);
    for (const CLI::Option* o : sub->get_options()) {
      for (const std::string& name : o->get_lnames()) CHECK(help.find("--" + name) != std::string::npos);
    }
    if (sub->get_name() != "help") CHECK(help.find("Examples (on the bundled case):") != std::string::npos);
    ++commands;
  }
  CHECK(commands >= 14);
}

TEST_CASE("the examples in the help run on the bundled case") {
  const std::string graph = std::string(CASEGRAPH_SOURCE_DIR) + "/graphs";
  cli::Context ctx;
  auto app = cli::BuildApp(&ctx, true);
  size_t ran = 0;
  for (CLI::App* sub : app->get_subcommands({})) {
    const std::string name = sub->get_name();
    if (name == "import" || name == "fmt" || name == "diff" || name == "batch" || name == "shell" || name == "build") continue;  // files or stdin
    for (const auto& example : cli::ExamplesOf(name)) {
      std::vector<std::string> args = {"-g", graph};
      args.insert(args.end(), example.begin(), example.end());
      std::string out;
      INFO(name);
      CHECK(RunCli(args, &out) == 0);
      CHECK_FALSE(out.empty());
      ++ran;
    }
  }
  CHECK(ran >= 20);
}

TEST_CASE("help format summarises the case-file format") {
  std::string out;
  REQUIRE(RunCli({"help", "format"}, &out) == 0);
  CHECK(out.find("\"casegraph\": 1") != std::string::npos);
  CHECK(out.find("graphs/README.md") != std::string::npos);
  CHECK(RunCli({"help", "nonsense"}, &out) == 2);
}
