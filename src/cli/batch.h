// Answering batch lines: one JSON query in, one JSON answer out, the graph loaded once.
#pragma once

#include <rapidjson/document.h>

#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "graph/graph.h"
#include "model/status.h"

namespace CLI {
class App;
}

namespace casegraph::cli {

struct Context;

/// What a request (a batch line's object) was answered: the exit status as the command's (0 found,
/// 1 nothing found, 2 an error), its answer (JSON; an export's text), or the error: its kind,
/// place and diagnostics, and its message as batch words it.
struct BatchOutcome {
  int exit = 0;
  std::string answer;
  Status error;
  std::string message;
};

/// Answers the lines of a batch with one command-line parser, built once: each parse leaves the
/// options at their defaults for the next (see OnParsed).
class BatchAnswerer {
 public:
  /// direct: neighbors and path lines are decoded straight into their options when they can be
  /// (see DecodeDirectly); false sends every line through the option parser (for tests).
  explicit BatchAnswerer(std::shared_ptr<const Graph> graph, bool direct = true);
  ~BatchAnswerer();

  /// The command's compact JSON answer (as with --format json), or
  /// {"casegraph": 1, "error": ..., "line": line}.
  std::string Answer(const std::string& text, int line);
  /// Answers one request, an object as a batch line holds; batch false also takes "export".
  BatchOutcome Run(const rapidjson::Value& request, bool batch);

 private:
  // "" when every key of the line names an option of the command, else the error for the first
  // that does not (with a suggestion, spelled with dash between words: '-' in batch, '_' in Python).
  std::string UnknownOption(const rapidjson::Value& q, const std::string& command, char dash);
  // The names a command's options answer to, spelled with dash: gathered once per command.
  const std::vector<std::string>& OptionNames(const std::string& command, char dash);

  bool direct_;
  std::unique_ptr<Context> ctx_;
  // What a command writes, kept between lines: a stream's construction (its locale) is a
  // twentieth of a small query's time.
  std::ostringstream out_, err_;
  std::unique_ptr<CLI::App> app_;
  // Where a line's JSON is parsed into: kept buffers, so that a line costs no allocation.
  struct LinePools;
  std::unique_ptr<LinePools> pools_;
  std::map<std::pair<std::string, char>, std::vector<std::string>> option_names_;
};

}  // namespace casegraph::cli
