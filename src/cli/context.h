// What every command shares: the graph paths, the output format, the streams, graph loading.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "graph/graph.h"
#include "model/location.h"

namespace casegraph::cli {

/// Exit codes: 0 found, 1 nothing found, 2 usage error or invalid input.
enum ExitCode { kFound = 0, kNothingFound = 1, kInvalid = 2 };

struct Context {
  std::vector<std::string> graphs;  // -g/--graph, in order
  std::string format = "text";      // --format text|json
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
  std::function<int()> action;  // set by the chosen command's callback

  bool json() const { return format == "json"; }
  /// The graph paths: -g, else $CASEGRAPH_GRAPH, else ./graphs.
  std::vector<std::string> GraphPaths() const;
  /// Loads and builds the graph; on failure prints every diagnostic to err and returns null.
  std::unique_ptr<const Graph> LoadGraph() const;
  /// Prints "casegraph: error: message" to err and returns kInvalid.
  int Fail(const std::string& message) const;
  /// Resolves an entity reference; on failure prints why and returns nullopt.
  std::optional<EntityId> ResolveEntity(const Graph& g, const std::string& text) const;
};

/// Adds the --format option of every command: text and json, and any extra formats it has.
void AddFormatOption(CLI::App* command, Context* ctx, std::vector<std::string> extra = {});

void RegisterInspectCommands(CLI::App& app, Context* ctx);  // check, stats, find, show
void RegisterPathCommand(CLI::App& app, Context* ctx);      // path
void RegisterExportCommand(CLI::App& app, Context* ctx);    // export
void RegisterImportCommand(CLI::App& app, Context* ctx);    // import

/// Parses the command line and runs the command; returns the process exit code.
int Run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace casegraph::cli
