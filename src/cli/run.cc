#include <ostream>

#include "cli/context.h"
#include "io/case_reader.h"

namespace casegraph::cli {

namespace {

constexpr const char* kVersion = "0.1.0";

}  // namespace

int Run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  Context ctx;
  ctx.out = &out;
  ctx.err = &err;
  CLI::App app("casegraph: legal-case knowledge graphs; every answer carries its evidence", "casegraph");
  app.set_version_flag("--version", std::string("casegraph ") + kVersion + " (case-file format " +
                                        std::to_string(kFormatVersion) + ")");
  app.add_option("-g,--graph", ctx.graphs,
                 "A case file, a directory of *.json case files, or a CSV edge file (repeatable); "
                 "default $CASEGRAPH_GRAPH, else ./graphs")
      ->type_name("PATH");
  app.require_subcommand(1);
  app.fallthrough();
  RegisterInspectCommands(app, &ctx);
  RegisterPathCommand(app, &ctx);
  RegisterExportCommand(app, &ctx);
  RegisterImportCommand(app, &ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e, out, err);
    err << "casegraph: error: " << e.what() << "\n";
    err << "Run 'casegraph --help' for usage.\n";
    return kInvalid;
  }
  return ctx.action ? ctx.action() : kInvalid;
}

}  // namespace casegraph::cli
