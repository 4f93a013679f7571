// fmt on the command line: a file rewritten in place, atomically; a file that does not load never is.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "cli_support.h"
#include "io/file_bytes.h"

using namespace casegraph;
namespace fs = std::filesystem;

TEST_CASE("fmt rewrites a file in place and leaves a broken one untouched") {
  const fs::path dir = fs::temp_directory_path() / "casegraph-fmt-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string messy = "{\"entities\":[{\"type\":\"person\",\"name\":\"A\",\"id\":\"a\"}],\"casegraph\":1}";
  const std::string broken = "{\"casegraph\": 1, \"entities\": [ { \"id\": \"a\" } ]}";
  std::ofstream(dir / "messy.json") << messy;
  std::ofstream(dir / "broken.json") << broken;
  auto run = [&](const std::vector<std::string>& args, std::string* out) {
    const casegraph::testing::CliRun r = casegraph::testing::RunCli(args);
    *out = r.out + r.err;
    return r.status;
  };
  std::string output, error;
  CHECK(run({"fmt", "--check", (dir / "messy.json").string()}, &output) == 1);
  CHECK(ReadFileBytes((dir / "messy.json").string()).value() == messy);  // --check changes nothing
  CHECK(run({"fmt", (dir / "messy.json").string(), (dir / "broken.json").string()}, &output) == 2);
  CHECK(output.find("broken.json left as it is") != std::string::npos);
  CHECK(ReadFileBytes((dir / "broken.json").string()).value() == broken);
  const std::string formatted = ReadFileBytes((dir / "messy.json").string()).value();
  CHECK(formatted ==
        "{\n  \"casegraph\": 1,\n  \"entities\": [\n    { \"id\": \"a\", \"name\": \"A\", \"type\": \"person\" }\n  ]\n}\n");
  CHECK(run({"fmt", "--check", (dir / "messy.json").string()}, &output) == 0);
  // No temporary files are left behind.
  size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++entries;
  CHECK(entries == 2);
  fs::remove_all(dir);
}
