#include "io/duplicate_check.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>

#include "io/ftm_reader.h"
#include "text/edit_distance.h"
#include "text/unicode.h"

namespace casegraph {

namespace {

constexpr size_t kMinFuzzyLength = 5;  // code points of a key compared by edit distance

struct Name {
  uint32_t entity = 0;
  bool curated = false;  // from a FollowTheMoney file
  std::string written;
  std::string key;
  std::string digits;  // the key's digits, in order
  size_t length = 0;   // the key's code points
};

std::string Digits(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out;
}

// The key with one character (code point) deleted at each place.
std::vector<std::string> Deletions(const std::string& key) {
  std::vector<std::string> out;
  for (size_t pos = 0; pos < key.size();) {
    size_t next = pos + 1;
    while (next < key.size() && (static_cast<unsigned char>(key[next]) & 0xC0) == 0x80) ++next;
    out.push_back(key.substr(0, pos) + key.substr(next));
    pos = next;
  }
  return out;
}

std::string Quoted(const std::string& s) { return "\"" + s + "\""; }

class EntityPairs {
 public:
  explicit EntityPairs(const Case& c) : c_(c) {}

  void Add(uint32_t entity, const std::string& written) {
    std::string key = LooseNameKey(written);
    if (key.empty()) return;
    std::string digits = Digits(key);
    const size_t length = CountCodePoints(key);
    names_.push_back({entity, IsFtmFileName(c_.entities[entity].where.file), written, std::move(key), std::move(digits),
                      length});
  }

  Diagnostics Find() {
    // Alike: the same key. Each name is set against the first name with its key.
    std::vector<uint32_t> order(names_.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return names_[a].key < names_[b].key; });
    for (size_t x = 0; x < order.size();) {
      size_t y = x + 1;
      while (y < order.size() && names_[order[y]].key == names_[order[x]].key) ++y;
      for (size_t k = x + 1; k < y; ++k) Consider(order[x], order[k], true);
      x = y;
    }
    // One edit apart: the two keys share a key with one character deleted, or one is the other
    // with one deleted. Keys and their deletions are grouped by hash; every pair in a group is
    // then compared (a collision only costs a comparison).
    std::vector<std::pair<uint64_t, uint32_t>> variants;
    for (uint32_t i = 0; i < names_.size(); ++i) {
      if (names_[i].length < kMinFuzzyLength) continue;
      variants.emplace_back(std::hash<std::string>()(names_[i].key), i);
      for (const std::string& d : Deletions(names_[i].key)) variants.emplace_back(std::hash<std::string>()(d), i);
    }
    std::sort(variants.begin(), variants.end());
    for (size_t x = 0; x < variants.size();) {
      size_t y = x + 1;
      while (y < variants.size() && variants[y].first == variants[x].first) ++y;
      for (size_t a = x; a < y; ++a) {
        for (size_t b = a + 1; b < y; ++b) Fuzzy(variants[a].second, variants[b].second);
      }
      x = y;
    }
    Diagnostics out;
    for (const auto& [later, found] : earliest_) out.push_back(Warning(found));
    return out;
  }

 private:
  struct Pair {
    uint32_t earlier = 0, later = 0;  // names
    bool same = false;
  };

  void Fuzzy(uint32_t a, uint32_t b) {
    const Name& x = names_[a];
    const Name& y = names_[b];
    if (x.key == y.key || x.digits != y.digits || x.length < kMinFuzzyLength || y.length < kMinFuzzyLength) return;
    if (EditDistance(x.key, y.key, 1) <= 1) Consider(a, b, false);
  }

  // Keeps, for each entity, the earliest other entity it is probably the same as.
  void Consider(uint32_t a, uint32_t b, bool same) {
    const Name* x = &names_[a];
    const Name* y = &names_[b];
    if (x->entity == y->entity || (x->curated && y->curated)) return;
    if (x->entity > y->entity) std::swap(x, y);
    const Pair p{static_cast<uint32_t>(x - names_.data()), static_cast<uint32_t>(y - names_.data()), same};
    auto [it, added] = earliest_.emplace(y->entity, p);
    if (!added && x->entity < names_[it->second.earlier].entity) it->second = p;
  }

