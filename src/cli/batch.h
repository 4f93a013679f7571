// Answering batch lines: one JSON query in, one JSON answer out, the graph loaded once.
#pragma once

#include <rapidjson/document.h>

#include <memory>
#include <string>

#include "graph/graph.h"

namespace CLI {
class App;
}

namespace casegraph::cli {

struct Context;

/// Answers the lines of a batch with one command-line parser, built once: each parse leaves the
/// options at their defaults for the next (see OnParsed).
class BatchAnswerer {
 public:
  explicit BatchAnswerer(std::shared_ptr<const Graph> graph);
  ~BatchAnswerer();

  /// The command's compact JSON answer (as with --format json), or
  /// {"casegraph": 1, "error": ..., "line": line}.
  std::string Answer(const std::string& text, int line);

 private:
  // "" when every key of the line names an option of the command, else the error for the first
  // that does not (with a suggestion).
  std::string UnknownOption(const rapidjson::Document& q, const std::string& command) const;

  std::unique_ptr<Context> ctx_;
  std::unique_ptr<CLI::App> app_;
};

}  // namespace casegraph::cli
