// path FROM TO: how two entities are connected, each hop with its evidence.
#include <ostream>

#include "cli/context.h"
#include "cli/filter_options.h"
#include "cli/query_options.h"
#include "query/filter.h"
#include "query/path.h"
#include "query/subgraph.h"
#include "render/dot_render.h"
#include "render/path_render.h"

namespace casegraph::cli {

namespace {

QueryEcho Echo(const Graph& g, const PathQuery& q, const PathOptions& options, const TraversalFilter& f) {
  const PathFormSpec& o = options.form;
  QueryEcho echo("path");
  echo.Add("from", std::string(g.entity_id(q.from))).Add("to", std::string(g.entity_id(q.to)));
  const char* form = o.all ? "all" : o.k > 0 ? "k-shortest" : o.simple ? "simple" : "shortest";
  echo.Add("form", form).Add("weighted", o.weighted).Add("chronological", o.chronological);
  if (o.chronological) echo.Add("undated", o.undated);
  if (o.k > 0) echo.Add("k", static_cast<int64_t>(o.k));
  if (q.form != PathForm::kShortest) echo.Add("limit", static_cast<int64_t>(o.limit));
  echo.Add("direction", o.directed ? "forward" : o.reverse ? "backward" : "any");
  const FilterSpec& spec = options.filter;
  echo.Add("via", spec.via).Add("not-via", spec.not_via).Add("through-types", spec.through_types);
  echo.Add("avoid", f.avoided_ids).Add("status", spec.status);
  if (f.max_hops) echo.Add("max-hops", static_cast<int64_t>(*f.max_hops));
  EchoTime(&echo, f.time);
  return echo;
}

}  // namespace

int RunPath(const Context& ctx, PathOptions o) {
  std::shared_ptr<const Graph> g = ctx.LoadGraph();
  if (!g) return kInvalid;
  std::optional<EntityId> from = ctx.ResolveEntity(*g, o.from);
  std::optional<EntityId> to = ctx.ResolveEntity(*g, o.to);  // both reported when both are unknown
  if (!from || !to) return kInvalid;
  const PathQuery query = MakePathQuery(o.form, &o.filter, *from, *to);
  const TraversalFilter* filter = ctx.Compile(g, o.filter);
  if (!filter) return kInvalid;
  Result<PathAnswer> answer = FindPaths(*g, *filter, query);
  if (!answer.ok()) return ctx.Fail(answer.status());
  if (ctx.format == "dot") {
    *ctx.out << RenderDot(*g, PathContext(*g, *filter, answer.value(), false),
                          std::string(g->entity_name(*from)) + " → " + std::string(g->entity_name(*to)));
  } else if (ctx.json()) {
    *ctx.out << RenderPathJson(*g, Echo(*g, query, o, *filter), answer.value(), o.form.weighted, ctx.pretty);
  } else {
    *ctx.out << RenderPathText(*g, query, answer.value(), o.form.limit, ctx.style);
  }
  return answer.value().paths.empty() ? kNothingFound : kFound;
}

void RegisterPathCommand(CLI::App& app, Context* ctx) {
  auto o = std::make_shared<PathOptions>();
  CLI::App* path = app.add_subcommand("path", "How FROM is connected to TO: paths, each hop with its evidence");
  path->add_option("from", o->from, "Start: entity id, name or alias")->required();
  path->add_option("to", o->to, "Target: entity id, name or alias")->required();
  AddPathFormOptions(path, &o->form, &o->filter);
  AddRelationOptions(path, &o->filter);
  AddTimeOptions(path, &o->filter);
  AddFormatOption(path, ctx, {"dot"});
  OnParsed(path, ctx, o, RunPath);
}

}  // namespace casegraph::cli
