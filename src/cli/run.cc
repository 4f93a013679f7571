#include <unistd.h>

#include <algorithm>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <ostream>
#include <sstream>

#include "cli/context.h"
#include "model/version.h"
#include "cli/completion.h"
#include "cli/help.h"
#include "cli/spelling.h"
#include "io/case_reader.h"

namespace casegraph::cli {

std::unique_ptr<CLI::App> BuildApp(Context* ctx, bool with_batch) {
  auto app = std::make_unique<CLI::App>("casegraph: legal-case knowledge graphs; every answer carries its evidence",
                                        "casegraph");
  app->set_version_flag("--version", std::string("casegraph ") + kCasegraphVersion + " (case-file format " +
                                         std::to_string(kFormatVersion) + ")");
  app->add_option("-g,--graph", ctx->graphs,
                  "A case file, a directory of *.json case files, a CSV edge file, a FollowTheMoney file "
                  "(*.ftm.json, *.ftm.jsonl) or a snapshot (build -o); repeatable; default $CASEGRAPH_GRAPH, else "
                  "./graphs")
      ->type_name("PATH");
  app->add_option("--color", ctx->color,
                  "auto (colour and Unicode on a terminal, plain ASCII when piped or with NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app->add_flag("--pager", ctx->pager, "Page long output through $PAGER (default less) when on a terminal");
  app->require_subcommand(1);
  app->fallthrough();
  RegisterInspectCommands(*app, ctx);
  RegisterPathCommand(*app, ctx);
  RegisterAnalysisCommands(*app, ctx);
  RegisterQueryCommand(*app, ctx);
  RegisterExportCommand(*app, ctx);
  RegisterImportCommand(*app, ctx);
  RegisterBuildCommand(*app, ctx);
  RegisterFmtCommand(*app, ctx);
  if (with_batch) {
    RegisterBatchCommand(*app, ctx);
    RegisterShellCommand(*app, ctx);
    RegisterHelpCommand(*app, ctx);
    RegisterCompletionCommands(*app, ctx);
    AddExampleFooters(*app);
  }
  return app;
}

int Run(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err) {
  Context ctx;
  ctx.in = &in;
  ctx.out = &out;
  ctx.err = &err;
  std::unique_ptr<CLI::App> owned = BuildApp(&ctx, true);
  CLI::App& app = *owned;
  if (std::string unknown = UnknownWordMessage(app, std::vector<std::string>(argv + std::min(argc, 1), argv + argc));
      !unknown.empty()) {
    err << "casegraph: error: " << unknown << "\n";
    err << "Run 'casegraph --help' for usage.\n";
    return kInvalid;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e, out, err);
    err << "casegraph: error: " << e.what() << "\n";
    err << "Run 'casegraph --help' for usage.\n";
    return kInvalid;
  }
  if (!ctx.action) return kInvalid;
  const bool terminal = &out == &std::cout && ::isatty(STDOUT_FILENO);
  const bool no_color = std::getenv("NO_COLOR") != nullptr && *std::getenv("NO_COLOR") != '\0';
  ctx.style.fancy = ctx.color == "always" || (ctx.color == "auto" && terminal && !no_color);
  if (!ctx.pager || !terminal) return ctx.action();
  // --pager on a terminal: collect the answer, then hand it to the pager.
  std::ostringstream paged;
  ctx.out = &paged;
  const int status = ctx.action();
  const char* pager = std::getenv("PAGER");
  FILE* pipe = ::popen(pager && *pager ? pager : "less -FRX", "w");
  if (!pipe) {
    out << paged.str();
    return status;
  }
  const std::string text = paged.str();
  std::fwrite(text.data(), 1, text.size(), pipe);
  ::pclose(pipe);
  return status;
}

}  // namespace casegraph::cli
