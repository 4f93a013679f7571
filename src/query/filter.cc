#include "query/filter.h"

#include "text/edit_distance.h"

namespace casegraph {

TraversalFilter::TraversalFilter(const Graph& g)
    : graph_(&g), allowed_type_(g.relation_type_names().size(), 1) {}

bool TraversalFilter::AllowsRelation(RelationId r, bool forward) const {
  const TypeId t = graph_->relation_type(r);
  if (!allowed_type_[t]) return false;
  if (!(allowed_status_ & (1u << static_cast<unsigned>(graph_->relation_status(r))))) return false;
  if (!avoided_relation_.empty() && avoided_relation_[r]) return false;
  if (time.active() && !time.Allows(graph_->relation_time(r))) return false;
  if (direction == Direction::kAny || graph_->is_symmetric(t)) return true;
  return forward == (direction == Direction::kForward);
}

namespace {

// Checks relation type names against the vocabulary; returns "" or the error message.
std::string CheckTypes(const Graph& g, const std::vector<std::string>& names, const char* option) {
  std::vector<std::string> known;
  for (const auto& [id, t] : g.model().vocabulary.relation_types) known.push_back(id);
  for (const std::string& n : names) {
    if (!g.model().vocabulary.relation_types.count(n)) {
      return std::string(option) + ": unknown relation type '" + n + "'" + DidYouMean(Suggest(n, known));
    }
  }
  return "";
}

}  // namespace

Result<TraversalFilter> CompileFilter(const Graph& g, const FilterSpec& spec) {
  TraversalFilter f(g);
  f.direction = spec.direction;
  if (spec.max_hops && *spec.max_hops < 0) return Result<TraversalFilter>::Error("--max-hops must be 0 or more");
  f.max_hops = spec.max_hops;
  Result<TimeFilter> time = TimeFilter::Parse(spec.as_of, spec.from_date, spec.to_date);
  if (!time.ok()) return Result<TraversalFilter>::Error(time.error());
  f.time = time.value();
  if (std::string e = CheckTypes(g, spec.via, "--via"); !e.empty()) return Result<TraversalFilter>::Error(e);
  if (std::string e = CheckTypes(g, spec.not_via, "--not-via"); !e.empty()) return Result<TraversalFilter>::Error(e);
  if (!spec.via.empty()) {
    std::fill(f.allowed_type_.begin(), f.allowed_type_.end(), 0);
    for (const std::string& n : spec.via) {
      if (auto t = g.FindRelationType(n)) f.allowed_type_[*t] = 1;
    }
  }
  for (const std::string& n : spec.not_via) {
    if (auto t = g.FindRelationType(n)) f.allowed_type_[*t] = 0;
  }
  if (!spec.status.empty()) {
    f.allowed_status_ = 0;
    for (const std::string& s : spec.status) {
      std::optional<Status> status = ParseStatus(s);
      if (!status) {
        return Result<TraversalFilter>::Error(
            "--status: unknown status '" + s + "'" +
            DidYouMean(Suggest(s, {"fact", "reported", "alleged", "claimed", "denied"}, 1)) +
            " (one of fact, reported, alleged, claimed, denied)");
      }
      f.allowed_status_ |= 1u << static_cast<unsigned>(*status);
    }
  }
  if (!spec.through_types.empty()) {
    f.through_type_.assign(g.entity_type_names().size(), 0);
    for (const std::string& t : spec.through_types) {
      std::optional<TypeId> id = g.FindEntityType(t);
      if (!id) {
        return Result<TraversalFilter>::Error("--through-types: no entity has type '" + t + "'" +
                                              DidYouMean(Suggest(t, g.entity_type_names())));
      }
      f.through_type_[*id] = 1;
    }
  }
  for (const std::string& a : spec.avoid) {
    // An entity id first, then a relation id, then any name of an entity.
    Resolution res = g.Resolve(a);
    const bool exact_entity = res.kind == Resolution::Kind::kFound && g.entity(res.entity).id == a;
    if (auto r = g.FindRelation(a); r && !exact_entity) {
      if (f.avoided_relation_.empty()) f.avoided_relation_.assign(g.relation_count(), 0);
      f.avoided_relation_[*r] = 1;
      f.avoided_ids.push_back(a);
      continue;
    }
    if (res.kind != Resolution::Kind::kFound) {
      return Result<TraversalFilter>::Error("--avoid: " + ResolutionMessage(a, res, g));
    }
    if (f.avoided_entity_.empty()) f.avoided_entity_.assign(g.entity_count(), 0);
    f.avoided_entity_[res.entity] = 1;
    f.avoided_ids.push_back(g.entity(res.entity).id);
  }
  return f;
}

}  // namespace casegraph
