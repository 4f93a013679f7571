// check, stats, find, show: what is in the graph.
#include <ostream>

#include "cli/context.h"
#include "cli/filter_options.h"
#include "io/case_loader.h"
#include "io/graph_loader.h"
#include "io/quote_check.h"
#include "query/relations_at.h"
#include "query/stats.h"
#include "query/timeline.h"
#include "render/entity_render.h"
#include "render/stats_render.h"
#include "render/timeline_render.h"

namespace casegraph::cli {

namespace {

struct InspectOptions {
  std::string text;  // find's TEXT, show's and timeline's ENTITY
  FilterSpec filter;
};

int RunCheck(const Context& ctx) {
  // Batch and shell have the graph loaded: for them only the quotes and near-duplicates remain
  // to check. Otherwise those are checked with everything else, so that one run lists every
  // problem.
  Diagnostics diagnostics;
  std::shared_ptr<const Graph> g = ctx.loaded;
  if (g) {
    diagnostics = ThoroughChecks(g->model());
  } else {
    GraphLoadOptions options;
    options.thorough = true;
    Result<std::shared_ptr<const Graph>> loaded = LoadGraph(ctx.GraphPaths(), options, &diagnostics);
    if (loaded.ok()) {
      g = Keep(std::move(loaded).value());
    } else {
      diagnostics = loaded.status().diagnostics();
      if (diagnostics.empty()) diagnostics.push_back({loaded.status().where(), loaded.status().message()});
    }
  }
  GraphStats stats;
  size_t quotes = 0;
  if (g) {
    stats = ComputeStats(*g);
    quotes = CountCheckableQuotes(g->model());
  }
  const size_t errors = ErrorCount(diagnostics);
  const bool ok = errors == 0;
  if (ctx.json()) {
    *ctx.out << RenderCheckJson(QueryEcho("check"), diagnostics, ok ? &stats : nullptr, quotes, ctx.pretty);
  } else {
    for (const Diagnostic& d : diagnostics) *ctx.err << FormatDiagnostic(d) << "\n";
    if (ok) {
      *ctx.out << RenderCheckText(stats, quotes);
    } else {
      *ctx.err << "casegraph: " << errors << (errors == 1 ? " error" : " errors") << "\n";
    }
  }
  return ok ? kFound : kInvalid;
}

int RunStats(const Context& ctx, const FilterSpec& spec) {
  std::shared_ptr<const Graph> g = ctx.LoadGraph();
  if (!g) return kInvalid;
  Result<TimeFilter> time = TimeFilter::Parse(spec.as_of, spec.since, spec.until);
  if (!time.ok()) return ctx.Fail(time.status());
  const GraphStats stats = ComputeStats(*g, time.value());
  QueryEcho echo("stats");
  EchoTime(&echo, time.value());
  *ctx.out << (ctx.json() ? RenderStatsJson(*g, echo, stats, ctx.pretty) : RenderStatsText(*g, stats));
  return kFound;
}

int RunFind(const Context& ctx, const std::string& text) {
  std::shared_ptr<const Graph> g = ctx.LoadGraph();
  if (!g) return kInvalid;
  const std::vector<NameMatch> matches = g->names().Find(text);
  // Nothing contains the text: the names closest to it, as an unknown reference gets.
  const std::vector<uint32_t> suggestions = matches.empty() ? g->names().Closest(text, 5) : std::vector<uint32_t>();
  if (ctx.json()) {
    *ctx.out << RenderFindJson(*g, QueryEcho("find").Add("text", text), matches, suggestions, ctx.pretty);
  } else if (matches.empty()) {
    *ctx.out << "no entity matches '" << text << "'" << DidYouMeanEntities(suggestions, *g) << "\n";
  } else {
    *ctx.out << RenderFindText(*g, matches, ctx.style);
  }
  return matches.empty() ? kNothingFound : kFound;
}

int RunShow(const Context& ctx, const std::string& text, const FilterSpec& spec) {
  std::shared_ptr<const Graph> g = ctx.LoadGraph();
  if (!g) return kInvalid;
  std::optional<EntityId> v = ctx.ResolveEntity(*g, text);
  if (!v) return kInvalid;
  Result<TraversalFilter> filter = CompileFilter(*g, spec);
  if (!filter.ok()) return ctx.Fail(filter.status());
  const std::vector<Hop> relations = RelationsAt(*g, *v, filter.value());
  if (ctx.json()) {
    QueryEcho echo("show");
    echo.Add("entity", std::string(g->entity_id(*v)));
    EchoTime(&echo, filter.value().time);
    *ctx.out << RenderShowJson(*g, echo, *v, relations, ctx.pretty);
  } else {
    *ctx.out << RenderShowText(*g, *v, relations, ctx.style);
  }
  return kFound;
}

int RunTimeline(const Context& ctx, const std::string& text, const FilterSpec& spec) {
  std::shared_ptr<const Graph> g = ctx.LoadGraph();
  if (!g) return kInvalid;
  std::optional<EntityId> v;
  if (!text.empty()) {
    v = ctx.ResolveEntity(*g, text);
    if (!v) return kInvalid;
  }
  Result<TraversalFilter> filter = CompileFilter(*g, spec);
  if (!filter.ok()) return ctx.Fail(filter.status());
  const std::vector<RelationId> events = Timeline(*g, filter.value(), v);
  if (ctx.json()) {
    QueryEcho echo("timeline");
    if (v) echo.Add("entity", std::string(g->entity_id(*v)));
    echo.Add("via", spec.via).Add("not-via", spec.not_via).Add("status", spec.status);
    EchoTime(&echo, filter.value().time);
    *ctx.out << RenderTimelineJson(*g, echo, events, ctx.pretty);
  } else {
    *ctx.out << RenderTimelineText(*g, v, events, ctx.style);
  }
  return events.empty() ? kNothingFound : kFound;
}

}  // namespace

void RegisterInspectCommands(CLI::App& app, Context* ctx) {
  auto check_options = std::make_shared<InspectOptions>();
  CLI::App* check = app.add_subcommand(
      "check", "Validate the case files: every rule of the format, every reference, every quote against its source");
  AddFormatOption(check, ctx);
  OnParsed(check, ctx, check_options, [](const Context& c, const InspectOptions&) { return RunCheck(c); });

  auto stats_options = std::make_shared<InspectOptions>();
  CLI::App* stats = app.add_subcommand("stats", "Counts: entities, relations, types, sources, components, dates");
  AddTimeOptions(stats, &stats_options->filter);
  AddFormatOption(stats, ctx);
  OnParsed(stats, ctx, stats_options, [](const Context& c, const InspectOptions& o) { return RunStats(c, o.filter); });

  auto find_options = std::make_shared<InspectOptions>();
  CLI::App* find = app.add_subcommand("find", "Entities whose id, name or alias contains TEXT, best first");
  find->add_option("text", find_options->text, "Text to look for (any case, any script)")->required();
  AddFormatOption(find, ctx);
  OnParsed(find, ctx, find_options, [](const Context& c, const InspectOptions& o) { return RunFind(c, o.text); });

  auto show_options = std::make_shared<InspectOptions>();
  CLI::App* show = app.add_subcommand("show", "One entity: names, attributes, every relation with dates and evidence");
  show->add_option("entity", show_options->text, "Entity id, name or alias")->required();
  AddTimeOptions(show, &show_options->filter);
  AddFormatOption(show, ctx);
  OnParsed(show, ctx, show_options, [](const Context& c, const InspectOptions& o) { return RunShow(c, o.text, o.filter); });

  auto timeline_options = std::make_shared<InspectOptions>();
  CLI::App* timeline = app.add_subcommand(
      "timeline", "Dated relations in chronological order, of one entity or of the whole case");
  timeline->add_option("entity", timeline_options->text, "Entity id, name or alias (default: every entity)");
  AddRelationOptions(timeline, &timeline_options->filter);
  AddTimeOptions(timeline, &timeline_options->filter);
  AddFormatOption(timeline, ctx);
  OnParsed(timeline, ctx, timeline_options,
           [](const Context& c, const InspectOptions& o) { return RunTimeline(c, o.text, o.filter); });
}

}  // namespace casegraph::cli
