// build: a binary snapshot of the loaded graph, which -g opens many times faster.
#include <chrono>
#include <filesystem>
#include <iostream>
#include <ostream>

#include "cli/context.h"
#include "cli/progress.h"
#include "io/snapshot.h"
#include "render/json_writer.h"

#include <unistd.h>

namespace casegraph::cli {

namespace {

struct BuildOptions {
  std::string output;
};

int RunBuild(const Context& ctx, const BuildOptions& o) {
  for (const std::string& p : ctx.GraphPaths()) {
    if (IsSnapshotFile(p)) return ctx.Fail(p + " is a snapshot already: build from the sources it was built from");
  }
  const auto start = std::chrono::steady_clock::now();
  std::shared_ptr<const Graph> g = ctx.LoadGraph();
  if (!g) return kInvalid;
  Status written;
  {
    Progress progress(ctx.err == &std::cerr && ::isatty(STDERR_FILENO));
    progress.Stage("writing " + o.output);
    written = WriteSnapshot(*g, o.output);
  }
  if (!written.ok()) return ctx.Fail("cannot write snapshot " + o.output + ": " + Worded(written, ctx.command));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::error_code ec;
  const uintmax_t bytes = std::filesystem::file_size(o.output, ec);
  if (ctx.json()) {
    JsonOut json(ctx.pretty);
    json.Begin(QueryEcho("build").Add("output", o.output));
    json.Key("snapshot");
    json.StartObject();
    json.Field("file", o.output);
    for (const auto& [key, n] : {std::pair<const char*, uint64_t>{"bytes", bytes}, {"files", g->model().files.size()},
                                 {"entities", g->entity_count()}, {"relations", g->relation_count()}}) {
      json.Key(key);
      json.Int(static_cast<int64_t>(n));
    }
    json.EndObject();
    *ctx.out << json.End();
  } else {
    *ctx.out << "wrote " << o.output << ": " << g->entity_count() << " entities, " << g->relation_count()
             << " relations from " << g->model().files.size() << (g->model().files.size() == 1 ? " file" : " files")
             << " (" << (bytes + (1 << 19)) / (1 << 20) << " MB) in " << static_cast<int>(seconds * 1000 + 0.5)
             << " ms\n";
  }
  return kFound;
}

}  // namespace

void RegisterBuildCommand(CLI::App& app, Context* ctx) {
  auto o = std::make_shared<BuildOptions>();
  CLI::App* command = app.add_subcommand("build", "Write a binary snapshot of the graph; -g SNAPSHOT opens it much faster");
  command->add_option("-o,--output", o->output, "The snapshot file to write (atomically)")->required()->type_name("FILE");
  AddFormatOption(command, ctx);
  OnParsed(command, ctx, o, RunBuild);
}

}  // namespace casegraph::cli
