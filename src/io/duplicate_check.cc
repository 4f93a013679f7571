#include "io/duplicate_check.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>

#include "io/ftm_reader.h"
#include "model/two_parts.h"
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
  uint64_t key_hash = 0, digits_hash = 0;  // to tell most unequal keys and digits apart at once
};

std::string Digits(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out;
}

// Hashes of a key, and of the key with each character (code point) deleted, without making those
// strings: a polynomial hash over the bytes, for which a deletion's value joins the hash of what
// precedes it with the hash of what follows. Equal strings hash alike whichever way they came.
class DeletionHashes {
 public:
  // Calls fn(hash) for the key itself, then for each of its deletions.
  template <typename Fn>
  void ForEach(std::string_view key, Fn&& fn) {
    const size_t n = key.size();
    prefix_.assign(n + 1, 0);
    suffix_.assign(n + 1, 0);
    power_.assign(n + 1, 1);
    for (size_t i = 0; i < n; ++i) {
      prefix_[i + 1] = prefix_[i] * kBase + Byte(key[i]);
      power_[i + 1] = power_[i] * kBase;
    }
    for (size_t i = n; i-- > 0;) suffix_[i] = Byte(key[i]) * power_[n - 1 - i] + suffix_[i + 1];
    fn(Mix(prefix_[n]));
    for (size_t pos = 0; pos < n;) {
      size_t next = pos + 1;
      while (next < n && (static_cast<unsigned char>(key[next]) & 0xC0) == 0x80) ++next;
      fn(Mix(prefix_[pos] * power_[n - next] + suffix_[next]));
      pos = next;
    }
  }

  static uint64_t Whole(std::string_view key) {
    uint64_t h = 0;
    for (char c : key) h = h * kBase + Byte(c);
    return Mix(h);
  }

 private:
  static constexpr uint64_t kBase = 0x100000001B3ULL;
  static uint64_t Byte(char c) { return static_cast<unsigned char>(c) + 1u; }
  static uint64_t Mix(uint64_t h) {  // spreads the bits (SplitMix64's finaliser)
    h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ULL;
    h = (h ^ (h >> 27)) * 0x94D049BB133111EBULL;
    return h ^ (h >> 31);
  }
  std::vector<uint64_t> prefix_, suffix_, power_;
};

// (hash, item) pairs sorted, and a place between two buckets near the middle: equal hashes share
// a bucket, so no run of them crosses it, and the two halves can be read at once.
struct SortedHashes {
  std::vector<std::pair<uint64_t, uint32_t>> pairs;
  size_t half = 0;
};

