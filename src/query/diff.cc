#include "query/diff.h"

#include <algorithm>
#include <deque>
#include <map>
#include <unordered_map>

namespace casegraph {

const std::vector<std::string> kEntityDiffFields = {"name", "type", "aliases", "description", "attributes"};
const std::vector<std::string> kRelationDiffFields = {"type", "from", "to", "date", "start", "end",
                                                      "status", "weight", "attributes", "evidence"};
const std::vector<std::string> kSourceDiffFields = {"title", "publisher", "url", "file", "date"};

namespace {

bool SameAttributes(const Attributes& a, const Attributes& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const auto& x, const auto& y) { return x.first == y.first && x.second.SameValue(y.second); });
}

bool SameDate(const std::optional<Date>& a, const std::optional<Date>& b) {
  return a.has_value() == b.has_value() && (!a || a->text == b->text);
}

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

std::vector<std::string> Differ(const Entity& a, const Entity& b) {
  std::vector<std::string> out;
  if (a.name != b.name) out.push_back("name");
  if (a.type != b.type) out.push_back("type");
  if (Sorted(a.aliases) != Sorted(b.aliases)) out.push_back("aliases");
  if (a.description != b.description) out.push_back("description");
  if (!SameAttributes(a.attributes, b.attributes)) out.push_back("attributes");
  return out;
}

std::vector<std::string> Differ(const Relation& a, const Relation& b) {
  std::vector<std::string> out;
  if (a.type != b.type) out.push_back("type");
  if (a.from != b.from) out.push_back("from");
  if (a.to != b.to) out.push_back("to");
  if (!SameDate(a.date, b.date)) out.push_back("date");
  if (!SameDate(a.start, b.start)) out.push_back("start");
  if (!SameDate(a.end, b.end)) out.push_back("end");
  if (a.status != b.status) out.push_back("status");
  if (a.weight != b.weight) out.push_back("weight");
  if (!SameAttributes(a.attributes, b.attributes)) out.push_back("attributes");
  const bool same_evidence = std::equal(
      a.evidence.begin(), a.evidence.end(), b.evidence.begin(), b.evidence.end(), [](const Evidence& x, const Evidence& y) {
        return x.source == y.source && x.quote == y.quote && x.locator == y.locator;
      });
  if (!same_evidence) out.push_back("evidence");
  return out;
}

std::vector<std::string> Differ(const Source& a, const Source& b) {
  std::vector<std::string> out;
  if (a.title != b.title) out.push_back("title");
  if (a.publisher != b.publisher) out.push_back("publisher");
  if (a.url != b.url) out.push_back("url");
  if (a.file != b.file) out.push_back("file");
  if (!SameDate(a.date, b.date)) out.push_back("date");
  return out;
}

// Matches new records with old ones by key; old records left over were removed.
template <typename Record, typename KeyOf>
void Compare(const std::vector<Record>& before, const std::vector<Record>& after, const KeyOf& key_of,
             RecordChanges<Record>* changes) {
  std::unordered_map<std::string, std::deque<size_t>> old_by_key;
  for (size_t i = 0; i < before.size(); ++i) old_by_key[key_of(before[i])].push_back(i);
  std::vector<bool> matched(before.size(), false);
  for (const Record& r : after) {
    auto it = old_by_key.find(key_of(r));
    if (it == old_by_key.end() || it->second.empty()) {
      changes->added.push_back(r);
      continue;
    }
    const size_t i = it->second.front();
    it->second.pop_front();
    matched[i] = true;
    if (std::vector<std::string> fields = Differ(before[i], r); !fields.empty()) {
      changes->changed.push_back({before[i], r, std::move(fields)});
    }
  }
  for (size_t i = 0; i < before.size(); ++i) {
    if (!matched[i]) changes->removed.push_back(before[i]);
  }
}

std::vector<Entity> Entities(const Graph& g) {
  std::vector<Entity> out;
  out.reserve(g.entity_count());
  for (EntityId v = 0; v < g.entity_count(); ++v) out.push_back(*g.entity(v));
  return out;
}

std::vector<Relation> Relations(const Graph& g) {
  std::vector<Relation> out;
  out.reserve(g.relation_count());
  for (RelationId r = 0; r < g.relation_count(); ++r) out.push_back(*g.relation(r));
  return out;
}

std::string DateKey(const std::optional<Date>& d) { return d ? d->text : "-"; }

// A relation's key: its id when its file gave one, else what it says (type, ends, dates).
std::string RelationKey(const Relation& r) {
  if (r.id_given) return "id\n" + r.id;
  return "auto\n" + r.type + "\n" + r.from + "\n" + r.to + "\n" + DateKey(r.date) + "\n" + DateKey(r.start) + "\n" +
         DateKey(r.end);
}

}  // namespace

CaseDiff DiffGraphs(const Graph& before, const Graph& after) {
  CaseDiff d;
  auto id = [](const auto& record) { return record.id; };
  Compare(Entities(before), Entities(after), id, &d.entities);
  Compare(before.model().sources, after.model().sources, id, &d.sources);
  Compare(Relations(before), Relations(after), RelationKey, &d.relations);
  return d;
}

}  // namespace casegraph
