// Helpers shared by the unit tests: graphs from JSON text, and random small multigraphs.
#pragma once

#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/graph.h"
#include "io/case_loader.h"

namespace casegraph::testing {

/// What loading gave: the case when it loaded, and every diagnostic (errors, or the warnings of
/// a case that loads).
struct Loaded {
  std::optional<Case> loaded;
  Diagnostics diagnostics;
};
Loaded Load(const std::vector<std::string>& paths);
Loaded LoadTexts(const std::vector<std::pair<std::string, std::string>>& files);

/// Loads in-memory files; REQUIRES: they load without diagnostics (the test fails otherwise).
std::unique_ptr<const Graph> GraphFromTexts(const std::vector<std::pair<std::string, std::string>>& files);

/// All diagnostics of loading in-memory files, formatted "file:line:col: error: message".
std::vector<std::string> DiagnosticsOf(const std::vector<std::pair<std::string, std::string>>& files);

/// Line and column (1-based; columns count code points) of a byte offset, counted naively from
/// the start of text: the oracle for SourceText::LocationAt.
std::pair<int, int> NaivePlace(std::string_view text, size_t offset);

/// Random dates for a relation: undated (20%), an event of day, month or year precision (50%),
/// or a span with a start, an end or both (30%); all within 2021.
void RandomDates(std::mt19937& rng, Relation* r);

/// A random case: n entities e0..e{n-1}, m relations of types t0, t1 and t2 (t2 symmetric),
/// random statuses, weights (multiples of 0.25 up to 2) and dates; parallel relations and
/// self-relations included.
Case RandomCase(std::mt19937& rng, int n, int m);

/// One case as graphs made every way casegraph makes them: built from the case itself; loaded
/// from files (a case file with the vocabulary and the entities, a CSV edge file with the
/// relations: numbering, types, statuses, weights and dates as in the case); and, when
/// with_snapshot, those files built into a snapshot and opened from it. Oracles run on each.
/// REQUIRES: the relations' types are defined in c.vocabulary or built in, and have no attributes
/// or evidence (a CSV row has none).
struct MadeGraph {
  std::string how;
  std::unique_ptr<const Graph> graph;
};
std::vector<MadeGraph> GraphsOf(const Case& c, bool with_snapshot);

}  // namespace casegraph::testing
