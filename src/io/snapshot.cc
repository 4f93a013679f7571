#include "io/snapshot.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <type_traits>

#include "io/atomic_write.h"
#include "io/case_loader.h"
#include "io/source_text.h"
#include "model/version.h"

namespace casegraph {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'C', 'G', 'S', 'N', 'A', 'P', '\r', '\n'};
constexpr uint32_t kSnapshotFormat = 5;
constexpr uint32_t kByteOrderMark = 0x01020304;

constexpr uint64_t kP1 = 0x9E3779B185EBCA87ull, kP2 = 0xC2B2AE3D27D4EB4Full, kP3 = 0x165667B19E3779F9ull;

uint64_t Rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
uint64_t Round(uint64_t acc, uint64_t word) { return Rotl(acc + word * kP2, 31) * kP1; }

struct SourceStamp {
  std::string name;      // as in Case::files
  std::string absolute;  // for the staleness check
  bool csv = false;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
};

bool Stamp(const std::string& path, uint64_t* size, int64_t* mtime_ns) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return false;
  *size = static_cast<uint64_t>(st.st_size);
  *mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return true;
}

bool IsCsv(const std::string& name) { return name.size() >= 4 && name.compare(name.size() - 4, 4, ".csv") == 0; }

// Appends sections to a byte string. Arrays start at multiples of 8 bytes from the start of the
// body, so that a reader can use them where they lie in a mapping of the file.
class Writer {
 public:
  void Raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  void U64(uint64_t v) { Raw(&v, sizeof v); }
  void Str(const std::string& s) {
    U64(s.size());
    Raw(s.data(), s.size());
  }
  template <typename T>
  void Array(const T* data, size_t n) {
    static_assert(std::is_trivially_copyable_v<T> && (std::is_arithmetic_v<T> || std::has_unique_object_representations_v<T>),
                  "written as raw bytes: no padding");
    U64(n);
    out_.append((8 - out_.size() % 8) % 8, '\0');
    Raw(data, n * sizeof(T));
  }
  template <typename T>
  void Vec(const std::vector<T>& v) { Array(v.data(), v.size()); }
  template <typename T>
  void Vec(const Column<T>& v) { Array(v.data(), v.size()); }
  void Strings(const std::vector<std::string>& v) {
    U64(v.size());
    for (const std::string& s : v) Str(s);
  }
  void Where(const Location& l) {
    Str(l.file);
    U64(static_cast<uint64_t>(l.line));
    U64(static_cast<uint64_t>(l.column));
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

// A read-only mapping of a whole file.
struct Mapping {
  const unsigned char* data = nullptr;
  size_t size = 0;
  ~Mapping() {
    if (data) ::munmap(const_cast<unsigned char*>(data), size);
  }
};

// Reads sections back from the mapped body; every read is checked against its length. Arrays
// are used where they lie (Column views that keep the mapping alive).
class Reader {
 public:
  Reader(std::shared_ptr<const Mapping> mapping, size_t begin) : mapping_(std::move(mapping)), pos_(begin), begin_(begin) {}

  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == mapping_->size; }

  void Raw(void* p, size_t n) {
    if (!ok_ || n > mapping_->size - pos_) {
      ok_ = false;
      return;
    }
    std::memcpy(p, mapping_->data + pos_, n);
    pos_ += n;
  }
  uint64_t U64() {
    uint64_t v = 0;
    Raw(&v, sizeof v);
    return v;
  }
  // A count of items of the given size, refused if the rest of the file cannot hold that many.
  size_t Count(size_t item) {
    const uint64_t n = U64();
    const size_t left = mapping_->size - pos_;
    if (!ok_ || n > left / std::max<size_t>(item, 1)) {
      ok_ = false;
      return 0;
    }
    return static_cast<size_t>(n);
  }
  std::string Str() {
    std::string s(Count(1), '\0');
    Raw(s.data(), s.size());
    return s;
  }
  template <typename T>
  Column<T> View() {
    const size_t n = Count(sizeof(T));
    pos_ += std::min((8 - (pos_ - begin_) % 8) % 8, mapping_->size - pos_);
    if (!ok_ || n > (mapping_->size - pos_) / sizeof(T)) {
      ok_ = false;
      return Column<T>();
    }
    const T* at = reinterpret_cast<const T*>(mapping_->data + pos_);
    pos_ += n * sizeof(T);
    return Column<T>::View(at, n, mapping_);
  }
  template <typename T>
  void Vec(std::vector<T>* v) {
    Column<T> c = View<T>();
    v->assign(c.begin(), c.end());
  }
  std::vector<std::string> Strings() {
    std::vector<std::string> v(Count(8));
    for (std::string& s : v) s = Str();
    return v;
  }
  Location Where() {
    Location l;
    l.file = Str();
    l.line = static_cast<int>(U64());
    l.column = static_cast<int>(U64());
    return l;
  }

 private:
  std::shared_ptr<const Mapping> mapping_;
  size_t pos_;
  size_t begin_;
  bool ok_ = true;
};

std::string DateText(const std::optional<Date>& d) { return d ? d->text : std::string(); }

std::optional<Date> DateOf(const std::string& text) {
  if (text.empty()) return std::nullopt;
  std::string error;
  return ParseDate(text, &error);
}

}  // namespace

