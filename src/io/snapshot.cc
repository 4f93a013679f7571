#include "io/snapshot.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <future>
#include <optional>

#include "io/atomic_write.h"
#include "io/checksum.h"
#include "io/file_bytes.h"
#include "io/snapshot_check.h"
#include "io/snapshot_codec.h"
#include "model/version.h"

namespace casegraph {

namespace {

constexpr char kMagic[8] = {'C', 'G', 'S', 'N', 'A', 'P', '\r', '\n'};
constexpr uint32_t kSnapshotFormat = 10;
constexpr uint32_t kByteOrderMark = 0x01020304;

Status Damaged(const std::string& why) { return Status::Corrupt(Message("snapshot is damaged: ", why)); }

// The header: magic, format, byte order, version, padding to 8 bytes, body size, checksum. On
// success *body_begin is where the body starts and *checksum what its checksum must be.
Status ReadHeader(const FileBytes& file, size_t* body_begin, uint64_t* checksum) {
  const std::string_view bytes = file.view();
  ByteReader head(file.owner(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), 0);
  char magic[sizeof kMagic];
  head.Raw(magic, sizeof magic);
  if (!head.ok() || std::memcmp(magic, kMagic, sizeof magic) != 0) {
    return Status::Unsupported(Message("not a casegraph snapshot"));
  }
  const uint64_t format = head.U64();
  const uint64_t order = head.U64();
  const std::string version = head.Str();
  char pad[8] = {};
  const size_t pad_size = (8 - (sizeof kMagic + 24 + version.size()) % 8) % 8;
  head.Raw(pad, pad_size);
  const uint64_t body_size = head.U64();
  *checksum = head.U64();
  if (!head.ok()) return Status::Corrupt(Message("snapshot is truncated"));
  if (std::any_of(pad, pad + pad_size, [](char c) { return c != 0; })) {  // the checksum covers the body only
    return Damaged("its header is not as casegraph writes it");
  }
  if (order != kByteOrderMark) return Status::Unsupported(Message("snapshot was written on a machine of another byte order"));
  if (format != kSnapshotFormat || version != kCasegraphVersion) {
    return Status::Unsupported(Message("snapshot was written by casegraph ", version, " (snapshot format ",
                                       std::to_string(format), "); this is casegraph ", kCasegraphVersion,
                                       " (snapshot format ", std::to_string(kSnapshotFormat), ")"));
  }
  const size_t version_end = sizeof kMagic + 8 + 8 + 8 + version.size();
  *body_begin = version_end + (8 - version_end % 8) % 8 + 8 + 8;
  if (bytes.size() != *body_begin + body_size) {
    return Damaged(std::to_string(bytes.size()) + " bytes where its header says " + std::to_string(*body_begin + body_size));
  }
  return Status();
}

// Whether a body's checksum is the header's: worked out on a second thread for a large body, while
// the body is read and checked (every check is safe on any bytes, so none waits for it), and on
// the asking thread for a small one, when asked. Holds the mapping alive while it reads (a future
// of std::async waits for its thread when dropped; a deferred one never runs unasked).
class ChecksumCheck {
 public:
  ChecksumCheck(std::shared_ptr<const void> owner, const char* data, size_t size, uint64_t expected)
      : matches_(std::async(size >= kOwnThread ? std::launch::async : std::launch::deferred,
                            [owner = std::move(owner), data, size, expected] { return Checksum(data, size, 0) == expected; })) {}
  bool Matches() { return matches_.get(); }

