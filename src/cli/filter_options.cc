#include "cli/filter_options.h"

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

void EchoTime(QueryEcho* echo, const TimeFilter& time) {
  if (time.as_of()) echo->Add("as-of", time.as_of()->text);
  if (time.window_from() || time.window_to()) {
    // An open end is written as "" in the pair.
    echo->Add("window", std::vector<std::string>{time.window_from() ? time.window_from()->text : "",
                                                 time.window_to() ? time.window_to()->text : ""});
  }
}

}  // namespace casegraph::cli