uint64_t Checksum(const void* data, size_t size, uint64_t seed) {
  const unsigned char* p = static_cast<const unsigned char*>(data);
  uint64_t lane[4] = {seed + kP1 + kP2, seed + kP2, seed, seed - kP1};
  size_t i = 0;
  for (; i + 32 <= size; i += 32) {
    for (int k = 0; k < 4; ++k) {
      uint64_t w;
      std::memcpy(&w, p + i + 8 * k, 8);
      lane[k] = Round(lane[k], w);
    }
  }
  uint64_t h = Rotl(lane[0], 1) + Rotl(lane[1], 7) + Rotl(lane[2], 12) + Rotl(lane[3], 18) + size;
  for (; i + 8 <= size; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    h = Rotl(h ^ Round(0, w), 27) * kP1 + kP3;
  }
  for (; i < size; ++i) h = Rotl(h ^ (p[i] * kP3), 11) * kP1;
  h ^= h >> 33;
  h *= kP2;
  h ^= h >> 29;
  return h;
}

// Friend of Graph: reads and writes its arrays.
class SnapshotCodec {
 public:
  static void Write(const Graph& g, const std::vector<SourceStamp>& stamps, const std::vector<std::string>& texts,
                    Writer* w) {
    const Case& m = g.model_;
    w->U64(stamps.size());
    for (size_t i = 0; i < stamps.size(); ++i) {
      w->Str(stamps[i].name);
      w->Str(stamps[i].absolute);
      w->U64(stamps[i].csv);
      w->U64(stamps[i].size);
      w->U64(static_cast<uint64_t>(stamps[i].mtime_ns));
      w->Str(texts[i]);
    }
    const EdgeTable& t = m.edges;
    w->U64(t.type_names.size());
    for (const std::string& type : t.type_names) {
      w->Str(type);
      w->Where(m.vocabulary.relation_types.at(type).where);
    }
    w->Str(t.entity_ids);
    w->Vec(t.entity_id_end);
    w->Vec(t.entity_where);
    w->Vec(t.status);
    w->Vec(t.weight);
    w->Vec(t.line);
    w->U64(t.files.size());
    for (const EdgeFile& f : t.files) {
      w->U64(f.file);
      w->Str(f.stem);
      w->U64(f.first_row);
      w->U64(f.rows);
    }
    w->U64(t.ids.size());
    for (const auto& [row, id] : t.ids) {
      w->U64(row);
      w->Str(id);
    }
    w->U64(t.dates.size());
    for (const auto& [row, d] : t.dates) {
      w->U64(row);
      w->Str(DateText(d.date));
      w->Str(DateText(d.start));
      w->Str(DateText(d.end));
    }
    w->Vec(g.from_);
    w->Vec(g.to_);
    w->Vec(g.relation_type_);
    w->Vec(g.entity_type_);
    w->Vec(g.status_);
    std::vector<int32_t> time;  // flags, first, last: DayInterval has padding
    time.reserve(g.time_.size() * 3);
    for (const DayInterval& d : g.time_) {
      time.push_back((d.dated ? 1 : 0) | (d.span ? 2 : 0));
      time.push_back(d.first);
      time.push_back(d.last);
    }
    w->Vec(time);
    w->Vec(g.weight_);
    w->Vec(g.out_.offsets);
    w->Vec(g.out_.items);
    w->Vec(g.in_.offsets);
    w->Vec(g.in_.items);
    w->U64(g.entity_ids_.size());
    w->Array(g.entity_ids_.slots(), g.entity_ids_.capacity());
    w->Strings(g.relation_type_names_);
    w->Strings(g.entity_type_names_);
  }

