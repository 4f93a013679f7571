// path FROM TO: how two entities are connected, each hop with its evidence.
#include <ostream>

#include "cli/context.h"
#include "cli/filter_options.h"
#include "query/filter.h"
#include "query/path.h"
#include "query/subgraph.h"
#include "render/dot_render.h"
#include "render/path_render.h"

namespace casegraph::cli {

namespace {

struct PathOptions {
  std::string from, to;
  bool directed = false, reverse = false;
  bool all = false, simple = false, weighted = false, chronological = false;
  std::string undated = "skip";
  int k = 0;
  int limit = kDefaultPathLimit;
  int max_hops = -1;
  FilterSpec filter;
};

QueryEcho Echo(const Graph& g, const PathQuery& q, const PathOptions& o, const TraversalFilter& f) {
  QueryEcho echo("path");
  echo.Add("from", std::string(g.entity_id(q.from))).Add("to", std::string(g.entity_id(q.to)));
  const char* form = o.all ? "all" : o.k > 0 ? "k-shortest" : o.simple ? "simple" : "shortest";
  echo.Add("form", form).Add("weighted", o.weighted).Add("chronological", o.chronological);
  if (o.chronological) echo.Add("undated", o.undated);
  if (o.k > 0) echo.Add("k", static_cast<int64_t>(o.k));
  if (q.form != PathForm::kShortest) echo.Add("limit", static_cast<int64_t>(o.limit));
  echo.Add("direction", o.directed ? "forward" : o.reverse ? "backward" : "any");
  echo.Add("via", o.filter.via).Add("not-via", o.filter.not_via).Add("through-types", o.filter.through_types);
  echo.Add("avoid", f.avoided_ids).Add("status", o.filter.status);
  if (f.max_hops) echo.Add("max-hops", static_cast<int64_t>(*f.max_hops));
  EchoTime(&echo, f.time);
  return echo;
}

int RunPath(const Context& ctx, PathOptions o) {  // a copy: the filter is completed here
  std::shared_ptr<const Graph> g = ctx.LoadGraph();
  if (!g) return kInvalid;
  std::optional<EntityId> from = ctx.ResolveEntity(*g, o.from);
  std::optional<EntityId> to = ctx.ResolveEntity(*g, o.to);  // both reported when both are unknown
  if (!from || !to) return kInvalid;
  o.filter.direction = o.directed ? Direction::kForward : o.reverse ? Direction::kBackward : Direction::kAny;
  if (o.max_hops >= 0) o.filter.max_hops = o.max_hops;
  Result<TraversalFilter> filter = CompileFilter(*g, o.filter);
  if (!filter.ok()) return ctx.Fail(filter.status());
  PathQuery query;
  query.from = *from;
  query.to = *to;
  query.form = o.all ? PathForm::kAllShortest : o.k > 0 ? PathForm::kKShortest
               : o.simple ? PathForm::kAllSimple : PathForm::kShortest;
  query.weighted = o.weighted;
  query.k = o.k;
  query.limit = o.limit;
  query.chronological = o.chronological;
  query.undated_allowed = o.undated == "allow";
  Result<PathAnswer> answer = FindPaths(*g, filter.value(), query);
  if (!answer.ok()) return ctx.Fail(answer.status());
  if (ctx.format == "dot") {
    *ctx.out << RenderDot(*g, PathContext(*g, filter.value(), answer.value(), false),
                          std::string(g->entity_name(*from)) + " → " + std::string(g->entity_name(*to)));
  } else if (ctx.json()) {
    *ctx.out << RenderPathJson(*g, Echo(*g, query, o, filter.value()), answer.value(), o.weighted, ctx.pretty);
  } else {
    *ctx.out << RenderPathText(*g, query, answer.value(), o.limit, ctx.style);
  }
  return answer.value().paths.empty() ? kNothingFound : kFound;
}

}  // namespace

void RegisterPathCommand(CLI::App& app, Context* ctx) {
  auto o = std::make_shared<PathOptions>();
  CLI::App* path = app.add_subcommand("path", "How FROM is connected to TO: paths, each hop with its evidence");
  path->add_option("from", o->from, "Start: entity id, name or alias")->required();
  path->add_option("to", o->to, "Target: entity id, name or alias")->required();
  CLI::Option* all = path->add_flag("--all", o->all, "Every shortest path (parallel relations are distinct paths)");
  CLI::Option* k = path->add_option("-k", o->k, "The N shortest simple paths (Yen's algorithm)")
                       ->check(AtLeast(1))->type_name("N")->excludes(all);
  path->add_flag("--simple", o->simple, "Every simple path of at most --max-hops hops, shortest first")
      ->excludes(all)->excludes(k);
  path->add_flag("--weighted", o->weighted, "Least total relation weight instead of fewest hops; reports the cost");
  path->add_option("--limit", o->limit, "Enumerations (--all, -k, --simple) stop after N paths and say so")
      ->check(AtLeast(1))->type_name("N")->capture_default_str();
  CLI::Option* directed = path->add_flag("--directed", o->directed, "Follow relations from -> to only");
  path->add_flag("--reverse", o->reverse, "Follow relations to -> from only")->excludes(directed);
  path->add_flag("--chronological", o->chronological,
                 "Time-respecting: each hop on or after the one before, within its dates; the earliest arrival");
  path->add_option("--undated", o->undated, "With --chronological: skip undated relations, or allow them at any time")
      ->check(CLI::IsMember({"skip", "allow"}))->capture_default_str();
  AddRelationOptions(path, &o->filter);
  path->add_option("--through-types", o->filter.through_types, "Only entities of these types as intermediate stops")
      ->delimiter(',')->type_name("ENTITYTYPE,...");
  path->add_option("--avoid", o->filter.avoid, "Never pass through these entities or relations (ids or names)")
      ->delimiter(',')->type_name("ENTITY,...");
  path->add_option("--max-hops", o->max_hops, "At most N hops (required by --simple)")
      ->check(AtLeast(0))->type_name("N");
  AddTimeOptions(path, &o->filter);
  AddFormatOption(path, ctx, {"dot"});
  OnParsed(path, ctx, o, RunPath);
}

}  // namespace casegraph::cli
