// neighbors, rank, brokers: the structure of the case.
#include <algorithm>
#include <ostream>

#include "cli/context.h"
#include "cli/filter_options.h"
#include "cli/query_options.h"
#include "query/brokers.h"
#include "query/neighbourhood.h"
#include "query/ranking.h"
#include "render/analysis_render.h"

namespace casegraph::cli {

namespace {

void AddDirectionOptions(CLI::App* command, AnalysisOptions* o) {
  CLI::Option* directed = command->add_flag("--directed", o->directed, "Follow relations from -> to only");
  command->add_flag("--reverse", o->reverse, "Follow relations to -> from only")->excludes(directed);
}

// Compiles the filter with the direction flags; null after printing why it failed.
const TraversalFilter* Compile(const Context& ctx, const std::shared_ptr<const Graph>& g, const AnalysisOptions& o) {
  FilterSpec spec = o.filter;
  spec.direction = o.directed ? Direction::kForward : o.reverse ? Direction::kBackward : Direction::kAny;
  return ctx.Compile(g, spec);
}

QueryEcho Echo(const char* command, const AnalysisOptions& o, const TraversalFilter& f) {
  QueryEcho echo(command);
  echo.Add("direction", o.directed ? "forward" : o.reverse ? "backward" : "any");
  echo.Add("via", o.filter.via).Add("not-via", o.filter.not_via).Add("status", o.filter.status);
  EchoTime(&echo, f.time);
  return echo;
}

QueryEcho NeighborsEcho(std::string entity, const AnalysisOptions& o, const TraversalFilter& f) {
  QueryEcho echo = Echo("neighbors", o, f);
  echo.Add("entity", std::move(entity)).Add("depth", static_cast<int64_t>(o.depth));
  echo.Add("through-types", o.filter.through_types).Add("avoid", f.avoided_ids);
  if (o.count) echo.Add("count", true);
  return echo;
}

// A neighbour count's compact JSON answer: put together from the text of the last such answer
// with the same filter and depth when there is one (batch lines), else written value by value.
std::string CompactCountAnswer(const Context& ctx, const Graph& g, EntityId v, const AnalysisOptions& o,
                               const TraversalFilter& f, const std::vector<size_t>& counts) {
  Context::CompiledFilter* kept = ctx.last_filter && &ctx.last_filter->filter == &f ? &*ctx.last_filter : nullptr;
  if (kept && kept->count_answers && kept->count_depth == o.depth) {
    return kept->count_answers->Render(g.entity_id(v), counts);
  }
  if (kept) {
    NeighbourCountAnswers answers;
    if (answers.Prepare(NeighborsEcho("", o, f))) {
      kept->count_answers = std::move(answers);
      kept->count_depth = o.depth;
    }
  }
  return RenderNeighbourCountJson(NeighborsEcho(std::string(g.entity_id(v)), o, f), counts, false);
}

}  // namespace

int RunNeighbors(const Context& ctx, const AnalysisOptions& o) {
  std::shared_ptr<const Graph> g = ctx.LoadGraph();
  if (!g) return kInvalid;
  std::optional<EntityId> v = ctx.ResolveEntity(*g, o.entity);
  if (!v) return kInvalid;
  const TraversalFilter* f = Compile(ctx, g, o);
  if (!f) return kInvalid;
  if (o.count) {
    const std::vector<size_t> counts = CountNeighbours(*g, *f, *v, o.depth);
    if (ctx.json()) {
      *ctx.out << (ctx.pretty ? RenderNeighbourCountJson(NeighborsEcho(std::string(g->entity_id(*v)), o, *f), counts, true)
                              : CompactCountAnswer(ctx, *g, *v, o, *f, counts));
    } else {
      *ctx.out << RenderNeighbourCountText(*g, *v, counts);
    }
    return std::all_of(counts.begin(), counts.end(), [](size_t c) { return c == 0; }) ? kNothingFound : kFound;
  }
  const std::vector<Neighbour> n = Neighbours(*g, *f, *v, o.depth);
  if (ctx.json()) {
    *ctx.out << RenderNeighboursJson(*g, NeighborsEcho(std::string(g->entity_id(*v)), o, *f), n, ctx.pretty);
  } else {
    *ctx.out << RenderNeighboursText(*g, *v, n, ctx.style);
  }
  return n.empty() ? kNothingFound : kFound;
}

namespace {

int RunRank(const Context& ctx, const AnalysisOptions& o) {
  std::shared_ptr<const Graph> g = ctx.LoadGraph();
  if (!g) return kInvalid;
  const TraversalFilter* f = Compile(ctx, g, o);
  if (!f) return kInvalid;
  RankQuery q;
  q.measure = o.by == "pagerank" ? RankMeasure::kPageRank : o.by == "betweenness" ? RankMeasure::kBetweenness
                                                                                  : RankMeasure::kDegree;
  q.weighted = o.weighted;
  Result<std::vector<RankedEntity>> ranked = Rank(*g, *f, q);
  if (!ranked.ok()) return ctx.Fail(ranked.status());
  std::vector<RankedEntity> shown = ranked.value();
  if (o.top > 0 && shown.size() > static_cast<size_t>(o.top)) shown.resize(static_cast<size_t>(o.top));
  if (ctx.json()) {
    QueryEcho echo = Echo("rank", o, *f);
    echo.Add("by", o.by).Add("weighted", o.weighted).Add("top", static_cast<int64_t>(o.top));
    *ctx.out << RenderRankJson(*g, echo, shown, ctx.pretty);
  } else {
    *ctx.out << RenderRankText(*g, o.by, shown);
  }
  return kFound;
}

int RunBrokers(const Context& ctx, const AnalysisOptions& o) {
  std::shared_ptr<const Graph> g = ctx.LoadGraph();
  if (!g) return kInvalid;
  const TraversalFilter* f = Compile(ctx, g, o);
  if (!f) return kInvalid;
  const Brokers b = FindBrokers(*g, *f);
  if (ctx.json()) {
    QueryEcho echo("brokers");
    echo.Add("via", o.filter.via).Add("not-via", o.filter.not_via).Add("status", o.filter.status);
    EchoTime(&echo, f->time);
    *ctx.out << RenderBrokersJson(*g, echo, b, ctx.pretty);
  } else {
    *ctx.out << RenderBrokersText(*g, b, ctx.style);
  }
  return b.articulation_points.empty() && b.bridges.empty() ? kNothingFound : kFound;
}

}  // namespace

void RegisterAnalysisCommands(CLI::App& app, Context* ctx) {
  auto n = std::make_shared<AnalysisOptions>();
  CLI::App* neighbors = app.add_subcommand("neighbors", "Entities within --depth N hops of ENTITY, with the relations that reach them");
  neighbors->add_option("entity", n->entity, "Entity id, name or alias")->required();
  neighbors->add_option("--depth", n->depth, "How many hops (default 1)")->check(AtLeast(0))->type_name("N")
      ->capture_default_str();
  neighbors->add_flag("--count", n->count, "Only count them: how many at each distance");
  AddDirectionOptions(neighbors, n.get());
  AddRelationOptions(neighbors, &n->filter);
  neighbors->add_option("--through-types", n->filter.through_types, "Only pass through entities of these types")
      ->delimiter(',')->type_name("ENTITYTYPE,...");
  neighbors->add_option("--avoid", n->filter.avoid, "Leave out these entities or relations")->delimiter(',')
      ->type_name("ENTITY,...");
  AddTimeOptions(neighbors, &n->filter);
  AddFormatOption(neighbors, ctx);
  OnParsed(neighbors, ctx, n, RunNeighbors);

  auto r = std::make_shared<AnalysisOptions>();
  CLI::App* rank = app.add_subcommand("rank", "Entities by degree, PageRank or betweenness (Boost.Graph)");
  rank->add_option("--by", r->by, "degree, pagerank or betweenness")
      ->check(CLI::IsMember({"degree", "pagerank", "betweenness"}))->capture_default_str();
  rank->add_option("--top", r->top, "Show the first N (0: all)")->check(AtLeast(0))->type_name("N")
      ->capture_default_str();
  rank->add_flag("--weighted", r->weighted, "Degree: sum of weights; betweenness: weights as distances");
  AddDirectionOptions(rank, r.get());
  AddRelationOptions(rank, &r->filter);
  AddTimeOptions(rank, &r->filter);
  AddFormatOption(rank, ctx);
  OnParsed(rank, ctx, r, RunRank);

  auto b = std::make_shared<AnalysisOptions>();
  CLI::App* brokers = app.add_subcommand("brokers", "Articulation points and bridges: what holds the case together");
  AddRelationOptions(brokers, &b->filter);
  AddTimeOptions(brokers, &b->filter);
  AddFormatOption(brokers, ctx);
  OnParsed(brokers, ctx, b, RunBrokers);
}

}  // namespace casegraph::cli