  struct Parts {
    std::vector<StoredFile> files;
    EdgeTable table;
    std::vector<std::pair<std::string, Location>> implied;
    std::unique_ptr<Graph> graph;
    std::string stale;  // a source file that changed since
  };

  // Reads everything after the header (check r->ok() and the checksum before using it).
  static Parts Read(Reader* r) {
    Parts parts;
    std::vector<StoredFile>& files = parts.files;
    std::string* stale = &parts.stale;
    files.resize(r->Count(40));
    for (StoredFile& f : files) {
      f.name = r->Str();
      const std::string absolute = r->Str();
      f.csv = r->U64() != 0;
      const uint64_t size = r->U64();
      const int64_t mtime = static_cast<int64_t>(r->U64());
      f.text = r->Str();
      uint64_t now_size = 0;
      int64_t now_mtime = 0;
      if (r->ok() && stale->empty() && Stamp(absolute, &now_size, &now_mtime) && (now_size != size || now_mtime != mtime)) {
        *stale = absolute;
      }
      if (f.csv) f.text.clear();
    }
    EdgeTable& t = parts.table;
    std::vector<std::pair<std::string, Location>>& implied = parts.implied;
    implied.resize(r->Count(16));
    for (auto& [type, where] : implied) {
      type = r->Str();
      where = r->Where();
      t.type_names.push_back(type);
    }
    t.entity_ids = r->Str();
    r->Vec(&t.entity_id_end);
    r->Vec(&t.entity_where);
    r->Vec(&t.status);
    r->Vec(&t.weight);
    r->Vec(&t.line);
    t.files.resize(r->Count(32));
    for (EdgeFile& f : t.files) {
      f.file = static_cast<uint32_t>(r->U64());
      f.stem = r->Str();
      f.first_row = static_cast<uint32_t>(r->U64());
      f.rows = static_cast<uint32_t>(r->U64());
    }
    t.ids.resize(r->Count(16));
    for (auto& [row, id] : t.ids) {
      row = static_cast<uint32_t>(r->U64());
      id = r->Str();
    }
    t.dates.resize(r->Count(32));
    for (auto& [row, d] : t.dates) {
      row = static_cast<uint32_t>(r->U64());
      d.date = DateOf(r->Str());
      d.start = DateOf(r->Str());
      d.end = DateOf(r->Str());
    }
    parts.graph.reset(new Graph());
    Graph* g = parts.graph.get();
    g->from_ = r->View<EntityId>();
    g->to_ = r->View<EntityId>();
    g->relation_type_ = r->View<TypeId>();
    g->entity_type_ = r->View<TypeId>();
    g->status_ = r->View<uint8_t>();
    std::vector<int32_t> time;
    r->Vec(&time);
    g->time_.resize(time.size() / 3);
    for (size_t i = 0; i < g->time_.size(); ++i) {
      g->time_[i] = DayInterval{(time[3 * i] & 1) != 0, (time[3 * i] & 2) != 0, time[3 * i + 1], time[3 * i + 2]};
    }
    g->weight_ = r->View<double>();
    g->out_.offsets = r->View<uint32_t>();
    g->out_.items = r->View<Incidence>();
    g->in_.offsets = r->View<uint32_t>();
    g->in_.items = r->View<Incidence>();
    const size_t ids = r->Count(0);
    Column<IdSlot> slots = r->View<IdSlot>();
    if (slots.size() & (slots.size() - 1)) slots = Column<IdSlot>();  // a power of two, or damaged
    g->entity_ids_ = IdTable(std::move(slots), ids);
    g->relation_type_names_ = r->Strings();
    g->entity_type_names_ = r->Strings();
    return parts;
  }

  static void SetCase(Graph* g, Case c) { g->model_ = std::move(c); }

