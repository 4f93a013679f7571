// fmt: case files in canonical form, rewritten atomically; --check only reports.
#include <ostream>

#include "cli/context.h"
#include "io/atomic_write.h"
#include "io/case_loader.h"
#include "io/case_reader.h"
#include "io/case_writer.h"
#include "io/ftm_reader.h"
#include "io/file_bytes.h"
#include "io/source_text.h"

namespace casegraph::cli {

namespace {

struct FmtOptions {
  std::vector<std::string> files;
  bool check = false;
};

bool IsCaseFile(const std::string& path) {
  return path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0 && !IsFtmFileName(path);
}

int RunFmt(const Context& ctx, const FmtOptions& o) {
  Diagnostics problems;
  std::vector<std::string> files;
  for (const std::string& path : o.files.empty() ? ctx.GraphPaths() : o.files) {
    for (const std::string& f : ExpandGraphPath(path, &problems)) {
      if (IsCaseFile(f)) files.push_back(f);
    }
  }
  bool failed = !problems.empty(), changes = false;
  for (const Diagnostic& d : problems) *ctx.err << FormatDiagnostic(d) << "\n";
  for (const std::string& path : files) {
    Result<std::string> bytes = ReadFileBytes(path);
    if (!bytes.ok()) {
      *ctx.err << path << ": error: " << bytes.status().message() << "\n";
      failed = true;
      continue;
    }
    Diagnostics diagnostics;
    const CaseFile file = ReadCaseFile(SourceText(path, bytes.value()), &diagnostics);
    if (ErrorCount(diagnostics) > 0) {  // a file that does not load is never rewritten
      for (const Diagnostic& d : diagnostics) *ctx.err << FormatDiagnostic(d) << "\n";
      *ctx.err << "casegraph: " << path << " left as it is\n";
      failed = true;
      continue;
    }
    const std::string canonical = WriteCaseFile(file);
    if (canonical == bytes.value()) continue;
    changes = true;
    if (o.check) {
      *ctx.out << "would reformat " << path << "\n";
    } else if (Status s = WriteFileAtomically(path, canonical); !s.ok()) {
      *ctx.err << path << ": error: " << s.message() << "\n";
      failed = true;
    } else {
      *ctx.out << "reformatted " << path << "\n";
    }
  }
  if (failed) return kInvalid;
  return o.check && changes ? kNothingFound : kFound;
}

}  // namespace

void RegisterFmtCommand(CLI::App& app, Context* ctx) {
  auto o = std::make_shared<FmtOptions>();
  CLI::App* command = app.add_subcommand("fmt", "Rewrite case files in canonical form (atomically); --check only reports");
  command->add_option("files", o->files, "Case files or directories (default: the graph's)");
  command->add_flag("--check", o->check, "Change nothing; list the files that would change and exit 1 if any");
  OnParsed(command, ctx, o, RunFmt);
}

}  // namespace casegraph::cli
