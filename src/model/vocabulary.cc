#include "model/vocabulary.h"

namespace casegraph {

namespace {

struct BuiltinType {
  const char* id;
  const char* label;
  const char* inverse;
  bool symmetric;
};

const BuiltinType kBuiltinRelationTypes[] = {
    {"lawsuit", "sued", "sued by", false},
    {"throttle", "throttled", "throttled by", false},
    {"demand", "demanded of", "faced demand from", false},
    {"ban_threat", "threatened to ban", "threatened with ban by", false},
    {"removal_request", "requested removal from", "received removal requests from", false},
    {"block", "blocked", "blocked by", false},
    {"fine", "fined", "fined by", false},
    {"ruling", "ruled on", "ruled on by", false},
    {"appeal", "appealed against", "appealed against by", false},
    {"statement", "made a statement about", "was the subject of a statement by", false},
    {"report", "reported on", "reported on by", false},
    {"jailed", "jailed", "jailed by", false},
    {"opposes", "opposes", "opposed by", false},
    {"protest", "protested against", "protested against by", false},
    {"member_of", "member of", "has member", false},
    {"employed_by", "employed by", "employs", false},
    {"leads", "leads", "led by", false},
    {"part_of", "part of", "has part", false},
    {"regulates", "regulates", "regulated by", false},
    {"owns", "owns", "owned by", false},
    {"party_to", "party to", "has party", false},
    {"cites", "cites", "cited by", false},
    {"related", "related to", "related to", true},
};

}  // namespace

Vocabulary BuiltinVocabulary() {
  Vocabulary v;
  for (const BuiltinType& b : kBuiltinRelationTypes) {
    RelationType t;
    t.id = b.id;
    t.label = b.label;
    t.inverse = b.inverse;
    t.symmetric = b.symmetric;
    v.relation_types.emplace(t.id, t);
  }
  return v;
}

RelationType ImpliedRelationType(const std::string& id) {
  RelationType t;
  t.id = id;
  t.label = id;
  t.inverse = id + " (inverse)";
  return t;
}

}  // namespace casegraph
