// path FROM TO: how two entities are connected, each hop with its evidence.
#include <ostream>

#include "cli/context.h"
#include "query/filter.h"
#include "query/path.h"
#include "render/path_render.h"

namespace casegraph::cli {

namespace {

struct PathOptions {
  std::string from, to;
  bool directed = false;
  bool reverse = false;
  FilterSpec filter;
  int max_hops = -1;
};

QueryEcho Echo(const Graph& g, const PathQuery& q, const PathOptions& o, const TraversalFilter& f) {
  QueryEcho echo("path");
  echo.Add("from", g.entity(q.from).id).Add("to", g.entity(q.to).id);
  echo.Add("direction", o.directed ? "forward" : o.reverse ? "backward" : "any");
  echo.Add("via", o.filter.via).Add("not-via", o.filter.not_via).Add("avoid", f.avoided_ids);
  echo.Add("status", o.filter.status);
  if (f.max_hops) echo.Add("max-hops", static_cast<int64_t>(*f.max_hops));
  return echo;
}

int RunPath(const Context& ctx, PathOptions o) {
  std::unique_ptr<const Graph> g = ctx.LoadGraph();
  if (!g) return kInvalid;
  std::optional<EntityId> from = ctx.ResolveEntity(*g, o.from);
  if (!from) return kInvalid;
  std::optional<EntityId> to = ctx.ResolveEntity(*g, o.to);
  if (!to) return kInvalid;
  o.filter.direction = o.directed ? Direction::kForward : o.reverse ? Direction::kBackward : Direction::kAny;
  if (o.max_hops >= 0) o.filter.max_hops = o.max_hops;
  Result<TraversalFilter> filter = CompileFilter(*g, o.filter);
  if (!filter.ok()) return ctx.Fail(filter.error());
  const PathQuery query{*from, *to};
  const PathAnswer answer = ShortestPath(*g, filter.value(), query);
  *ctx.out << (ctx.json() ? RenderPathJson(*g, Echo(*g, query, o, filter.value()), answer)
                          : RenderPathText(*g, query, answer));
  return answer.paths.empty() ? kNothingFound : kFound;
}

}  // namespace

void RegisterPathCommand(CLI::App& app, Context* ctx) {
  auto o = std::make_shared<PathOptions>();
  CLI::App* path = app.add_subcommand("path", "How FROM is connected to TO: the shortest path, each hop with its evidence");
  path->add_option("from", o->from, "Start: entity id, name or alias")->required();
  path->add_option("to", o->to, "Target: entity id, name or alias")->required();
  CLI::Option* directed = path->add_flag("--directed", o->directed, "Follow relations from -> to only");
  path->add_flag("--reverse", o->reverse, "Follow relations to -> from only")->excludes(directed);
  path->add_option("--via", o->filter.via, "Only these relation types (comma-separated)")->delimiter(',')->type_name("TYPE,...");
  path->add_option("--not-via", o->filter.not_via, "Never these relation types")->delimiter(',')->type_name("TYPE,...");
  path->add_option("--avoid", o->filter.avoid, "Never pass through these entities or relations (ids or names)")
      ->delimiter(',')->type_name("ENTITY,...");
  path->add_option("--status", o->filter.status, "Only relations with these statuses, e.g. fact,reported")
      ->delimiter(',')->type_name("STATUS,...");
  path->add_option("--max-hops", o->max_hops, "At most N hops")->check(CLI::NonNegativeNumber)->type_name("N");
  AddFormatOption(path, ctx);
  path->callback([ctx, o] { ctx->action = [ctx, o] { return RunPath(*ctx, *o); }; });
}

}  // namespace casegraph::cli
