// Snapshots: a loaded graph written as one binary file that opens many times faster than its
// sources. A snapshot holds the graph's arrays as they are in memory, the CSV rows column by
// column, and the texts of the case files (re-read on opening, so every location and message is
// what the sources give). It records casegraph's version, a checksum of everything after its
// header, and the size and modification time of each source file: a snapshot from another
// version, a damaged one, or one whose sources changed since it was built is refused with a
// status that says which.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "graph/graph.h"
#include "model/status.h"

namespace casegraph {

/// Whether the file at path starts like a snapshot (whatever its name).
bool IsSnapshotFile(const std::string& path);

/// Writes a snapshot of g, which was loaded from the files g.model().files, to path atomically.
/// The case files are read again for their texts.
Status WriteSnapshot(const Graph& g, const std::string& path);

/// Opens a snapshot, checking its version, checksum, sources and arrays. Refusals are placed at
/// path: corrupt (damaged, truncated, stale: "snapshot is stale: F changed since it was built")
/// or unsupported (another version or byte order, not a snapshot at all).
Result<std::unique_ptr<const Graph>> OpenSnapshot(const std::string& path);

/// The files a snapshot was built from, as it names them, when its header and checksum hold.
Result<std::vector<std::string>> SnapshotSources(const std::string& path);

/// A valid header for a snapshot body (the bytes after the header), as WriteSnapshot writes it:
/// for tests and fuzzing, which need snapshots whose contents are damaged but whose checksum holds.
std::string SnapshotHeaderFor(const std::string& body);
/// The header's length (so a test can take the body of a written snapshot).
size_t SnapshotHeaderSize();

}  // namespace casegraph
