// Finds entities by what people call them: id, name or alias, in any case and script.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/case.h"

namespace casegraph {

/// The outcome of resolving one entity reference.
struct Resolution {
  enum class Kind { kFound, kAmbiguous, kUnknown };
  Kind kind = Kind::kUnknown;
  uint32_t entity = 0;               // kFound
  std::vector<uint32_t> candidates;  // kAmbiguous: every match; kUnknown: close names ("did you mean")
};

/// How a find result matched.
struct NameMatch {
  uint32_t entity = 0;
  int rank = 0;         // 0 exact, 1 prefix, 2 start of a word, 3 anywhere
  std::string matched;  // the id, name or alias that matched
};

class Graph;

/// Built by the graph on first use, and then immutable. The case's entities are indexed by every id, name and
/// alias under NameKey; entities named only in CSV files (whose one name is their id, plain ASCII)
/// are found by scanning their ids, so that a graph of millions of them costs nothing to index.
class NameIndex {
 public:
  NameIndex() = default;
  /// Indexes the entities of graph, which must outlive the index.
  explicit NameIndex(const Graph& graph);

  /// Exact id first; then id, name or alias compared under NameKey (NFC + case folding).
  Resolution Resolve(const std::string& text) const;

  /// Entities whose id, name or alias contains text (compared under NameKey), best first:
  /// by rank, then the length of the matched text (closer first), then name, then id.
  std::vector<NameMatch> Find(const std::string& text) const;

  /// The entities whose name is exactly text, in entity order (an entity named only in a CSV
  /// file is named by its id).
  std::vector<uint32_t> NamedExactly(std::string_view text) const;

  /// Up to max_count entities whose id, name or alias is close to text (edit distance), closest
  /// first: the "did you mean" of a reference that matches nothing.
  std::vector<uint32_t> Closest(const std::string& text, size_t max_count) const;

 private:
  struct Name {
    std::string key;        // NameKey of the text
    std::string_view text;  // as written, in the graph's model
    uint32_t entity = 0;
  };
  // Calls fn(key, text, entity) for every name: the indexed ones, then each CSV entity's id.
  template <typename Fn>
  void ForEachName(Fn&& fn) const;

  const Graph* graph_ = nullptr;
  std::unordered_map<std::string, std::vector<uint32_t>> keys_;  // indexed names' keys -> entities
  std::vector<Name> names_;  // every id, name and alias of the case's entities
};

/// "; did you mean 'Alexei Navalny' (navalny) or 'Navalny protests' (navalny-protests)?", or ""
/// when there are no candidates.
std::string DidYouMeanEntities(const std::vector<uint32_t>& candidates, const Graph& graph);

/// The message for a reference that did not resolve to one entity, e.g.
/// "unknown entity 'Navalni'; did you mean 'Alexei Navalny' (navalny)?" or
/// "'Twitter' is ambiguous: twitter (Twitter), twitter-inc (Twitter Inc.); use an id".
std::string ResolutionMessage(const std::string& text, const Resolution& r, const Graph& graph);

}  // namespace casegraph