// The (hash, item) pairs that emit_range(part, begin, end, emit) emits for the items [begin, end)
// of items, sorted: placed into buckets by the hash's top bits as they are emitted a second time (the
// first counts them), then each bucket, small enough to stay in cache, sorted on its own. Emitting
// twice costs less than a copy of the pairs. Each step is done by two threads, on halves of the
// items and then of the buckets.
template <typename EmitRange>
SortedHashes SortedByHash(size_t items, bool two_threads, EmitRange&& emit_range) {
  constexpr int kBits = 12;
  constexpr size_t kBuckets = size_t{1} << kBits;
  const size_t range[3] = {0, items / 2, items};
  std::vector<size_t> at[2] = {std::vector<size_t>(kBuckets, 0), std::vector<size_t>(kBuckets, 0)};
  InTwoParts(two_threads, [&](int part) {
    std::vector<size_t>& count = at[part];
    emit_range(part, range[part], range[part + 1], [&](uint64_t h, uint32_t) { ++count[h >> (64 - kBits)]; });
  });
  // Bucket b holds the first half's pairs, then the second's.
  std::vector<size_t> start(kBuckets + 1, 0);
  size_t total = 0;
  for (size_t b = 0; b < kBuckets; ++b) {
    start[b] = total;
    for (std::vector<size_t>& part : at) {
      const size_t n = part[b];
      part[b] = total;
      total += n;
    }
  }
  start[kBuckets] = total;
  SortedHashes out;
  out.pairs.resize(total);
  InTwoParts(two_threads, [&](int part) {
    std::vector<size_t>& next = at[part];
    emit_range(part, range[part], range[part + 1], [&](uint64_t h, uint32_t item) { out.pairs[next[h >> (64 - kBits)]++] = {h, item}; });
  });
  const size_t split = static_cast<size_t>(std::lower_bound(start.begin(), start.end(), total / 2) - start.begin());
  out.half = start[split];
  InTwoParts(two_threads, [&](int part) {
    for (size_t b = part == 0 ? 0 : split; b < (part == 0 ? split : kBuckets); ++b) {
      std::sort(out.pairs.begin() + static_cast<std::ptrdiff_t>(start[b]), out.pairs.begin() + static_cast<std::ptrdiff_t>(start[b + 1]));
    }
  });
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
    const uint64_t key_hash = DeletionHashes::Whole(key), digits_hash = DeletionHashes::Whole(digits);
    names_.push_back({entity, IsFtmFileName(c_.entities[entity].where.file), written, std::move(key), std::move(digits),
                      length, key_hash, digits_hash});
  }

  Diagnostics Find() {
    // Alike: the same key. Each name is set against the first name with its key (names are in
    // entity order). Grouped by the key's hash; a collision only costs a comparison.
    // Two threads share the work once there are enough names to pay for the second.
    const bool two_threads = names_.size() >= 4096;
    const SortedHashes whole = SortedByHash(names_.size(), two_threads, [&](int, size_t begin, size_t end, auto&& emit) {
      for (size_t i = begin; i < end; ++i) emit(names_[i].key_hash, static_cast<uint32_t>(i));
    });
    InTwoParts(two_threads, [&](int part) {
      ForEachRun(whole, part, [&](size_t x, size_t y) {
        const auto& w = whole.pairs;
        for (size_t k = x + 1; k < y; ++k) {
          size_t e = x;
          while (!SameKey(names_[w[e].second], names_[w[k].second])) ++e;
          if (e != k) Consider(part, w[e].second, w[k].second, true);
        }
      });
    });
    // One edit apart: the two keys share a key with one character deleted, or one is the other
    // with one deleted. Keys and their deletions are grouped by hash; every pair in a group is
    // then compared.
    DeletionHashes hashes[2];
    const SortedHashes variants = SortedByHash(names_.size(), two_threads, [&](int part, size_t begin, size_t end, auto&& emit) {
      DeletionHashes& mine = hashes[part];
      for (size_t i = begin; i < end; ++i) {
        if (names_[i].length >= kMinFuzzyLength) mine.ForEach(names_[i].key, [&](uint64_t h) { emit(h, static_cast<uint32_t>(i)); });
      }
    });
    InTwoParts(two_threads, [&](int part) {
      ForEachRun(variants, part, [&](size_t x, size_t y) {
        for (size_t a = x; a < y; ++a) {
          for (size_t b = a + 1; b < y; ++b) Fuzzy(part, variants.pairs[a].second, variants.pairs[b].second);
        }
      });
    });
    // The second thread's matches joined to the first's by the same rule.
    for (const auto& [later, p] : earliest_[1]) Keep(0, later, p);
    Diagnostics out;
    for (const auto& [later, found] : earliest_[0]) out.push_back(Warning(found));
    return out;
  }

 private:
  struct Pair {
    uint32_t earlier = 0, later = 0;  // names
    bool same = false;
  };

  // Calls fn(x, y) for each run [x, y) of more than one equal hash in one half of sorted.
  template <typename Fn>
  static void ForEachRun(const SortedHashes& hashes, int part, Fn&& fn) {
    const auto& sorted = hashes.pairs;
    const size_t end = part == 0 ? hashes.half : sorted.size();
    for (size_t x = part == 0 ? 0 : hashes.half; x < end;) {
      size_t y = x + 1;
      while (y < end && sorted[y].first == sorted[x].first) ++y;
      if (y - x > 1) fn(x, y);
      x = y;
    }
  }

  static bool SameKey(const Name& x, const Name& y) { return x.key_hash == y.key_hash && x.key == y.key; }

  void Fuzzy(int part, uint32_t a, uint32_t b) {
    const Name& x = names_[a];
    const Name& y = names_[b];
    if (SameKey(x, y) || x.digits_hash != y.digits_hash || x.digits != y.digits || x.length < kMinFuzzyLength ||
        y.length < kMinFuzzyLength) {
      return;
    }
    if (EditDistance(x.key, y.key, 1) <= 1) Consider(part, a, b, false);
  }

  // Keeps, for each entity, the earliest other entity it is probably the same as; of the pairs of
  // names that show it, one alike before one a letter apart, then the earliest names. (Whatever
  // the order pairs are found in, and whichever thread, part, finds them.)
  void Consider(int part, uint32_t a, uint32_t b, bool same) {
    const Name* x = &names_[a];
    const Name* y = &names_[b];
    if (x->entity == y->entity || (x->curated && y->curated)) return;
    if (x->entity > y->entity) std::swap(x, y);
    Keep(part, y->entity, Pair{static_cast<uint32_t>(x - names_.data()), static_cast<uint32_t>(y - names_.data()), same});
  }
  void Keep(int part, uint32_t later, const Pair& p) {
    auto [it, added] = earliest_[part].emplace(later, p);
    auto rank = [this](const Pair& q) { return std::tuple(names_[q.earlier].entity, !q.same, q.earlier, q.later); };
    if (!added && rank(p) < rank(it->second)) it->second = p;
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
  std::map<uint32_t, Pair> earliest_[2];  // later entity -> the pair that names its earliest match, by part
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

Diagnostics FindNearDuplicateEntities(const Case& c) {
  EntityPairs pairs(c);
  for (uint32_t i = 0; i < c.entities.size(); ++i) {
    const Entity& e = c.entities[i];
    if (e.implicit) continue;
    pairs.Add(i, e.name);
    for (const std::string& alias : e.aliases) pairs.Add(i, alias);
  }
  return pairs.Find();
}

Diagnostics FindRepeatedRelations(const Case& c) { return RelationRepeats(c); }

Diagnostics FindNearDuplicates(const Case& c) {
  Diagnostics out = FindNearDuplicateEntities(c);
  for (Diagnostic& d : FindRepeatedRelations(c)) out.push_back(std::move(d));
  return out;
}

}  // namespace casegraph
