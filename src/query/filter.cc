#include "query/filter.h"

#include "text/edit_distance.h"

namespace casegraph {

TraversalFilter::TraversalFilter(const Graph& g)
    : graph_(&g), allowed_type_(g.relation_type_names().size(), 1), symmetric_(g.relation_type_names().size(), 0) {
  for (TypeId t = 0; t < symmetric_.size(); ++t) symmetric_[t] = g.is_symmetric(t);
  Settle();
}

bool TraversalFilter::AllowsRelationDetails(RelationId r) const {
  if (!(allowed_status_ & (1u << static_cast<unsigned>(graph_->relation_status(r))))) return false;
  if (!avoided_relation_.empty() && std::binary_search(avoided_relation_.begin(), avoided_relation_.end(), r)) return false;
  if (time.active() && !time.Allows(graph_->relation_time(r))) return false;
  return true;
}

void TraversalFilter::Settle() {
  checks_relation_ = allowed_status_ != ~0u || !avoided_relation_.empty() || time.active();
  one_way_ = direction != Direction::kAny;
  for (TypeId t = 0; t < symmetric_.size(); ++t) {
    if (symmetric_[t] && allowed_type_[t]) one_way_ = false;
  }
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
    const bool exact_entity = res.kind == Resolution::Kind::kFound && g.entity_id(res.entity) == a;
    if (auto r = g.FindRelation(a); r && !exact_entity) {
      f.avoided_relation_.insert(std::upper_bound(f.avoided_relation_.begin(), f.avoided_relation_.end(), *r), *r);
      f.avoided_ids.push_back(a);
      continue;
    }
    if (res.kind != Resolution::Kind::kFound) {
      return Result<TraversalFilter>::Error("--avoid: " + ResolutionMessage(a, res, g));
    }
    f.avoided_entity_.insert(std::upper_bound(f.avoided_entity_.begin(), f.avoided_entity_.end(), res.entity), res.entity);
    f.avoided_ids.emplace_back(g.entity_id(res.entity));
  }
  f.Settle();
  return f;
}

}  // namespace casegraph
