#include <unistd.h>

#include <algorithm>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <ostream>
#include <sstream>

#include "cli/context.h"
#include "cli/completion.h"
#include "cli/help.h"
#include "cli/spelling.h"

namespace casegraph::cli {

std::unique_ptr<CLI::App> BuildApp(Context* ctx, bool with_batch) {
  std::unique_ptr<CLI::App> app = BuildCommandApp(ctx);
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
