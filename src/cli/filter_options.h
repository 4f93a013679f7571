// Command-line options that fill a FilterSpec, shared by the query commands.
#pragma once

#include <CLI/CLI.hpp>

#include "query/filter.h"
#include "render/describe.h"

namespace casegraph::cli {

/// --as-of DATE, --from DATE, --to/--until DATE. Where --to means something else (export's
/// target format), with_to is false and the window's end is --until only.
void AddTimeOptions(CLI::App* command, FilterSpec* spec, bool with_to = true);
/// --via, --not-via, --status.
void AddRelationOptions(CLI::App* command, FilterSpec* spec);
/// Adds "as-of" and "window" ([from, to], null for an open end) to a JSON query echo when given.
void EchoTime(QueryEcho* echo, const TimeFilter& time);

}  // namespace casegraph::cli
