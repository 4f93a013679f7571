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
  all_types_ = std::all_of(allowed_type_.begin(), allowed_type_.end(), [](char a) { return a != 0; });
  reads_types_ = !all_types_ || (direction != Direction::kAny && !one_way_);
  steps_by_type_ = !checks_relation_ && avoided_entity_.empty() && through_type_.empty() &&
                   (direction == Direction::kAny || one_way_);
}

namespace {

// Checks relation type names against the vocabulary.
Status CheckTypes(const Graph& g, const std::vector<std::string>& names, std::string_view field) {
  for (const std::string& n : names) {
    if (!g.model().vocabulary.relation_types.count(n)) {
      std::vector<std::string> known;
      for (const auto& [id, t] : g.model().vocabulary.relation_types) known.push_back(id);
      return Status::InvalidInput(
          Message(Field(field), ": unknown relation type '", n, "'", DidYouMean(Suggest(n, known))));
    }
  }
  return Status();
}

// Adds the entities and relations to avoid: an entity id first, then a relation id, then any
// name of an entity.
Status AddAvoided(const Graph& g, const std::vector<std::string>& avoid, std::vector<EntityId>* entities,
                  std::vector<RelationId>* relations, std::vector<std::string>* ids) {
  for (const std::string& a : avoid) {
    Resolution res = g.Resolve(a);
    const bool exact_entity = res.kind == Resolution::Kind::kFound && g.entity_id(res.entity) == a;
    if (auto r = g.FindRelation(a); r && !exact_entity) {
      relations->insert(std::upper_bound(relations->begin(), relations->end(), *r), *r);
      ids->push_back(a);
      continue;
    }
    if (res.kind != Resolution::Kind::kFound) {
      return Status::InvalidInput(Message(Field("avoid"), ": ", ResolutionMessage(a, res, g)));
    }
    entities->insert(std::upper_bound(entities->begin(), entities->end(), res.entity), res.entity);
    ids->emplace_back(g.entity_id(res.entity));
  }
  return Status();
}

}  // namespace

Result<TraversalFilter> CompileFilter(const Graph& g, const FilterSpec& spec) {
  TraversalFilter f(g);
  f.direction = spec.direction;
  if (spec.max_hops && *spec.max_hops < 0) return Status::InvalidInput(Message(Field("max_hops"), " must be 0 or more"));
  f.max_hops = spec.max_hops;
  Result<TimeFilter> time = TimeFilter::Parse(spec.as_of, spec.since, spec.until);
  if (!time.ok()) return time.status();
  f.time = time.value();
  if (Status s = CheckTypes(g, spec.via, "via"); !s.ok()) return s;
  if (Status s = CheckTypes(g, spec.not_via, "not_via"); !s.ok()) return s;
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
      std::optional<ClaimStatus> status = ParseClaimStatus(s);
      if (!status) return Status::InvalidInput(Message(Field("status"), ": ", UnknownClaimStatusMessage(s)));
      f.allowed_status_ |= 1u << static_cast<unsigned>(*status);
    }
  }
  if (!spec.through_types.empty()) {
    f.through_type_.assign(g.entity_type_names().size(), 0);
    for (const std::string& t : spec.through_types) {
      std::optional<TypeId> id = g.FindEntityType(t);
      if (!id) {
        return Status::InvalidInput(Message(Field("through_types"), ": no entity has type '", t, "'",
                                            DidYouMean(Suggest(t, g.entity_type_names()))));
      }
      f.through_type_[*id] = 1;
    }
  }
  if (Status s = AddAvoided(g, spec.avoid, &f.avoided_entity_, &f.avoided_relation_, &f.avoided_ids); !s.ok()) return s;
  f.Settle();
  return f;
}

}  // namespace casegraph
