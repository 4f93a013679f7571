// One call from what a user names (`-g` paths, casegraph.load(...)) to a graph: case files,
// directories of them, CSV edge files and FollowTheMoney files read and merged, or one snapshot
// opened.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.h"
#include "model/status.h"

namespace casegraph {

struct GraphLoadOptions {
  /// Told what is being done as loading goes ("reading 2 paths (44 MB)", "building the graph"),
  /// so that a caller can show progress; may be empty.
  std::function<void(std::string_view stage)> on_stage;
  /// Compare every quote with its source's file and look for near-duplicates too (see LoadCase's
  /// thorough), for `check`.
  bool thorough = false;
};

/// The graph that paths stand for. A snapshot is a whole graph: it is opened alone. On failure
/// the status holds every diagnostic (see LoadCase, OpenSnapshot); the warnings of a graph that
/// loads go to *warnings, when given.
Result<std::shared_ptr<const Graph>> LoadGraph(const std::vector<std::string>& paths,
                                               const GraphLoadOptions& options = {}, Diagnostics* warnings = nullptr);

}  // namespace casegraph
