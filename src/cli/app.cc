// The parser of the commands that answer questions (everything but batch, shell, help and
// completion), shared by the command line, batch and the Python module.
#include "cli/context.h"
#include "io/case_reader.h"
#include "model/version.h"

namespace casegraph::cli {

std::unique_ptr<CLI::App> BuildCommandApp(Context* ctx) {
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
  RegisterDiffCommand(*app, ctx);
  return app;
}

}  // namespace casegraph::cli
