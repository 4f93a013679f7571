// check, stats, find, show: what is in the graph.
#include <ostream>

#include "cli/context.h"
#include "io/case_loader.h"
#include "io/quote_check.h"
#include "query/stats.h"
#include "render/entity_render.h"
#include "render/stats_render.h"

namespace casegraph::cli {

namespace {

int RunCheck(const Context& ctx) {
  LoadResult result = LoadCase(ctx.GraphPaths());
  std::unique_ptr<const Graph> g;
  GraphStats stats;
  size_t quotes = 0;
  if (result.loaded) {
    g = Graph::Build(std::move(*result.loaded));
    result.diagnostics = CheckQuotes(g->model());
    stats = ComputeStats(*g);
    for (const Relation& r : g->model().relations) {
      for (const Evidence& e : r.evidence) {
        const Source* s = g->FindSource(e.source);
        quotes += s && !s->resolved_file.empty();
      }
    }
  }
  const bool ok = result.diagnostics.empty();
  if (ctx.json()) {
    *ctx.out << RenderCheckJson(QueryEcho("check"), result.diagnostics, ok ? &stats : nullptr, quotes);
  } else {
    for (const Diagnostic& d : result.diagnostics) *ctx.err << FormatDiagnostic(d) << "\n";
    if (ok) {
      *ctx.out << RenderCheckText(stats, quotes);
    } else {
      const size_t n = result.diagnostics.size();
      *ctx.err << "casegraph: " << n << (n == 1 ? " error" : " errors") << "\n";
    }
  }
  return ok ? kFound : kInvalid;
}

int RunStats(const Context& ctx) {
  std::unique_ptr<const Graph> g = ctx.LoadGraph();
  if (!g) return kInvalid;
  const GraphStats stats = ComputeStats(*g);
  *ctx.out << (ctx.json() ? RenderStatsJson(*g, QueryEcho("stats"), stats) : RenderStatsText(*g, stats));
  return kFound;
}

int RunFind(const Context& ctx, const std::string& text) {
  std::unique_ptr<const Graph> g = ctx.LoadGraph();
  if (!g) return kInvalid;
  const std::vector<NameMatch> matches = g->names().Find(text);
  if (ctx.json()) {
    *ctx.out << RenderFindJson(*g, QueryEcho("find").Add("text", text), matches);
  } else if (matches.empty()) {
    *ctx.out << "no entity matches '" << text << "'\n";
  } else {
    *ctx.out << RenderFindText(*g, matches);
  }
  return matches.empty() ? kNothingFound : kFound;
}

int RunShow(const Context& ctx, const std::string& text) {
  std::unique_ptr<const Graph> g = ctx.LoadGraph();
  if (!g) return kInvalid;
  std::optional<EntityId> v = ctx.ResolveEntity(*g, text);
  if (!v) return kInvalid;
  *ctx.out << (ctx.json() ? RenderShowJson(*g, QueryEcho("show").Add("entity", g->entity(*v).id), *v)
                          : RenderShowText(*g, *v));
  return kFound;
}

}  // namespace

void RegisterInspectCommands(CLI::App& app, Context* ctx) {
  CLI::App* check = app.add_subcommand(
      "check", "Validate the case files: every rule of the format, every reference, every quote against its source");
  AddFormatOption(check, ctx);
  check->callback([ctx] { ctx->action = [ctx] { return RunCheck(*ctx); }; });

  CLI::App* stats = app.add_subcommand("stats", "Counts: entities, relations, types, sources, components, dates");
  AddFormatOption(stats, ctx);
  stats->callback([ctx] { ctx->action = [ctx] { return RunStats(*ctx); }; });

  auto find_text = std::make_shared<std::string>();
  CLI::App* find = app.add_subcommand("find", "Entities whose id, name or alias contains TEXT, best first");
  find->add_option("text", *find_text, "Text to look for (any case, any script)")->required();
  AddFormatOption(find, ctx);
  find->callback([ctx, find_text] { ctx->action = [ctx, find_text] { return RunFind(*ctx, *find_text); }; });

  auto show_entity = std::make_shared<std::string>();
  CLI::App* show = app.add_subcommand("show", "One entity: names, attributes, every relation with dates and evidence");
  show->add_option("entity", *show_entity, "Entity id, name or alias")->required();
  AddFormatOption(show, ctx);
  show->callback([ctx, show_entity] { ctx->action = [ctx, show_entity] { return RunShow(*ctx, *show_entity); }; });
}

}  // namespace casegraph::cli