  Diagnostic Warning(const Pair& p) const {
    const Name& x = names_[p.earlier];
    const Name& y = names_[p.later];
    const Entity& earlier = c_.entities[x.entity];
    const Entity& later = c_.entities[y.entity];
    const std::string how = x.written == y.written ? "both are named " + Quoted(x.written)
                            : Quoted(y.written) + " and " + Quoted(x.written) +
                                  (p.same ? " are alike but for case, accents or punctuation" : " are one letter apart");
    return {later.where,
            "entity '" + later.id + "' is probably entity '" + earlier.id + "' (" + FormatLocation(earlier.where) +
                "): " + how,
            Diagnostic::Severity::kWarning};
  }

  const Case& c_;
  std::vector<Name> names_;
  std::map<uint32_t, Pair> earliest_;  // later entity -> the pair that names its earliest match
};

std::string DateKey(const Relation& r) {
  auto put = [](const std::optional<Date>& d) { return d ? d->text : std::string("-"); };
  return put(r.date) + "|" + put(r.start) + "|" + put(r.end);
}

std::string DatesWritten(const Relation& r) {
  if (r.date) return r.date->text;
  if (r.start || r.end) return (r.start ? r.start->text : "") + ".." + (r.end ? r.end->text : "");
  return "undated";
}

// What makes two relations one: type, ends (ordered for a symmetric type) and dates, and for
// undated ones their evidence (two undated accusations between the same parties are usually two).
std::string RepeatKey(const Case& c, const Relation& r, bool* symmetric) {
  auto type = c.vocabulary.relation_types.find(r.type);
  *symmetric = type != c.vocabulary.relation_types.end() && type->second.symmetric;
  const bool swap = *symmetric && r.to < r.from;
  std::string key = r.type + '\n' + (swap ? r.to : r.from) + '\n' + (swap ? r.from : r.to) + '\n' + DateKey(r);
  if (!r.IsDated()) {
    for (const Evidence& e : r.evidence) key += '\n' + e.source + '\t' + e.quote + '\t' + e.locator;
  }
  return key;
}

Diagnostics RelationRepeats(const Case& c) {
  std::vector<std::pair<uint64_t, uint32_t>> hashes;  // by hash, then file order
  bool symmetric = false;
  for (uint32_t i = 0; i < c.relations.size(); ++i) {
    hashes.emplace_back(std::hash<std::string>()(RepeatKey(c, c.relations[i], &symmetric)), i);
  }
  std::sort(hashes.begin(), hashes.end());
  std::vector<std::pair<uint32_t, uint32_t>> repeats;  // (later, earliest)
  for (size_t x = 0; x < hashes.size();) {
    size_t y = x + 1;
    while (y < hashes.size() && hashes[y].first == hashes[x].first) ++y;
    std::vector<std::string> keys;
    for (size_t k = x; k < y && y - x > 1; ++k) keys.push_back(RepeatKey(c, c.relations[hashes[k].second], &symmetric));
    for (size_t k = x + 1; k < y; ++k) {
      for (size_t e = x; e < k; ++e) {
        if (keys[e - x] == keys[k - x]) {
          repeats.emplace_back(hashes[k].second, hashes[e].second);
          break;
        }
      }
    }
    x = y;
  }
  std::sort(repeats.begin(), repeats.end());
  Diagnostics out;
  for (const auto& [later, earliest] : repeats) {
    const Relation& r = c.relations[later];
    const Relation& earlier = c.relations[earliest];
    RepeatKey(c, r, &symmetric);
    out.push_back({r.where,
                   "relation '" + r.id + "' probably repeats relation '" + earlier.id + "' (" +
                       FormatLocation(earlier.where) + "): the same type, ends and " +
                       (r.IsDated() ? "date" : "evidence") + " (" + r.type + ", " + r.from +
                       (symmetric ? " -- " : " -> ") + r.to + ", " + DatesWritten(r) + ")",
                   Diagnostic::Severity::kWarning});
  }
  return out;
}

}  // namespace

Diagnostics FindNearDuplicates(const Case& c) {
  EntityPairs pairs(c);
  for (uint32_t i = 0; i < c.entities.size(); ++i) {
    const Entity& e = c.entities[i];
    if (e.implicit) continue;
    pairs.Add(i, e.name);
    for (const std::string& alias : e.aliases) pairs.Add(i, alias);
  }
  Diagnostics out = pairs.Find();
  for (Diagnostic& d : RelationRepeats(c)) out.push_back(std::move(d));
  return out;
}

}  // namespace casegraph
