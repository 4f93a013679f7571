#include "cli/context.h"

#include <cstdlib>
#include <ostream>

#include "io/case_loader.h"

namespace casegraph::cli {

std::vector<std::string> Context::GraphPaths() const {
  if (!graphs.empty()) return graphs;
  if (const char* env = std::getenv("CASEGRAPH_GRAPH"); env && *env) return {env};
  return {"graphs"};
}

std::shared_ptr<const Graph> Context::LoadGraph() const {
  if (loaded) return loaded;
  LoadResult result = LoadCase(GraphPaths());
  if (!result.loaded) {
    // Warnings are check's and import's to show; a graph that loads answers quietly.
    for (const Diagnostic& d : result.diagnostics) *err << FormatDiagnostic(d) << "\n";
    const size_t n = ErrorCount(result.diagnostics);
    *err << "casegraph: " << n << (n == 1 ? " error" : " errors") << "; nothing loaded\n";
    return nullptr;
  }
  return Graph::Build(std::move(*result.loaded));
}

int Context::Fail(const std::string& message) const {
  last_error = message;
  *err << "casegraph: error: " << message << "\n";
  return kInvalid;
}

std::optional<EntityId> Context::ResolveEntity(const Graph& g, const std::string& text) const {
  Resolution r = g.Resolve(text);
  if (r.kind == Resolution::Kind::kFound) return r.entity;
  Fail(ResolutionMessage(text, r, g));
  return std::nullopt;
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
