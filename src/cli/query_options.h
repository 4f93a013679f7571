// The options of neighbors, rank, brokers and path as their parsers fill them, and the commands
// that answer them: shared by the command-line parsers and batch's direct decoding of lines.
#pragma once

#include <string>

#include "cli/filter_options.h"

namespace casegraph::cli {

struct Context;

struct AnalysisOptions {
  std::string entity;
  int depth = 1;
  std::string by = "degree";
  int top = 10;
  bool weighted = false, directed = false, reverse = false;
  bool count = false;  // neighbors --count
  FilterSpec filter;
};

struct PathOptions {
  std::string from, to;
  PathFormSpec form;
  FilterSpec filter;
};

int RunNeighbors(const Context& ctx, const AnalysisOptions& o);
int RunPath(const Context& ctx, PathOptions o);  // a copy: the filter is completed there

}  // namespace casegraph::cli
