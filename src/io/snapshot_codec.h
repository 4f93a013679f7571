// A snapshot's body: the source files (their stamps and, for case files, their texts), the CSV
// rows column by column, and the graph's arrays as they lie in memory.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "graph/graph.h"
#include "io/byte_codec.h"
#include "io/case_loader.h"
#include "io/source_stamp.h"

namespace casegraph {

/// What a body holds, as read back.
struct SnapshotBody {
  std::vector<SourceStamp> stamps;
  std::vector<StoredFile> files;  // as the stamps, with the case files' texts
  EdgeTable table;
  std::vector<std::pair<std::string, Location>> implied_types;  // relation types CSV rows named
  GraphArrays arrays;
};

/// Writes the body of a snapshot of g, built from files stamped as stamps with texts (a case
/// file's text, "" for a CSV file).
void WriteSnapshotBody(const Graph& g, const std::vector<SourceStamp>& stamps, const std::vector<std::string>& texts,
                       ByteWriter* w);

/// Reads a body back; check r->ok() and r->at_end(), and verify the arrays, before using it.
SnapshotBody ReadSnapshotBody(ByteReader* r);

}  // namespace casegraph
