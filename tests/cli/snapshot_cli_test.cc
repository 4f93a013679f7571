// Snapshots on the command line: build writes one, -g opens it, and a refused one says why and
// how to rebuild it.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "cli_support.h"

using namespace casegraph;
namespace fs = std::filesystem;

namespace {

fs::path TempDir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("casegraph-snapshot-cli-test-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("build writes a snapshot that the command line opens") {
  const fs::path dir = TempDir("cli");
  const std::string graph = std::string(CASEGRAPH_SOURCE_DIR) + "/graphs";
  const std::string snap = (dir / "case.snapshot").string();
  const casegraph::testing::CliRun built = casegraph::testing::RunCli({"-g", graph, "build", "-o", snap});
  REQUIRE(built.status == 0);
  CHECK(built.out.find("wrote " + snap + ": 14 entities, 27 relations from 1 file") == 0);
  for (const std::vector<std::string>& q : std::vector<std::vector<std::string>>{
           {"path", "Navalny", "NCOSE", "--format", "json"},
           {"timeline", "Twitter"},
           {"stats", "--format", "json"},
           {"check"}}) {
    std::vector<std::string> from_sources = {"-g", graph}, from_snapshot = {"-g", snap};
    from_sources.insert(from_sources.end(), q.begin(), q.end());
    from_snapshot.insert(from_snapshot.end(), q.begin(), q.end());
    const casegraph::testing::CliRun a = casegraph::testing::RunCli(from_sources), b = casegraph::testing::RunCli(from_snapshot);
    INFO(q[0]);
    CHECK(a.status == b.status);
    CHECK(a.out == b.out);
  }
  const casegraph::testing::CliRun nowhere = casegraph::testing::RunCli({"-g", graph, "build", "-o", (dir / "no/such/dir/x").string()});
  CHECK(nowhere.status == 2);
  CHECK(nowhere.err.find("cannot write snapshot") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "no"));
  fs::remove_all(dir);
}

TEST_CASE("a refused snapshot says why and how to rebuild it, nothing else opens with it") {
  const fs::path dir = TempDir("refused");
  std::ofstream(dir / "e.csv") << "from,to,type\na,b,x\nb,c,x\n";
  const std::string csv = (dir / "e.csv").string();
  const std::string snap = (dir / "g.snapshot").string();
  REQUIRE(casegraph::testing::RunCli({"-g", csv, "build", "-o", snap}).status == 0);
  const casegraph::testing::CliRun mixed = casegraph::testing::RunCli({"-g", snap, "-g", csv, "stats"});
  CHECK(mixed.status == 2);
  CHECK(mixed.err.find("a snapshot is a whole graph") != std::string::npos);
  fs::last_write_time(csv, fs::last_write_time(csv) + std::chrono::seconds(5));
  const casegraph::testing::CliRun stale_run = casegraph::testing::RunCli({"-g", snap, "stats"});
  CHECK(stale_run.status == 2);
  CHECK(stale_run.err.find("snapshot is stale") != std::string::npos);
  CHECK(stale_run.err.find("e.csv changed since it was built; rebuild it with casegraph build -o " + snap + " -g " + csv) !=
        std::string::npos);
  const casegraph::testing::CliRun again = casegraph::testing::RunCli({"-g", snap, "build", "-o", snap + "2"});
  CHECK(again.status == 2);
  // A damaged one cannot say what it was built from.
  std::fstream(snap, std::ios::in | std::ios::out | std::ios::binary).seekp(-20, std::ios::end).put('!');
  const casegraph::testing::CliRun damaged = casegraph::testing::RunCli({"-g", snap, "stats"});
  CHECK(damaged.status == 2);
  CHECK(damaged.err.find("snapshot is damaged: its checksum does not match; rebuild it with casegraph build -o " + snap +
                         " -g SOURCES") != std::string::npos);
  fs::remove_all(dir);
}
