// Snapshots: a graph opened from its snapshot is the graph built from its sources, item by item;
// a damaged, stale or foreign snapshot is refused with a message that says why.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include "io/case_file.h"
#include "io/case_writer.h"
#include "io/snapshot.h"
#include "query/filter.h"
#include "query/walker.h"
#include "test_support.h"

using namespace casegraph;
namespace fs = std::filesystem;

namespace {

fs::path TempDir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("casegraph-snapshot-test-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void WriteText(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string DateOr(const std::optional<Date>& d) { return d ? d->text : "-"; }

void RequireSame(const Graph& a, const Graph& b) {
  REQUIRE(a.entity_count() == b.entity_count());
  REQUIRE(a.relation_count() == b.relation_count());
  REQUIRE(a.model().files == b.model().files);
  REQUIRE(a.relation_type_names() == b.relation_type_names());
  REQUIRE(a.entity_type_names() == b.entity_type_names());
  for (EntityId v = 0; v < a.entity_count(); ++v) {
    const Transient<Entity> x_held = a.entity(v);
    const Entity& x = *x_held;
    const Transient<Entity> y_held = b.entity(v);
    const Entity& y = *y_held;
    REQUIRE(x.id == y.id);
    REQUIRE(x.name == y.name);
    REQUIRE(x.type == y.type);
    REQUIRE(x.aliases == y.aliases);
    REQUIRE(FormatLocation(x.where) == FormatLocation(y.where));
    REQUIRE(a.entity_type(v) == b.entity_type(v));
    REQUIRE(b.FindEntity(x.id) == v);
    REQUIRE(a.out(v).size() == b.out(v).size());
    REQUIRE(a.in(v).size() == b.in(v).size());
    for (size_t i = 0; i < a.out(v).size(); ++i) {
      REQUIRE(a.out(v)[i].relation == b.out(v)[i].relation);
      REQUIRE(a.out(v)[i].other == b.out(v)[i].other);
    }
    for (size_t i = 0; i < a.in(v).size(); ++i) REQUIRE(a.in(v)[i].relation == b.in(v)[i].relation);
  }
  for (RelationId r = 0; r < a.relation_count(); ++r) {
    const Transient<Relation> x_held = a.relation(r);
    const Relation& x = *x_held;
    const Transient<Relation> y_held = b.relation(r);
    const Relation& y = *y_held;
    REQUIRE(x.id == y.id);
    REQUIRE(x.id_given == y.id_given);
    REQUIRE(x.type == y.type);
    REQUIRE(x.from == y.from);
    REQUIRE(x.to == y.to);
    REQUIRE(DateOr(x.date) == DateOr(y.date));
    REQUIRE(DateOr(x.start) == DateOr(y.start));
    REQUIRE(DateOr(x.end) == DateOr(y.end));
    REQUIRE(x.status == y.status);
    REQUIRE(x.weight == y.weight);
    REQUIRE(x.evidence.size() == y.evidence.size());
    REQUIRE(FormatLocation(x.where) == FormatLocation(y.where));
    REQUIRE(b.FindRelation(x.id) == r);
    REQUIRE(a.relation_time(r).dated == b.relation_time(r).dated);
    REQUIRE(a.relation_time(r).first == b.relation_time(r).first);
    REQUIRE(a.relation_time(r).last == b.relation_time(r).last);
    REQUIRE(a.relation_weight(r) == b.relation_weight(r));
    REQUIRE(a.relation_status(r) == b.relation_status(r));
  }
}

}  // namespace

TEST_CASE("a snapshot opens as the graph its sources build, over random cases") {
  const fs::path dir = TempDir("roundtrip");
  std::mt19937 rng(5);
  for (int round = 0; round < 40; ++round) {
    INFO("round " << round);
    Case c = casegraph::testing::RandomCase(rng, 1 + static_cast<int>(rng() % 9), static_cast<int>(rng() % 25));
    CaseFile file;
    file.path = (dir / "case.json").string();
    for (const char* t : {"t0", "t1", "t2"}) file.vocabulary.relation_types[t] = c.vocabulary.relation_types.at(t);
    file.entities = c.entities;
    file.relations = c.relations;
    WriteText(dir / "case.json", WriteCaseFile(file));
    std::string csv = "from,to,type,date,status,weight\n";
    for (int i = 0, rows = static_cast<int>(rng() % 30); i < rows; ++i) {
      // Appended piece by piece (GCC 12 warns falsely on long chains of string +).
      csv += 'e';
      csv += std::to_string(rng() % 12);
      csv += ",e";
      csv += std::to_string(rng() % 12);
      csv += rng() % 2 ? ",t1," : ",c,";
      if (rng() % 3 == 0) {
        csv += "2021-0";
        csv += std::to_string(1 + rng() % 9);
      }
      csv += rng() % 2 ? ",fact," : ",,";
      csv += rng() % 2 ? "0.5\n" : "\n";
    }
    WriteText(dir / "edges.csv", csv);
    std::vector<std::string> paths = {(dir / "case.json").string(), (dir / "edges.csv").string()};
    if (rng() % 2) std::swap(paths[0], paths[1]);
    casegraph::testing::Loaded loaded = casegraph::testing::Load(paths);
    REQUIRE(loaded.loaded);
    std::unique_ptr<const Graph> built = Graph::Build(std::move(*loaded.loaded));
    const std::string snap = (dir / "case.snapshot").string();
    REQUIRE(WriteSnapshot(*built, snap).ok());
    REQUIRE(IsSnapshotFile(snap));
    Result<std::unique_ptr<const Graph>> opened = OpenSnapshot(snap);
    REQUIRE(opened.ok());
    const Graph& reopened = *opened.value();
    RequireSame(*built, reopened);
    // Same answers: shortest paths between every pair, both ways of following relations.
    for (Direction d : {Direction::kAny, Direction::kForward}) {
      TraversalFilter fa(*built), fb(reopened);
      fa.direction = fb.direction = d;
      Walker wa(*built, fa), wb(reopened, fb);
      for (EntityId s = 0; s < built->entity_count(); ++s) {
        for (EntityId t = 0; t < built->entity_count(); ++t) {
          std::optional<Path> pa = FewestHops(wa, s, t, std::nullopt), pb = FewestHops(wb, s, t, std::nullopt);
          REQUIRE(pa.has_value() == pb.has_value());
          if (pa) REQUIRE(pa->hops == pb->hops);
        }
      }
    }
  }
  fs::remove_all(dir);
}

// dir/e.csv holding rows, and the snapshot of it, dir/g.snapshot: their paths and the snapshot's bytes.
struct CsvSnapshot {
  std::string csv, snap, good;
};
CsvSnapshot SnapshotOfCsv(const fs::path& dir, const std::string& rows) {
  WriteText(dir / "e.csv", rows);
  CsvSnapshot out{(dir / "e.csv").string(), (dir / "g.snapshot").string(), ""};
  casegraph::testing::Loaded loaded = casegraph::testing::Load({out.csv});
  REQUIRE(loaded.loaded);
  std::unique_ptr<const Graph> g = Graph::Build(std::move(*loaded.loaded));
  REQUIRE(WriteSnapshot(*g, out.snap).ok());
  out.good = ReadText(out.snap);
  return out;
}

TEST_CASE("a snapshot keeps relation statuses, and keeps none when every relation has the default") {
  const fs::path dir = TempDir("statuses");
  for (const std::string rows : {"from,to\na,b\nb,c\n", "from,to,status\na,b,\nb,c,claimed\n"}) {
    INFO(rows);
    const CsvSnapshot s = SnapshotOfCsv(dir, rows);
    casegraph::testing::Loaded loaded = casegraph::testing::Load({s.csv});
    REQUIRE(loaded.loaded);
    std::unique_ptr<const Graph> built = Graph::Build(std::move(*loaded.loaded));
    Result<std::unique_ptr<const Graph>> opened = OpenSnapshot(s.snap);
    REQUIRE(opened.ok());
    const Graph& reopened = *opened.value();
    RequireSame(*built, reopened);
    const bool has_status = rows.find("status") != std::string::npos;
    CHECK(reopened.arrays().status.size() == (has_status ? 2u : 0u));
    CHECK(reopened.relation_status(0) == ClaimStatus::kReported);
    CHECK(reopened.relation_status(1) == (has_status ? ClaimStatus::kClaimed : ClaimStatus::kReported));
  }
  fs::remove_all(dir);
}

TEST_CASE("damaged, stale and foreign snapshots are refused with the reason") {
  const fs::path dir = TempDir("refused");
  const CsvSnapshot made = SnapshotOfCsv(dir, "from,to,type\na,b,x\nb,c,x\n");
  const std::string &csv = made.csv, &snap = made.snap, &good = made.good;
  auto message_of = [&](const std::string& bytes) {
    WriteText(snap, bytes);
    Result<std::unique_ptr<const Graph>> r = OpenSnapshot(snap);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().where().file == snap);
    return r.status().message();
  };
  CHECK(OpenSnapshot(snap).ok());

