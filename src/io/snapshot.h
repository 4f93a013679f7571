// Snapshots: a loaded graph written as one binary file (`casegraph build -o FILE`) that opens
// many times faster than its sources. A snapshot holds the graph's arrays as they are in memory,
// the CSV rows column by column, and the texts of the case files (re-read on opening, so every
// location and message is what the sources give). It records casegraph's version, a checksum of
// everything after its header, and the size and modification time of each source file: a
// snapshot from another version, a damaged one, or one whose sources changed since it was built
// is refused with a message that says so and how to rebuild it.
#pragma once

#include <memory>
#include <string>

#include "graph/graph.h"

namespace casegraph {

/// Whether the file at path starts like a snapshot (whatever its name).
bool IsSnapshotFile(const std::string& path);

/// Writes a snapshot of g, which was loaded from the files g.model().files, to path atomically.
/// Returns "" or what went wrong. The case files are read again for their texts.
std::string WriteSnapshot(const Graph& g, const std::string& path);

struct SnapshotResult {
  std::unique_ptr<const Graph> graph;  // null when refused
  Diagnostics diagnostics;
};

/// Opens a snapshot, checking its version, checksum and sources.
SnapshotResult OpenSnapshot(const std::string& path);

/// A valid header for a snapshot body (the bytes after the header), as WriteSnapshot writes it:
/// for tests and fuzzing, which need snapshots whose contents are damaged but whose checksum holds.
std::string SnapshotHeaderFor(const std::string& body);
/// The header's length (so a test can take the body of a written snapshot).
size_t SnapshotHeaderSize();

/// A checksum of bytes (64 bits; four interleaved multiply-rotate lanes, after xxHash64's round).
uint64_t Checksum(const void* data, size_t size, uint64_t seed);

}  // namespace casegraph
