// Staleness: the size and modification time of each file a snapshot was built from, so that a
// snapshot whose sources changed since is refused rather than answering from old data.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace casegraph {

struct SourceStamp {
  std::string name;      // as the graph names the file (Case::files)
  std::string absolute;  // where it is, for the check
  bool csv = false;      // a CSV edge file: its rows are stored, not its text
  uint64_t size = 0;
  int64_t mtime_ns = 0;
};

/// The stamp of the file named name now, or nullopt when it cannot be read.
std::optional<SourceStamp> StampOf(const std::string& name);

/// Whether the file has changed since it was stamped. A file that is gone has not: a snapshot
/// copied without its sources still opens.
bool ChangedSince(const SourceStamp& stamp);

}  // namespace casegraph
