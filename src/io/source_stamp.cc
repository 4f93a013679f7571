#include "io/source_stamp.h"

#include <sys/stat.h>

#include <filesystem>

namespace casegraph {

namespace {

bool SizeAndTime(const std::string& path, uint64_t* size, int64_t* mtime_ns) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return false;
  *size = static_cast<uint64_t>(st.st_size);
  *mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return true;
}

}  // namespace

std::optional<SourceStamp> StampOf(const std::string& name) {
  SourceStamp s;
  s.name = name;
  std::error_code ec;
  s.absolute = std::filesystem::weakly_canonical(name, ec).string();
  if (ec) s.absolute = name;
  s.csv = name.size() >= 4 && name.compare(name.size() - 4, 4, ".csv") == 0;
  if (!SizeAndTime(name, &s.size, &s.mtime_ns)) return std::nullopt;
  return s;
}

bool ChangedSince(const SourceStamp& stamp) {
  uint64_t size = 0;
  int64_t mtime = 0;
  return SizeAndTime(stamp.absolute, &size, &mtime) && (size != stamp.size || mtime != stamp.mtime_ns);
}

}  // namespace casegraph