  std::string flipped = good;
  flipped[flipped.size() - 20] ^= 0x40;
  CHECK(message_of(flipped) == "snapshot is damaged: its checksum does not match");
  CHECK(message_of(good.substr(0, good.size() - 7)).find("snapshot is damaged: ") == 0);
  CHECK(message_of(good.substr(0, 12)).find("snapshot is truncated") == 0);
  CHECK(message_of("CGSNAP") == "not a casegraph snapshot");

  std::string other_version = good;
  const size_t at = other_version.find("0.1.0");
  REQUIRE(at != std::string::npos);
  other_version.replace(at, 5, "0.0.9");
  CHECK(message_of(other_version).find("snapshot was written by casegraph 0.0.9 (snapshot format 10); this is casegraph") == 0);
  std::string other_order = good;
  std::swap(other_order[16], other_order[19]);
  CHECK(message_of(other_order).find("another byte order") != std::string::npos);

  // Every byte of the header is checked (the checksum covers only the body), padding included.
  for (size_t i = 0; i < SnapshotHeaderSize(); ++i) {
    std::string bytes = good;
    bytes[i] ^= 0x01;
    WriteText(snap, bytes);
    INFO("header byte " << i);
    CHECK_FALSE(OpenSnapshot(snap).ok());
  }

  // Every single-byte change is caught (by the checksum, or before it).
  std::mt19937 rng(3);
  for (int i = 0; i < 200; ++i) {
    std::string bytes = good;
    bytes[rng() % bytes.size()] ^= static_cast<char>(1 + rng() % 255);
    WriteText(snap, bytes);
    CHECK_FALSE(OpenSnapshot(snap).ok());
  }

