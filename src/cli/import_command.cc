// import ftm|csv FILE: another format as a case file on standard output.
#include <ostream>

#include "cli/context.h"
#include "io/case_writer.h"
#include "io/import.h"
#include "io/file_bytes.h"

namespace casegraph::cli {

namespace {

struct ImportOptions {
  std::string format;
  std::string file;
};

int RunImport(const Context& ctx, const ImportOptions& o) {
  Result<std::string> text = ReadFileBytes(o.file);
  if (!text.ok()) return ctx.Fail(o.file + ": " + text.status().message());
  Diagnostics diagnostics;
  const CaseFile file =
      ImportFile(o.format == "ftm" ? ImportFormat::kFtm : ImportFormat::kCsv, o.file, text.value(), &diagnostics);
  for (const Diagnostic& d : diagnostics) *ctx.err << FormatDiagnostic(d) << "\n";
  if (const size_t errors = ErrorCount(diagnostics)) {
    *ctx.err << "casegraph: " << errors << (errors == 1 ? " error" : " errors") << "; nothing imported\n";
    return kInvalid;
  }
  *ctx.out << WriteCaseFile(file);
  return kFound;
}

}  // namespace

void RegisterImportCommand(CLI::App& app, Context* ctx) {
  auto o = std::make_shared<ImportOptions>();
  CLI::App* command = app.add_subcommand("import", "A FollowTheMoney or CSV edge file as a case file, on standard output");
  command->add_option("format", o->format, "ftm (FollowTheMoney JSON lines) or csv (edge file)")
      ->required()->check(CLI::IsMember({"ftm", "csv"}));
  command->add_option("file", o->file, "The file to convert")->required();
  OnParsed(command, ctx, o, RunImport);
}

}  // namespace casegraph::cli
