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
#include "model/status.h"
#include "query/cypher/query.h"
#include "query/filter.h"
#include "render/analysis_render.h"
#include "render/text_style.h"

namespace casegraph::cli {

/// Exit codes: 0 found, 1 nothing found, 2 usage error or invalid input.
enum ExitCode { kFound = 0, kNothingFound = 1, kInvalid = 2 };

struct Context {
  std::vector<std::string> graphs;  // -g/--graph, in order
  std::string format = "text";      // --format text|json
  bool pretty = true;               // JSON indented for people; compact for batch lines
  std::string color = "auto";       // --color auto|always|never
  bool pager = false;               // --pager
  TextStyle style;                  // decided from --color, the terminal and NO_COLOR
  std::istream* in = nullptr;
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
  std::shared_ptr<const Graph> loaded;  // a graph already loaded (batch); LoadGraph returns it
  std::function<int()> action;  // set by the chosen command's callback
  std::string command;          // the chosen command's name
  mutable std::string last_error;  // the message of the last Fail
  mutable Status last_status;      // and its kind, place and diagnostics (for the Python module)
  /// Queries prepared for the loaded graph (batch and shell ask the same texts again); made by
  /// the first query, dropped when the graph is loaded again.
  mutable std::shared_ptr<cypher::QueryCache> queries;
  /// The filter last compiled, with its graph and spec: a batch's lines often filter alike.
  struct CompiledFilter {
    std::shared_ptr<const Graph> graph;  // held, so that the filter's graph is never another at its address
    FilterSpec spec;
    TraversalFilter filter;
    /// The answers of neighbour counts with this filter and count_depth, put together from one
    /// answer's text (RunNeighbors); made by the first such count after the filter.
    std::optional<NeighbourCountAnswers> count_answers;
    int count_depth = 0;
  };
  mutable std::optional<CompiledFilter> last_filter;

  bool json() const { return format == "json"; }
  /// The graph paths: -g, else $CASEGRAPH_GRAPH, else ./graphs.
  std::vector<std::string> GraphPaths() const;
  /// The loaded graph, or loads and builds it; on failure prints every diagnostic to err and
  /// returns null.
  std::shared_ptr<const Graph> LoadGraph() const;
  /// Prints "casegraph: error: message" to err and returns kInvalid.
  int Fail(const std::string& message) const;
  /// The same for a library's status, worded for the command line (fields as flags, see Worded).
  int Fail(const Status& status) const;
  /// Prints an input's diagnostics to err (a status of one problem as one diagnostic), then
  /// "casegraph: N errors" and what follows (e.g. "; nothing loaded"); returns kInvalid.
  int FailInput(const Status& status, const std::string& after = "") const;
  /// The filter spec compiles to for g, compiled again only when it differs from the last one
  /// asked for; on failure prints why and returns null. Valid until the next call.
  const TraversalFilter* Compile(const std::shared_ptr<const Graph>& g, const FilterSpec& spec) const;
  /// Resolves an entity reference; on failure prints why and returns nullopt.
  std::optional<EntityId> ResolveEntity(const Graph& g, const std::string& text) const;
};

/// The command line's name for a field of a command's request: "--max-hops" for max_hops, "-k"
/// for k, "--from" and "--to" for a window's since and until ("--until" on export, whose "--to"
/// is the format).
std::string FlagOf(const std::string& command, std::string_view field);
/// A status's message with its fields named as the command's flags.
std::string Worded(const Status& status, const std::string& command);

/// Called by the process's main before Run: the process ends after one command, so the last
/// graph loaded is left for the operating system to reclaim rather than freed object by object
/// (a graph of millions of relations takes a noticeable fraction of its load time to free).
void LeaveLastGraphAtExit();
/// Returns graph, which is left at exit if LeaveLastGraphAtExit was called (for a command that
/// loads a graph itself rather than through Context::LoadGraph).
std::shared_ptr<const Graph> Keep(std::shared_ptr<const Graph> graph);

/// An option's check: a whole number of at least min ("must be a whole number of at least 1, not 0").
CLI::Validator AtLeast(long long min);

/// When the command is parsed, its action becomes fn(ctx, a copy of the options as parsed), and
/// the options go back to their defaults, so the same parser can parse again (as batch does).
template <typename Options, typename Fn>
void OnParsed(CLI::App* command, Context* ctx, std::shared_ptr<Options> options, Fn fn) {
  command->callback([command, ctx, options, fn] {
    ctx->action = [ctx, fn, parsed = *options] { return fn(*ctx, parsed); };
    ctx->command = command->get_name();
    *options = Options{};
  });
}

/// Adds the --format option of every command: text and json, and any extra formats it has.
void AddFormatOption(CLI::App* command, Context* ctx, std::vector<std::string> extra = {});

void RegisterInspectCommands(CLI::App& app, Context* ctx);  // check, stats, find, show
void RegisterPathCommand(CLI::App& app, Context* ctx);      // path
void RegisterExportCommand(CLI::App& app, Context* ctx);    // export
void RegisterImportCommand(CLI::App& app, Context* ctx);    // import
void RegisterAnalysisCommands(CLI::App& app, Context* ctx); // neighbors, rank, brokers
void RegisterFmtCommand(CLI::App& app, Context* ctx);       // fmt
void RegisterDiffCommand(CLI::App& app, Context* ctx);      // diff
void RegisterBatchCommand(CLI::App& app, Context* ctx);     // batch
void RegisterShellCommand(CLI::App& app, Context* ctx);     // shell
void RegisterBuildCommand(CLI::App& app, Context* ctx);     // build
void RegisterQueryCommand(CLI::App& app, Context* ctx);     // query

/// The parser of the answering commands (inspect, path, analysis, query, export, import, build,
/// fmt) and the global options; in the library of commands, which the Python module links too.
std::unique_ptr<CLI::App> BuildCommandApp(Context* ctx);
/// The command-line parser: with_batch adds batch, shell, help, completion and the examples in
/// each command's help (in the command line's library, which links libedit).
std::unique_ptr<CLI::App> BuildApp(Context* ctx, bool with_batch);

/// Parses the command line and runs the command; returns the process exit code.
int Run(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace casegraph::cli
