#include "cli/context.h"

#include <cerrno>
#include <cstdlib>
#include <iostream>
#include <ostream>

#include <unistd.h>

#include <filesystem>

#include "cli/progress.h"
#include "io/graph_loader.h"
#include "io/snapshot.h"

namespace casegraph::cli {

namespace {

// The last graph loaded, when LeaveLastGraphAtExit was called: held by a pointer that is never
// freed, so it outlives the process's static destructors (and stays reachable for leak checkers).
std::shared_ptr<const Graph>* last_graph = nullptr;

// A refused snapshot's message with the command that builds it again: from the sources it
// records when it can still say them (a stale one), else with SOURCES to fill in.
Status WithRebuildCommand(const Status& s) {
  if (s.kind() != Status::Kind::kCorrupt || !s.diagnostics().empty() || !IsSnapshotFile(s.where().file)) return s;
  const std::string& snapshot = s.where().file;
  std::string sources;
  if (Result<std::vector<std::string>> names = SnapshotSources(snapshot); names.ok()) {
    for (const std::string& name : names.value()) sources += " -g " + name;
  }
  if (sources.empty()) sources = " -g SOURCES";
  return Status::Corrupt(Message(s.message(), "; rebuild it with casegraph build -o ", snapshot, sources)).At(s.where());
}

}  // namespace

std::shared_ptr<const Graph> Keep(std::shared_ptr<const Graph> graph) {
  if (last_graph && graph) *last_graph = graph;  // the one before is freed now, as usual
  return graph;
}

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
  Progress progress(err == &std::cerr && ::isatty(STDERR_FILENO));
  GraphLoadOptions options;
  options.on_stage = [&progress](std::string_view stage) { progress.Stage(std::string(stage)); };
  // Warnings are check's and import's to show; a graph that loads answers quietly.
  Result<std::shared_ptr<const Graph>> graph = casegraph::LoadGraph(GraphPaths(), options);
  if (!graph.ok()) {
    FailInput(WithRebuildCommand(graph.status()), "; nothing loaded");
    return nullptr;
  }
  return Keep(std::move(graph).value());
}

int Context::Fail(const std::string& message) const {
  last_error = message;
  last_status = Status::InvalidInput(Message(message));
  *err << "casegraph: error: " << message << "\n";
  return kInvalid;
}

int Context::Fail(const Status& status) const {
  Fail(Worded(status, command));
  last_status = status;
  return kInvalid;
}

int Context::FailInput(const Status& status, const std::string& after) const {
  Diagnostics diagnostics = status.diagnostics();
  if (diagnostics.empty()) diagnostics.push_back({status.where(), status.message()});
  for (const Diagnostic& d : diagnostics) *err << FormatDiagnostic(d) << "\n";
  const size_t n = ErrorCount(diagnostics);
  *err << "casegraph: " << n << (n == 1 ? " error" : " errors") << after << "\n";
  last_error = status.ToString();
  last_status = status;
  return kInvalid;
}

std::string FlagOf(const std::string& command, std::string_view field) {
  if (field == "since") return "--from";
  if (field == "until") return command == "export" ? "--until" : "--to";
  if (field.size() == 1) return "-" + std::string(field);
  std::string flag = "--" + std::string(field);
  for (char& c : flag) {
    if (c == '_') c = '-';
  }
  return flag;
}

std::string Worded(const Status& status, const std::string& command) {
  return status.message_parts().Worded([&](std::string_view field) { return FlagOf(command, field); });
}

const TraversalFilter* Context::Compile(const std::shared_ptr<const Graph>& g, const FilterSpec& spec) const {
  if (last_filter && last_filter->graph == g && last_filter->spec == spec) return &last_filter->filter;
  last_filter.reset();
  Result<TraversalFilter> f = CompileFilter(*g, spec);
  if (!f.ok()) {
    Fail(f.status());
    return nullptr;
  }
  last_filter.emplace(CompiledFilter{g, spec, std::move(f).value(), std::nullopt, 0});
  return &last_filter->filter;
}

std::optional<EntityId> Context::ResolveEntity(const Graph& g, const std::string& text) const {
  Resolution r = g.Resolve(text);
  if (r.kind == Resolution::Kind::kFound) return r.entity;
  const std::string before = last_error;  // a command with two unknown references reports both
  Fail(ResolutionMessage(text, r, g));
  if (!before.empty()) last_error = before + "; " + last_error;
  if (r.kind == Resolution::Kind::kUnknown) last_status = Status::NotFound(Message(last_error));
  return std::nullopt;
}

CLI::Validator AtLeast(long long min) {
  return CLI::Validator(
      [min](std::string& text) -> std::string {
        char* end = nullptr;
        errno = 0;
        const long long n = std::strtoll(text.c_str(), &end, 10);
        if (text.empty() || *end != '\0' || errno == ERANGE || n < min) {
          return "must be a whole number of at least " + std::to_string(min) + ", not '" + text + "'";
        }
        return "";
      },
      "");
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
