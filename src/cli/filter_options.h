// Command-line options that fill a FilterSpec, shared by the query commands.
#pragma once

#include <CLI/CLI.hpp>

#include "query/filter.h"
#include "query/path.h"
#include "render/describe.h"

namespace casegraph::cli {

/// --as-of DATE, --from DATE, --to/--until DATE. Where --to means something else (export's
/// target format), with_to is false and the window's end is --until only.
void AddTimeOptions(CLI::App* command, FilterSpec* spec, bool with_to = true);
/// --via, --not-via, --status.
void AddRelationOptions(CLI::App* command, FilterSpec* spec);
/// Which paths `path` and `export --path` look for, as their flags say.
struct PathFormSpec {
  bool directed = false, reverse = false;
  bool all = false, simple = false, weighted = false, chronological = false;
  std::string undated = "skip";
  int k = 0;
  int limit = kDefaultPathLimit;
  int max_hops = -1;
};

/// --all, -k, --simple, --weighted, --limit, --directed, --reverse, --chronological, --undated,
/// --through-types, --avoid, --max-hops; returns the options added.
std::vector<CLI::Option*> AddPathFormOptions(CLI::App* command, PathFormSpec* form, FilterSpec* filter);
/// Completes the filter (direction, maximum hops) and makes the query the flags ask for.
PathQuery MakePathQuery(const PathFormSpec& form, FilterSpec* filter, EntityId from, EntityId to);

/// Adds "as-of" and "window" ([from, to], null for an open end) to a JSON query echo when given.
void EchoTime(QueryEcho* echo, const TimeFilter& time);

}  // namespace casegraph::cli
