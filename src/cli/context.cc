#include "cli/context.h"

#include <cstdlib>
#include <iostream>
#include <ostream>

#include <unistd.h>

#include <filesystem>

#include "cli/progress.h"
#include "io/case_loader.h"
#include "io/snapshot.h"

namespace casegraph::cli {

namespace {

// The last graph loaded, when LeaveLastGraphAtExit was called: held by a pointer that is never
// freed, so it outlives the process's static destructors (and stays reachable for leak checkers).
std::shared_ptr<const Graph>* last_graph = nullptr;

std::shared_ptr<const Graph> Keep(std::shared_ptr<const Graph> graph) {
  if (last_graph && graph) *last_graph = graph;  // the one before is freed now, as usual
  return graph;
}

}  // namespace

void LeaveLastGraphAtExit() {
  if (!last_graph) last_graph = new std::shared_ptr<const Graph>();
}

std::vector<std::string> Context::GraphPaths() const {
  if (!graphs.empty()) return graphs;
  if (const char* env = std::getenv("CASEGRAPH_GRAPH"); env && *env) return {env};
  return {"graphs"};
}

std::shared_ptr<const Graph> Context::LoadGraph() const {
  if (loaded) return loaded;
  const std::vector<std::string> paths = GraphPaths();
  auto refuse = [this](const Diagnostics& diagnostics) {
    // Warnings are check's and import's to show; a graph that loads answers quietly.
    for (const Diagnostic& d : diagnostics) *err << FormatDiagnostic(d) << "\n";
    const size_t n = ErrorCount(diagnostics);
    *err << "casegraph: " << n << (n == 1 ? " error" : " errors") << "; nothing loaded\n";
    return nullptr;
  };
  Progress progress(err == &std::cerr && ::isatty(STDERR_FILENO));
  uintmax_t bytes = 0;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(p, ec)) bytes += std::filesystem::file_size(p, ec);
    if (IsSnapshotFile(p)) {
      if (paths.size() > 1) {
        return refuse({{Location{p}, "a snapshot is a whole graph: open it alone, without other -g files"}});
      }
      progress.Stage("opening the snapshot (" + std::to_string(bytes >> 20) + " MB)");
      SnapshotResult snapshot = OpenSnapshot(p);
      if (!snapshot.graph) return refuse(snapshot.diagnostics);
      return Keep(std::move(snapshot.graph));
    }
  }
  progress.Stage("reading " + std::to_string(paths.size()) + (paths.size() == 1 ? " path (" : " paths (") +
                 std::to_string(bytes >> 20) + " MB)");
  LoadResult result = LoadCase(paths);
  if (!result.loaded) return refuse(result.diagnostics);
  progress.Stage("building the graph");
  return Keep(Graph::Build(std::move(*result.loaded)));
}

int Context::Fail(const std::string& message) const {
  last_error = message;
  *err << "casegraph: error: " << message << "\n";
  return kInvalid;
}

std::optional<EntityId> Context::ResolveEntity(const Graph& g, const std::string& text) const {
  Resolution r = g.Resolve(text);
  if (r.kind == Resolution::Kind::kFound) return r.entity;
  Fail(ResolutionMessage(text, r, g));
  return std::nullopt;
}

void AddFormatOption(CLI::App* command, Context* ctx, std::vector<std::string> extra) {
  std::vector<std::string> formats = {"text", "json"};
  std::string help = "Output: text (for people), json (for scripts)";
  for (const std::string& f : extra) {
    formats.push_back(f);
    help += ", " + f;
  }
  command->add_option("--format", ctx->format, help)->check(CLI::IsMember(formats))->capture_default_str();
}

}  // namespace casegraph::cli
