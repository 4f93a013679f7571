#include "cli/filter_options.h"

#include "cli/context.h"

namespace casegraph::cli {

void AddTimeOptions(CLI::App* command, FilterSpec* spec, bool with_to) {
  command->add_option("--as-of", spec->as_of, "The graph as it stood on DATE: events up to it, spans in force on it")
      ->type_name("DATE");
  command->add_option("--from,--since", spec->since, "Only relations dated in a window starting at DATE")
      ->type_name("DATE");
  command->add_option(with_to ? "--to,--until" : "--until", spec->until, "Only relations dated in a window ending at DATE")
      ->type_name("DATE");
}

void AddRelationOptions(CLI::App* command, FilterSpec* spec) {
  command->add_option("--via", spec->via, "Only these relation types")->delimiter(',')->type_name("TYPE,...");
  command->add_option("--not-via", spec->not_via, "Never these relation types")->delimiter(',')->type_name("TYPE,...");
  command->add_option("--status", spec->status, "Only relations with these statuses, e.g. fact,reported")
      ->delimiter(',')->type_name("STATUS,...");
}

std::vector<CLI::Option*> AddPathFormOptions(CLI::App* command, PathFormSpec* o, FilterSpec* filter) {
  std::vector<CLI::Option*> added;
  auto keep = [&](CLI::Option* option) {
    added.push_back(option);
    return option;
  };
  CLI::Option* all = keep(command->add_flag("--all", o->all, "Every shortest path (parallel relations are distinct paths)"));
  CLI::Option* k = keep(command->add_option("-k", o->k, "The N shortest simple paths (Yen's algorithm)")
                            ->check(AtLeast(1))->type_name("N")->excludes(all));
  keep(command->add_flag("--simple", o->simple, "Every simple path of at most --max-hops hops, shortest first")
           ->excludes(all)->excludes(k));
  keep(command->add_flag("--weighted", o->weighted, "Least total relation weight instead of fewest hops; reports the cost"));
  keep(command->add_option("--limit", o->limit, "Enumerations (--all, -k, --simple) stop after N paths and say so")
           ->check(AtLeast(1))->type_name("N")->capture_default_str());
  CLI::Option* directed = keep(command->add_flag("--directed", o->directed, "Follow relations from -> to only"));
  keep(command->add_flag("--reverse", o->reverse, "Follow relations to -> from only")->excludes(directed));
  keep(command->add_flag("--chronological", o->chronological,
                         "Time-respecting: each hop on or after the one before, within its dates; the earliest arrival"));
  keep(command->add_option("--undated", o->undated, "With --chronological: skip undated relations, or allow them at any time")
           ->check(CLI::IsMember({"skip", "allow"}))->capture_default_str());
  keep(command->add_option("--through-types", filter->through_types, "Only entities of these types as intermediate stops")
           ->delimiter(',')->type_name("ENTITYTYPE,..."));
  keep(command->add_option("--avoid", filter->avoid, "Never pass through these entities or relations (ids or names)")
           ->delimiter(',')->type_name("ENTITY,..."));
  keep(command->add_option("--max-hops", o->max_hops, "At most N hops (required by --simple)")
           ->check(AtLeast(0))->type_name("N"));
  return added;
}

PathQuery MakePathQuery(const PathFormSpec& o, FilterSpec* filter, EntityId from, EntityId to) {
  filter->direction = o.directed ? Direction::kForward : o.reverse ? Direction::kBackward : Direction::kAny;
  if (o.max_hops >= 0) filter->max_hops = o.max_hops;
  PathQuery query;
  query.from = from;
  query.to = to;
  query.form = o.all ? PathForm::kAllShortest : o.k > 0 ? PathForm::kKShortest
               : o.simple ? PathForm::kAllSimple : PathForm::kShortest;
  query.weighted = o.weighted;
  query.k = o.k;
  query.limit = o.limit;
  query.chronological = o.chronological;
  query.undated_allowed = o.undated == "allow";
  return query;
}

void EchoTime(QueryEcho* echo, const TimeFilter& time) {
  if (time.as_of()) echo->Add("as-of", time.as_of()->text);
  if (time.window_from() || time.window_to()) {
    // An open end is written as "" in the pair.
    echo->Add("window", std::vector<std::string>{time.window_from() ? time.window_from()->text : "",
                                                 time.window_to() ? time.window_to()->text : ""});
  }
}

}  // namespace casegraph::cli