  // The checks a checksum cannot make: the arrays agree with each other and with the case.
  static bool Consistent(const Graph& g) {
    const size_t n = g.model_.entities.size() + g.model_.edges.entity_count();
    const size_t m = g.model_.relations.size() + g.model_.edges.line.size();
    auto adjacency_ok = [&](const Adjacency& a) {
      return a.offsets.size() == n + 1 && a.offsets.front() == 0 && a.offsets.back() == a.items.size() &&
             a.items.size() == m;
    };
    if (!(g.entity_type_.size() == n && g.from_.size() == m && g.to_.size() == m && g.relation_type_.size() == m &&
          g.status_.size() == m && (g.time_.empty() || g.time_.size() == m) &&
          (g.weight_.empty() || g.weight_.size() == m) && adjacency_ok(g.out_) && adjacency_ok(g.in_) &&
          g.entity_ids_.size() == n && g.model_.edges.entity_id_end.size() == g.model_.edges.entity_where.size())) {
      return false;
    }
    // Every number in range, so that no damage the checksum let through can be read out of bounds.
    const uint32_t types = static_cast<uint32_t>(g.relation_type_names_.size());
    const uint32_t entity_types = static_cast<uint32_t>(g.entity_type_names_.size());
    uint32_t bad = 0;
    for (size_t r = 0; r < m; ++r) {
      bad |= (g.from_[r] >= n) | (g.to_[r] >= n) | (g.relation_type_[r] >= types) | (g.status_[r] > 4);
    }
    for (size_t v = 0; v < n; ++v) bad |= g.entity_type_[v] >= entity_types;
    for (const Adjacency* a : {&g.out_, &g.in_}) {
      for (size_t v = 0; v < n; ++v) bad |= a->offsets[v] > a->offsets[v + 1];
      for (const Incidence& i : a->items) bad |= (i.other >= n) | (i.relation >= m) | (i.type >= types);
    }
    const EdgeTable& t = g.model_.edges;
    uint32_t last_end = 0;
    for (uint32_t end : t.entity_id_end) {
      bad |= end < last_end;
      last_end = end;
    }
    bad |= last_end > t.entity_ids.size();
    for (const Mention& w : t.entity_where) bad |= w.file >= g.model_.files.size();
    for (const EdgeFile& f : t.files) {
      bad |= f.file >= g.model_.files.size() || f.first_row > t.line.size() || f.rows > t.line.size() - f.first_row;
    }
    for (const auto& [row, id] : t.ids) bad |= row >= t.line.size();
    for (const auto& [row, d] : t.dates) bad |= row >= t.line.size();
    bad |= (!t.status.empty() && t.status.size() != t.line.size()) || (!t.weight.empty() && t.weight.size() != t.line.size());
    for (uint8_t st : t.status) bad |= st > 4;
    if (bad) return false;
    // Names: sorted, distinct, relation types all in the vocabulary; the case's own relations as
    // the arrays say; the id table a table whose searches end (room left, numbers in range).
    for (const std::vector<std::string>* names : {&g.relation_type_names_, &g.entity_type_names_}) {
      for (size_t i = 1; i < names->size(); ++i) bad |= !((*names)[i - 1] < (*names)[i]);
    }
    for (const std::string& type : g.relation_type_names_) bad |= !g.model_.vocabulary.relation_types.count(type);
    if (bad) return false;
    const IdSlot* slots = g.entity_ids_.slots();
    size_t used = 0;
    for (size_t i = 0; i < g.entity_ids_.capacity(); ++i) {
      used += slots[i].number != 0;
      bad |= slots[i].number > n;
    }
    if (bad || used != n || used >= g.entity_ids_.capacity() || g.entity_ids_.capacity() == 0) return false;
    for (size_t r = 0; r < g.model_.relations.size(); ++r) {
      const Relation& rel = g.model_.relations[r];
      if (g.relation_type_names_[g.relation_type_[r]] != rel.type || g.entity_id(g.from_[r]) != rel.from ||
          g.entity_id(g.to_[r]) != rel.to) {
        return false;
      }
    }
    return true;  // (the table finds each id: what the checksum guarantees; checking costs 50 ms)
  }

  static void Finish(Graph* g) { g->Finish(false); }
};

bool IsSnapshotFile(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  char head[sizeof kMagic];
  const bool is = std::fread(head, 1, sizeof head, f) == sizeof head && std::memcmp(head, kMagic, sizeof head) == 0;
  std::fclose(f);
  return is;
}

