#include "io/graph_loader.h"

#include <filesystem>

#include "io/case_loader.h"
#include "io/snapshot.h"

namespace casegraph {

Result<std::shared_ptr<const Graph>> LoadGraph(const std::vector<std::string>& paths, const GraphLoadOptions& options,
                                               Diagnostics* warnings) {
  auto stage = [&](const std::string& what) {
    if (options.on_stage) options.on_stage(what);
  };
  uintmax_t bytes = 0;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(p, ec)) bytes += std::filesystem::file_size(p, ec);
    if (!IsSnapshotFile(p)) continue;
    if (paths.size() > 1) {
      return Status::FromDiagnostics({{Location{p}, "a snapshot is a whole graph: open it alone, without other paths"}});
    }
    stage("opening the snapshot (" + std::to_string(bytes >> 20) + " MB)");
    Result<std::unique_ptr<const Graph>> snapshot = OpenSnapshot(p);
    if (!snapshot.ok()) return snapshot.status();
    if (options.thorough) {
      Diagnostics found = ThoroughChecks(snapshot.value()->model());
      if (ErrorCount(found) > 0) return Status::FromDiagnostics(std::move(found));
      if (warnings) warnings->insert(warnings->end(), found.begin(), found.end());
    }
    return std::shared_ptr<const Graph>(std::move(snapshot).value());
  }
  stage("reading " + std::to_string(paths.size()) + (paths.size() == 1 ? " path (" : " paths (") +
        std::to_string(bytes >> 20) + " MB)");
  Result<Case> loaded = LoadCase(paths, warnings, options.thorough);
  if (!loaded.ok()) return loaded.status();
  stage("building the graph");
  return std::shared_ptr<const Graph>(Graph::Build(std::move(loaded).value()));
}

}  // namespace casegraph
