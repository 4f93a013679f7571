// diff: what changed between two versions of a case.
#include <ostream>

#include "cli/context.h"
#include "io/graph_loader.h"
#include "query/diff.h"
#include "render/diff_render.h"

namespace casegraph::cli {

namespace {

struct DiffOptions {
  std::vector<std::string> versions;  // OLD NEW, or the seven arguments of a git diff driver
};

// A version of the case: what -g takes, or /dev/null (git's name for "no file"), an empty case.
Result<std::shared_ptr<const Graph>> LoadVersion(const std::string& path) {
  if (path == "/dev/null") return std::shared_ptr<const Graph>(Graph::Build(Case{}));
  return LoadGraph({path});
}

int RunDiff(const Context& ctx, const DiffOptions& o) {
  // git runs a diff driver as: driver PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE.
  const bool git = o.versions.size() == 7;
  if (o.versions.size() != 2 && !git) {
    return ctx.Fail("diff takes two versions, OLD and NEW (or the seven arguments git gives a diff driver), not " +
                    std::to_string(o.versions.size()));
  }
  const std::string& old_path = o.versions[git ? 1 : 0];
  const std::string& new_path = o.versions[git ? 4 : 1];
  Result<std::shared_ptr<const Graph>> before = LoadVersion(old_path);
  if (!before.ok()) return ctx.FailInput(before.status(), "; " + old_path + " not loaded");
  Result<std::shared_ptr<const Graph>> after = LoadVersion(new_path);
  if (!after.ok()) return ctx.FailInput(after.status(), "; " + new_path + " not loaded");
  const CaseDiff d = DiffGraphs(*before.value(), *after.value());
  QueryEcho echo("diff");
  echo.Add("old", git ? o.versions[0] : old_path).Add("new", git ? o.versions[0] : new_path);
  if (ctx.json()) {
    *ctx.out << RenderDiffJson(echo, d, ctx.pretty);
  } else {
    if (git) *ctx.out << "casegraph diff " << o.versions[0] << (d.empty() ? ": the records are the same\n" : "\n");
    *ctx.out << RenderDiffText(d);
  }
  // As diff(1): 0 the same, 1 they differ. git stops at a driver that does not exit 0.
  return d.empty() || git ? kFound : kNothingFound;
}

}  // namespace

void RegisterDiffCommand(CLI::App& app, Context* ctx) {
  auto o = std::make_shared<DiffOptions>();
  CLI::App* command = app.add_subcommand(
      "diff", "What changed between two versions of a case: entities, relations and sources added, removed, changed");
  command->add_option("versions", o->versions, "OLD NEW: each a case file, a directory or a snapshot (anything -g takes)")
      ->required();
  AddFormatOption(command, ctx);
  OnParsed(command, ctx, o, RunDiff);
}

}  // namespace casegraph::cli