 private:
  static constexpr size_t kOwnThread = size_t{4} << 20;  // bytes
  std::future<bool> matches_;
};

// The snapshot's body read, and its checksum being checked; the graph's arrays not yet verified.
struct ReadingBody {
  Result<SnapshotBody> body;
  std::optional<ChecksumCheck> checksum;  // absent when the header was refused
  // The body, or why it cannot be used: a damaged checksum said before any other damage.
  Status Finish() {
    if (checksum && !checksum->Matches()) return Damaged("its checksum does not match");
    return body.ok() ? Status() : body.status();
  }
};

ReadingBody ReadBody(const std::string& path) {
  Result<FileBytes> file = FileBytes::Open(path, 0);
  if (!file.ok()) return {file.status(), std::nullopt};
  size_t begin = 0;
  uint64_t checksum = 0;
  if (Status s = ReadHeader(file.value(), &begin, &checksum); !s.ok()) return {s, std::nullopt};
  const std::string_view bytes = file.value().view();
  ReadingBody out{SnapshotBody(), ChecksumCheck(file.value().owner(), bytes.data() + begin, bytes.size() - begin, checksum)};
  ByteReader reader(file.value().owner(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), begin);
  out.body = ReadSnapshotBody(&reader);
  if (!reader.ok() || !reader.at_end()) out.body = Damaged("its contents do not fit its size");
  return out;
}

}  // namespace

bool IsSnapshotFile(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  char head[sizeof kMagic];
  const bool is = std::fread(head, 1, sizeof head, f) == sizeof head && std::memcmp(head, kMagic, sizeof head) == 0;
  std::fclose(f);
  return is;
}

std::string SnapshotHeaderFor(const std::string& body) {
  ByteWriter head;
  head.Raw(kMagic, sizeof kMagic);
  head.U64(kSnapshotFormat);
  head.U64(kByteOrderMark);
  head.Str(kCasegraphVersion);
  head.Raw("\0\0\0\0\0\0\0", (8 - head.bytes().size() % 8) % 8);  // the body starts 8-aligned: its arrays too
  head.U64(body.size());
  head.U64(Checksum(body.data(), body.size(), 0));
  return head.bytes();
}

size_t SnapshotHeaderSize() { return SnapshotHeaderFor("").size(); }

Status WriteSnapshot(const Graph& g, const std::string& path) {
  std::vector<SourceStamp> stamps;
  std::vector<std::string> texts;
  for (const std::string& name : g.model().files) {
    std::optional<SourceStamp> stamp = StampOf(name);
    if (!stamp) return Status::Io(Message(name, ": cannot read it again: ", std::strerror(errno)));
    std::string text;
    if (!stamp->csv) {
      Result<std::string> bytes = ReadFileBytes(name);
      if (!bytes.ok()) return Status::Io(Message(name, ": ", bytes.status().message()));
      text = std::move(bytes).value();
    }
    stamps.push_back(std::move(*stamp));
    texts.push_back(std::move(text));
  }
  ByteWriter body;
  WriteSnapshotBody(g, stamps, texts, &body);
  std::string bytes = SnapshotHeaderFor(body.bytes());
  bytes += body.bytes();
  return WriteFileAtomically(path, bytes);
}

Result<std::unique_ptr<const Graph>> OpenSnapshot(const std::string& path) {
  ReadingBody read = ReadBody(path);
  if (!read.body.ok()) return Status(read.Finish()).At(Location{path});
  SnapshotBody& body = read.body.value();
  Status stale;
  for (const SourceStamp& s : body.stamps) {
    if (ChangedSince(s)) {
      stale = Status::Corrupt(Message("snapshot is stale: ", s.absolute, " changed since it was built"));
      break;
    }
  }
  Diagnostics rereading;
  std::optional<Case> c;
  bool agree = false;
  if (stale.ok()) {
    c = RebuildCase(body.files, std::move(body.table), body.implied_types, &rereading);
    agree = ErrorCount(rereading) == 0 && VerifySnapshotArrays(*c, body.arrays);
  }
  if (Status s = read.Finish(); !s.ok()) return std::move(s).At(Location{path});
  if (!stale.ok()) return std::move(stale).At(Location{path});
  if (!agree) return Damaged("its contents do not agree with each other").At(Location{path});
  return Graph::Adopt(std::move(*c), std::move(body.arrays));
}

Result<std::vector<std::string>> SnapshotSources(const std::string& path) {
  ReadingBody read = ReadBody(path);
  if (Status s = read.Finish(); !s.ok()) return std::move(s).At(Location{path});
  std::vector<std::string> names;
  for (const SourceStamp& s : read.body.value().stamps) names.push_back(s.name);
  return names;
}

}  // namespace casegraph
