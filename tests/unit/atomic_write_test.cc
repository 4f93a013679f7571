// Atomic writes: a directory of streamed files equals what was streamed, across write chunks,
// and a failed write leaves nothing behind.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "io/atomic_write.h"

using namespace casegraph;
namespace fs = std::filesystem;

namespace {

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("atomic write: streamed files hold every piece in order, across megabyte chunks") {
  const fs::path dir = fs::temp_directory_path() / ("casegraph-atomic-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  std::mt19937 random(11);
  std::string expected;
  std::vector<std::string> pieces;
  while (expected.size() < 3 * (1 << 20) + 17) {  // pieces of 0 to 70,000 bytes, over three chunks
    std::string piece(random() % 70000, static_cast<char>('a' + random() % 26));
    expected += piece;
    pieces.push_back(std::move(piece));
  }
  const Status s = WriteDirectoryAtomically(
      dir.string(), {{"big.txt", [&](const TextSink& write) { for (const std::string& p : pieces) write(p); }},
                     {"empty.txt", [](const TextSink&) {}}});
  REQUIRE(s.ok());
  CHECK(Slurp(dir / "big.txt") == expected);
  CHECK(fs::file_size(dir / "empty.txt") == 0);
  // Written again, the directory is replaced whole.
  REQUIRE(WriteDirectoryAtomically(dir.string(), {{"other.txt", std::string("x")}}).ok());
  CHECK_FALSE(fs::exists(dir / "big.txt"));
  CHECK(Slurp(dir / "other.txt") == "x");
  fs::remove_all(dir);
}

TEST_CASE("atomic write: a directory that cannot be made leaves nothing, and says where") {
  const fs::path parent = fs::temp_directory_path() / ("casegraph-atomic-none-" + std::to_string(::getpid())) / "deeper";
  const Status s = WriteDirectoryAtomically((parent / "out").string(), {{"a.txt", [](const TextSink& write) { write("a"); }}});
  CHECK_FALSE(s.ok());
  CHECK(s.message().find(parent.string()) != std::string::npos);
  CHECK_FALSE(fs::exists(parent));
}