  WriteText(snap, good);
  REQUIRE(OpenSnapshot(snap).ok());
  fs::last_write_time(csv, fs::last_write_time(csv) + std::chrono::seconds(5));
  const std::string stale = message_of(good);
  CHECK(stale.find("snapshot is stale: ") == 0);
  CHECK(stale == "snapshot is stale: " + fs::weakly_canonical(csv).string() + " changed since it was built");
  REQUIRE(SnapshotSources(snap).ok());
  CHECK(SnapshotSources(snap).value() == std::vector<std::string>{csv});  // what the command line's advice names

  fs::remove_all(dir);
}

TEST_CASE("a large snapshot, its checksum worked out while it is read, still says damage first") {
  const fs::path dir = TempDir("large");
  std::string rows = "from,to,type\n";
  for (int i = 0; i < 200000; ++i) {
    rows += 'e';
    rows += std::to_string(i % 60000);
    rows += ",e";
    rows += std::to_string((i * 7 + 1) % 60000);
    rows += ",x\n";
  }
  const CsvSnapshot made = SnapshotOfCsv(dir, rows);
  const std::string &csv = made.csv, &snap = made.snap, &good = made.good;
  REQUIRE(good.size() > (size_t{4} << 20));  // large enough for the checksum's own thread
  REQUIRE(OpenSnapshot(snap).ok());
  CHECK(OpenSnapshot(snap).value()->relation_count() == 200000);
  std::mt19937 rng(5);
  for (int i = 0; i < 20; ++i) {
    std::string bytes = good;
    const size_t at = SnapshotHeaderSize() + rng() % (bytes.size() - SnapshotHeaderSize());
    bytes[at] ^= static_cast<char>(1 + rng() % 255);
    WriteText(snap, bytes);
    Result<std::unique_ptr<const Graph>> r = OpenSnapshot(snap);
    INFO("byte " << at);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message() == "snapshot is damaged: its checksum does not match");
    CHECK(SnapshotSources(snap).status().message() == "snapshot is damaged: its checksum does not match");
  }
  // Damaged and stale: the damage is what is said, as when the checksum was worked out first.
  std::string bytes = good;
  bytes[bytes.size() / 2] ^= 0x10;
  WriteText(snap, bytes);
  fs::last_write_time(csv, fs::last_write_time(csv) + std::chrono::seconds(5));
  CHECK(OpenSnapshot(snap).status().message() == "snapshot is damaged: its checksum does not match");
  WriteText(snap, good);
  CHECK(OpenSnapshot(snap).status().message().find("snapshot is stale: ") == 0);
  fs::remove_all(dir);
}

TEST_CASE("a column viewing a snapshot's bytes grows as a copy, leaving the bytes alone") {
  auto bytes = std::make_shared<std::vector<uint32_t>>(std::vector<uint32_t>{4, 5, 6});
  Column<uint32_t> view = Column<uint32_t>::View(bytes->data(), 2, bytes);
  CHECK(bytes.use_count() == 2);
  Column<uint32_t> copy = view;  // a copy of a view views the same bytes
  CHECK(copy.data() == bytes->data());
  view.push_back(9);
  CHECK(std::vector<uint32_t>(view.begin(), view.end()) == std::vector<uint32_t>{4, 5, 9});
  CHECK(view.data() != bytes->data());
  CHECK(*bytes == std::vector<uint32_t>{4, 5, 6});
  CHECK(bytes.use_count() == 2);  // the copy still keeps them; the grown one no longer does
  const uint32_t more[] = {1, 2};
  copy.append(more, 2);
  CHECK(std::vector<uint32_t>(copy.begin(), copy.end()) == std::vector<uint32_t>{4, 5, 1, 2});
  CHECK(bytes.use_count() == 1);

  Column<uint32_t> owned;
  owned.reserve(3);
  for (uint32_t i = 0; i < 3; ++i) owned.push_back(i);
  Column<uint32_t> moved = std::move(owned);
  moved.push_back(7);
  CHECK(std::vector<uint32_t>(moved.begin(), moved.end()) == std::vector<uint32_t>{0, 1, 2, 7});
}
