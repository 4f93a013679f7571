#include "graph/name_index.h"

#include "graph/graph.h"

#include <algorithm>
#include <tuple>

#include "text/edit_distance.h"
#include "text/unicode.h"

namespace casegraph {

NameIndex::NameIndex(const Graph& graph) : graph_(&graph) {
  const size_t explicit_count = graph.model().entities.size();
  for (uint32_t v = 0; v < graph.entity_count(); ++v) {
    auto add = [&](const std::string& text) {
      std::string key = NameKey(text);
      std::vector<uint32_t>& list = keys_[key];
      if (list.empty() || list.back() != v) list.push_back(v);
      names_.push_back({std::move(key), text, v});
    };
    if (v >= explicit_count) {  // named only in a CSV file: its name is its id
      const std::string id(graph.entity_id(v));
      ids_.emplace(id, v);
      add(id);
      continue;
    }
    const Entity& e = graph.entity(v);
    ids_.emplace(e.id, v);
    add(e.id);
    add(e.name);
    for (const std::string& a : e.aliases) add(a);
  }
}

Resolution NameIndex::Resolve(const std::string& text) const {
  Resolution r;
  if (auto it = ids_.find(text); it != ids_.end()) {
    r.kind = Resolution::Kind::kFound;
    r.entity = it->second;
    return r;
  }
  const std::string key = NameKey(text);
  if (auto it = keys_.find(key); it != keys_.end()) {
    if (it->second.size() == 1) {
      r.kind = Resolution::Kind::kFound;
      r.entity = it->second.front();
    } else {
      r.kind = Resolution::Kind::kAmbiguous;
      r.candidates = it->second;
    }
    return r;
  }
  // Unknown: the closest names by edit distance, then names that contain the text.
  const int limit = std::max<int>(1, static_cast<int>(CodePoints(key).size()) / 3);
  std::vector<std::tuple<int, std::string, uint32_t>> scored;
  for (const Name& n : names_) {
    int d = EditDistance(key, n.key, limit);
    if (d > limit && key.size() >= 3 && n.key.find(key) != std::string::npos) d = limit + 1;
    else if (d > limit) continue;
    scored.emplace_back(d, std::string(graph_->entity_id(n.entity)), n.entity);
  }
  std::sort(scored.begin(), scored.end());
  for (const auto& [d, id, v] : scored) {
    if (r.candidates.size() == 5) break;
    if (std::find(r.candidates.begin(), r.candidates.end(), v) == r.candidates.end()) r.candidates.push_back(v);
  }
  return r;
}

std::vector<NameMatch> NameIndex::Find(const std::string& text) const {
  const std::string key = NameKey(text);
  std::vector<NameMatch> best(graph_->entity_count(), NameMatch{0, 99, ""});
  for (const Name& n : names_) {
    const size_t at = n.key.find(key);
    if (at == std::string::npos) continue;
    int rank = 3;
    if (n.key == key) {
      rank = 0;
    } else if (at == 0) {
      rank = 1;
    } else {
      for (size_t p = at; p != std::string::npos; p = n.key.find(key, p + 1)) {
        const char before = n.key[p - 1];
        if (before == ' ' || before == '-' || before == '_' || before == '.' || before == ':' || before == '\'') {
          rank = 2;
          break;
        }
      }
    }
    const NameMatch& held = best[n.entity];
    if (rank < held.rank || (rank == held.rank && n.text.size() < held.matched.size())) {
      best[n.entity] = NameMatch{n.entity, rank, n.text};
    }
  }
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
  std::string out = "unknown entity '" + text + "'";
  if (r.candidates.empty()) return out;
  out += "; did you mean ";
  for (size_t i = 0; i < r.candidates.size(); ++i) {
    if (i > 0) out += i + 1 == r.candidates.size() ? " or " : ", ";
    const EntityId v = r.candidates[i];
    out.append("'").append(graph.entity_name(v)).append("' (").append(graph.entity_id(v)).append(")");
  }
  return out + "?";
}

}  // namespace casegraph
