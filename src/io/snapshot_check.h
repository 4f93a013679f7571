// The checks of a snapshot that its checksum cannot make: that its arrays agree with each other
// and with the case its texts give, and that every number in them is in range, so that no
// damage the checksum let through (or a file written by a buggy or hostile program with a
// valid checksum) is ever read out of bounds.
#pragma once

#include "graph/graph_arrays.h"
#include "model/case.h"

namespace casegraph {

/// True when the arrays describe the case as Graph::Build would have made them, as far as
/// reading them safely depends on it.
bool VerifySnapshotArrays(const Case& m, const GraphArrays& a);

}  // namespace casegraph
