#include "graph/name_index.h"

#include <algorithm>
#include <tuple>

#include "graph/graph.h"
#include "text/edit_distance.h"
#include "text/unicode.h"

namespace casegraph {

namespace {

// The NameKey of an id of a CSV entity: ids are ASCII letters, digits and . _ : - only, so
// folding is lower-casing.
std::string IdKey(std::string_view id) {
  std::string key(id);
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return key;
}

// Whether a key could be the key of an id (no space, no character an id cannot hold).
bool CouldBeIdKey(std::string_view key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == ':' || c == '-';
  });
}

// How a name matches the key of a search: 0 exact, 1 prefix, 2 start of a word, 3 anywhere,
// -1 not at all.
int MatchRank(std::string_view name_key, std::string_view key) {
  const size_t at = name_key.find(key);
  if (at == std::string::npos) return -1;
  if (name_key == key) return 0;
  if (at == 0) return 1;
  for (size_t p = at; p != std::string::npos; p = name_key.find(key, p + 1)) {
    const char before = name_key[p - 1];
    if (before == ' ' || before == '-' || before == '_' || before == '.' || before == ':' || before == '\'') return 2;
  }
  return 3;
}

}  // namespace

NameIndex::NameIndex(const Graph& graph) : graph_(&graph) {
  const std::vector<Entity>& entities = graph.model().entities;
  for (uint32_t v = 0; v < entities.size(); ++v) {
    auto add = [&](std::string_view text) {
      std::string key = NameKey(text);
      std::vector<uint32_t>& list = keys_[key];
      if (list.empty() || list.back() != v) list.push_back(v);
      names_.push_back({std::move(key), text, v});
    };
    const Entity& e = entities[v];
    add(e.id);
    add(e.name);
    for (const std::string& a : e.aliases) add(a);
  }
}

template <typename Fn>
void NameIndex::ForEachName(Fn&& fn) const {
  for (const Name& n : names_) fn(std::string_view(n.key), n.text, n.entity);
  for (EntityId v = static_cast<EntityId>(graph_->model().entities.size()); v < graph_->entity_count(); ++v) {
    const std::string_view id = graph_->entity_id(v);
    fn(std::string_view(IdKey(id)), id, v);
  }
}

Resolution NameIndex::Resolve(const std::string& text) const {
  Resolution r;
  if (std::optional<EntityId> v = graph_->FindEntity(text)) {
    r.kind = Resolution::Kind::kFound;
    r.entity = *v;
    return r;
  }
  const std::string key = NameKey(text);
  if (auto it = keys_.find(key); it != keys_.end()) r.candidates = it->second;
  if (CouldBeIdKey(key)) {  // the CSV entities' ids
    for (EntityId v = static_cast<EntityId>(graph_->model().entities.size()); v < graph_->entity_count(); ++v) {
      if (IdKey(graph_->entity_id(v)) == key) r.candidates.push_back(v);
    }
  }
  if (r.candidates.size() == 1) {
    r.kind = Resolution::Kind::kFound;
    r.entity = r.candidates.front();
    r.candidates.clear();
  } else if (!r.candidates.empty()) {
    r.kind = Resolution::Kind::kAmbiguous;
  } else {
    r.candidates = Closest(text, 5);
  }
  return r;
}

std::vector<uint32_t> NameIndex::NamedExactly(std::string_view text) const {
  std::vector<uint32_t> out;
  if (auto it = keys_.find(NameKey(text)); it != keys_.end()) {
    for (uint32_t v : it->second) {
      if (graph_->entity_name(v) == text) out.push_back(v);
    }
  }
  if (graph_->entity_count() > graph_->model().entities.size()) {
    if (std::optional<EntityId> v = graph_->FindEntity(text); v && *v >= graph_->model().entities.size()) out.push_back(*v);
  }
  return out;
}

std::vector<uint32_t> NameIndex::Closest(const std::string& text, size_t max_count) const {
  // The closest names by edit distance, then names that contain the text.
  const std::string key = NameKey(text);
  const int limit = SuggestionDistance(key);
  std::vector<std::tuple<int, std::string_view, uint32_t>> scored;
  ForEachName([&](std::string_view name_key, std::string_view, uint32_t v) {
    int d = EditDistance(key, name_key, limit);
    if (d > limit && key.size() >= 3 && name_key.find(key) != std::string::npos) {
      d = limit + 1;
    } else if (d > limit) {
      return;
    }
    scored.emplace_back(d, graph_->entity_id(v), v);
  });
  std::sort(scored.begin(), scored.end());
  std::vector<uint32_t> out;
  for (const auto& [d, id, v] : scored) {
    if (out.size() == max_count) break;
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  }
  return out;
}

std::vector<NameMatch> NameIndex::Find(const std::string& text) const {
  const std::string key = NameKey(text);
  std::vector<NameMatch> best(graph_->entity_count(), NameMatch{0, 99, ""});
  ForEachName([&](std::string_view name_key, std::string_view name, uint32_t v) {
    const int rank = MatchRank(name_key, key);
    if (rank < 0) return;
    const NameMatch& held = best[v];
    if (rank < held.rank || (rank == held.rank && name.size() < held.matched.size())) {
      best[v] = NameMatch{v, rank, std::string(name)};
    }
  });
  std::vector<NameMatch> out;
  for (const NameMatch& m : best) {
    if (m.rank < 99) out.push_back(m);
  }
  const Graph& g = *graph_;
  std::sort(out.begin(), out.end(), [&](const NameMatch& a, const NameMatch& b) {
    const size_t la = a.matched.size(), lb = b.matched.size();
    return std::tuple(a.rank, la, g.entity_name(a.entity), g.entity_id(a.entity)) <
           std::tuple(b.rank, lb, g.entity_name(b.entity), g.entity_id(b.entity));
  });
  return out;
}

std::string ResolutionMessage(const std::string& text, const Resolution& r, const Graph& graph) {
  auto describe = [&](uint32_t v) {
    std::string d(graph.entity_id(v));  // appended piece by piece (GCC 12 warns on long + chains)
    d.append(" (").append(graph.entity_name(v)).append(")");
    return d;
  };
  if (r.kind == Resolution::Kind::kAmbiguous) {
    std::string out = "'" + text + "' is ambiguous: ";
    for (size_t i = 0; i < r.candidates.size(); ++i) out += (i ? ", " : "") + describe(r.candidates[i]);
    return out + "; use an id";
  }
  return "unknown entity '" + text + "'" + DidYouMeanEntities(r.candidates, graph);
}

std::string DidYouMeanEntities(const std::vector<uint32_t>& candidates, const Graph& graph) {
  if (candidates.empty()) return "";
  std::string out = "; did you mean ";
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (i > 0) out += i + 1 == candidates.size() ? " or " : ", ";
    const EntityId v = candidates[i];
    out.append("'").append(graph.entity_name(v)).append("' (").append(graph.entity_id(v)).append(")");
  }
  return out + "?";
}

}  // namespace casegraph