std::string SnapshotHeaderFor(const std::string& body) {
  Writer head;
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

std::string WriteSnapshot(const Graph& g, const std::string& path) {
  const Case& m = g.model();
  std::vector<SourceStamp> stamps;
  std::vector<std::string> texts;
  for (const std::string& name : m.files) {
    SourceStamp s;
    s.name = name;
    std::error_code ec;
    s.absolute = fs::weakly_canonical(name, ec).string();
    if (ec) s.absolute = name;
    s.csv = IsCsv(name);
    if (!Stamp(name, &s.size, &s.mtime_ns)) return name + ": cannot read it again: " + std::strerror(errno);
    std::string text;
    if (!s.csv) {
      std::string error;
      std::optional<std::string> bytes = ReadFileBytes(name, &error);
      if (!bytes) return name + ": " + error;
      text = std::move(*bytes);
    }
    stamps.push_back(std::move(s));
    texts.push_back(std::move(text));
  }
  Writer body;
  SnapshotCodec::Write(g, stamps, texts, &body);
  std::string bytes = SnapshotHeaderFor(body.bytes());
  bytes += body.bytes();
  return WriteFileAtomically(path, bytes);
}

SnapshotResult OpenSnapshot(const std::string& path) {
  SnapshotResult result;
  auto refuse = [&](const std::string& message) {
    result.diagnostics.push_back({Location{path}, message});
    return std::move(result);
  };
  const std::string rebuild = "; rebuild it with casegraph build -o " + path + " -g SOURCES";
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return refuse(std::string("cannot open: ") + std::strerror(errno));
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    return refuse(std::string("cannot read: ") + std::strerror(errno));
  }
  auto mapping = std::make_shared<Mapping>();
  mapping->size = static_cast<size_t>(st.st_size);
  if (mapping->size > 0) {
    void* p = ::mmap(nullptr, mapping->size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (p != MAP_FAILED) mapping->data = static_cast<const unsigned char*>(p);
  }
  const int map_errno = errno;
  ::close(fd);
  if (mapping->size > 0 && !mapping->data) return refuse(std::string("cannot map: ") + std::strerror(map_errno));

  Reader head(mapping, 0);
  char magic[sizeof kMagic];
  head.Raw(magic, sizeof magic);
  if (!head.ok() || std::memcmp(magic, kMagic, sizeof magic) != 0) return refuse("not a casegraph snapshot");
  const uint64_t format = head.U64();
  const uint64_t order = head.U64();
  const std::string version = head.Str();
  char pad[8] = {};
  const size_t pad_size = (8 - (sizeof kMagic + 24 + version.size()) % 8) % 8;
  head.Raw(pad, pad_size);
  const uint64_t body_size = head.U64();
  const uint64_t checksum = head.U64();
  if (!head.ok()) return refuse("snapshot is truncated" + rebuild);
  if (std::any_of(pad, pad + pad_size, [](char c) { return c != 0; })) {  // the checksum covers the body only
    return refuse("snapshot is damaged: its header is not as casegraph writes it" + rebuild);
  }
  if (order != kByteOrderMark) return refuse("snapshot was written on a machine of another byte order" + rebuild);
  if (format != kSnapshotFormat || version != kCasegraphVersion) {
    return refuse("snapshot was written by casegraph " + version + " (snapshot format " + std::to_string(format) +
                  "); this is casegraph " + kCasegraphVersion + " (snapshot format " + std::to_string(kSnapshotFormat) +
                  ")" + rebuild);
  }
  const size_t version_end = sizeof kMagic + 8 + 8 + 8 + version.size();
  const size_t header_size = version_end + (8 - version_end % 8) % 8 + 8 + 8;
  if (mapping->size != header_size + body_size) {
    return refuse("snapshot is damaged: " + std::to_string(mapping->size) + " bytes where its header says " +
                  std::to_string(header_size + body_size) + rebuild);
  }
  if (Checksum(mapping->data + header_size, body_size, 0) != checksum) {
    return refuse("snapshot is damaged: its checksum does not match" + rebuild);
  }
  Reader body(mapping, header_size);
  SnapshotCodec::Parts parts = SnapshotCodec::Read(&body);
  if (!body.ok() || !body.at_end()) return refuse("snapshot is damaged: its contents do not fit its size" + rebuild);
  if (!parts.stale.empty()) {
    std::string sources;
    for (const StoredFile& f : parts.files) sources += " -g " + f.name;
    return refuse("snapshot is stale: " + parts.stale + " changed since it was built; rebuild it with casegraph build -o " +
                  path + sources);
  }
  Diagnostics rereading;
  Case c = RebuildCase(parts.files, std::move(parts.table), parts.implied, &rereading);
  SnapshotCodec::SetCase(parts.graph.get(), std::move(c));
  if (ErrorCount(rereading) > 0 || !SnapshotCodec::Consistent(*parts.graph)) {
    return refuse("snapshot is damaged: its contents do not agree with each other" + rebuild);
  }
  SnapshotCodec::Finish(parts.graph.get());
  result.graph = std::move(parts.graph);
  return result;
}

}  // namespace casegraph
