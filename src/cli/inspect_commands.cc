// check, stats, find, show: what is in the graph.
#include <ostream>

#include "cli/context.h"
#include "cli/filter_options.h"
#include "io/case_loader.h"
#include "io/quote_check.h"
#include "query/relations_at.h"
#include "query/stats.h"
#include "query/timeline.h"
#include "render/entity_render.h"
#include "render/stats_render.h"
#include "render/timeline_render.h"

namespace casegraph::cli {

namespace {

int RunCheck(const Context& ctx) {
  LoadResult result = LoadCase(ctx.GraphPaths());
  std::unique_ptr<const Graph> g;
  GraphStats stats;
  size_t quotes = 0;
  if (result.loaded) {
    g = Graph::Build(std::move(*result.loaded));
    for (Diagnostic& d : CheckQuotes(g->model())) result.diagnostics.push_back(std::move(d));
    stats = ComputeStats(*g);
    for (const Relation& r : g->model().relations) {
      for (const Evidence& e : r.evidence) {
        const Source* s = g->FindSource(e.source);
        quotes += s && !s->resolved_file.empty() && !e.quote.empty();
      }
    }
  }
  const size_t errors = ErrorCount(result.diagnostics);
  const bool ok = errors == 0;
  if (ctx.json()) {
    *ctx.out << RenderCheckJson(QueryEcho("check"), result.diagnostics, ok ? &stats : nullptr, quotes);
  } else {
    for (const Diagnostic& d : result.diagnostics) *ctx.err << FormatDiagnostic(d) << "\n";
    if (ok) {
      *ctx.out << RenderCheckText(stats, quotes);
    } else {
      *ctx.err << "casegraph: " << errors << (errors == 1 ? " error" : " errors") << "\n";
    }
  }
  return ok ? kFound : kInvalid;
}

int RunStats(const Context& ctx, const FilterSpec& spec) {
  std::unique_ptr<const Graph> g = ctx.LoadGraph();
  if (!g) return kInvalid;
  Result<TimeFilter> time = TimeFilter::Parse(spec.as_of, spec.from_date, spec.to_date);
  if (!time.ok()) return ctx.Fail(time.error());
  const GraphStats stats = ComputeStats(*g, time.value());
  QueryEcho echo("stats");
  EchoTime(&echo, time.value());
  *ctx.out << (ctx.json() ? RenderStatsJson(*g, echo, stats) : RenderStatsText(*g, stats));
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

int RunShow(const Context& ctx, const std::string& text, const FilterSpec& spec) {
  std::unique_ptr<const Graph> g = ctx.LoadGraph();
  if (!g) return kInvalid;
  std::optional<EntityId> v = ctx.ResolveEntity(*g, text);
  if (!v) return kInvalid;
  Result<TraversalFilter> filter = CompileFilter(*g, spec);
  if (!filter.ok()) return ctx.Fail(filter.error());
  const std::vector<Hop> relations = RelationsAt(*g, *v, filter.value());
  if (ctx.json()) {
    QueryEcho echo("show");
    echo.Add("entity", g->entity(*v).id);
    EchoTime(&echo, filter.value().time);
    *ctx.out << RenderShowJson(*g, echo, *v, relations);
  } else {
    *ctx.out << RenderShowText(*g, *v, relations);
  }
  return kFound;
}

int RunTimeline(const Context& ctx, const std::string& text, const FilterSpec& spec) {
  std::unique_ptr<const Graph> g = ctx.LoadGraph();
  if (!g) return kInvalid;
  std::optional<EntityId> v;
  if (!text.empty()) {
    v = ctx.ResolveEntity(*g, text);
    if (!v) return kInvalid;
  }
  Result<TraversalFilter> filter = CompileFilter(*g, spec);
  if (!filter.ok()) return ctx.Fail(filter.error());
  const std::vector<RelationId> events = Timeline(*g, filter.value(), v);
  if (ctx.json()) {
    QueryEcho echo("timeline");
    if (v) echo.Add("entity", g->entity(*v).id);
    echo.Add("via", spec.via).Add("not-via", spec.not_via).Add("status", spec.status);
    EchoTime(&echo, filter.value().time);
    *ctx.out << RenderTimelineJson(*g, echo, events);
  } else {
    *ctx.out << RenderTimelineText(*g, v, events);
  }
  return events.empty() ? kNothingFound : kFound;
}

}  // namespace

void RegisterInspectCommands(CLI::App& app, Context* ctx) {
  CLI::App* check = app.add_subcommand(
      "check", "Validate the case files: every rule of the format, every reference, every quote against its source");
  AddFormatOption(check, ctx);
  check->callback([ctx] { ctx->action = [ctx] { return RunCheck(*ctx); }; });

  auto stats_filter = std::make_shared<FilterSpec>();
  CLI::App* stats = app.add_subcommand("stats", "Counts: entities, relations, types, sources, components, dates");
  AddTimeOptions(stats, stats_filter.get());
  AddFormatOption(stats, ctx);
  stats->callback([ctx, stats_filter] { ctx->action = [ctx, stats_filter] { return RunStats(*ctx, *stats_filter); }; });

  auto find_text = std::make_shared<std::string>();
  CLI::App* find = app.add_subcommand("find", "Entities whose id, name or alias contains TEXT, best first");
  find->add_option("text", *find_text, "Text to look for (any case, any script)")->required();
  AddFormatOption(find, ctx);
  find->callback([ctx, find_text] { ctx->action = [ctx, find_text] { return RunFind(*ctx, *find_text); }; });

  auto show_entity = std::make_shared<std::string>();
  auto show_filter = std::make_shared<FilterSpec>();
  CLI::App* show = app.add_subcommand("show", "One entity: names, attributes, every relation with dates and evidence");
  show->add_option("entity", *show_entity, "Entity id, name or alias")->required();
  AddTimeOptions(show, show_filter.get());
  AddFormatOption(show, ctx);
  show->callback([ctx, show_entity, show_filter] {
    ctx->action = [ctx, show_entity, show_filter] { return RunShow(*ctx, *show_entity, *show_filter); };
  });

  auto timeline_entity = std::make_shared<std::string>();
  auto timeline_filter = std::make_shared<FilterSpec>();
  CLI::App* timeline = app.add_subcommand(
      "timeline", "Dated relations in chronological order, of one entity or of the whole case");
  timeline->add_option("entity", *timeline_entity, "Entity id, name or alias (default: every entity)");
  AddRelationOptions(timeline, timeline_filter.get());
  AddTimeOptions(timeline, timeline_filter.get());
  AddFormatOption(timeline, ctx);
  timeline->callback([ctx, timeline_entity, timeline_filter] {
    ctx->action = [ctx, timeline_entity, timeline_filter] {
      return RunTimeline(*ctx, *timeline_entity, *timeline_filter);
    };
  });
}

}  // namespace casegraph::cli
