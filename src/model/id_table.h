// An open-addressing hash table from id strings to numbers 0..n-1, for millions of ids. It
// stores only the numbers (and part of each hash): the caller says what each number's id is (key_of), so the ids live
// once, wherever the caller keeps them, and the table is a flat array (written as is into
// snapshots).
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <vector>

#include "model/column.h"

namespace casegraph {

/// A fast 64-bit hash of a short string (ids are rarely longer than 30 bytes).
inline uint64_t HashId(std::string_view s) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, s.data() + i, s.size() - i);
  h = (h ^ tail) * 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 29);
}

class IdTable {
 public:
  IdTable() = default;
  /// A table over slots written earlier by slots() (e.g. mapped from a snapshot); it can be
  /// searched, not added to.
  IdTable(Column<uint64_t> slots, size_t size) : view_(std::move(slots)), size_(size), viewing_(true) {}

  size_t size() const { return size_; }
  const uint64_t* slots() const { return viewing_ ? view_.data() : slots_.data(); }
  size_t capacity() const { return viewing_ ? view_.size() : slots_.size(); }

  /// The number whose id is key, if any. key_of(n) returns number n's id.
  template <typename KeyOf>
  std::optional<uint32_t> Find(std::string_view key, const KeyOf& key_of) const {
    const uint64_t* slots = this->slots();
    if (capacity() == 0) return std::nullopt;
    const size_t mask = capacity() - 1;
    const uint64_t h = HashId(key);
    const uint64_t tag = h & kTagMask;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const uint64_t s = slots[i];
      if (s == 0) return std::nullopt;
      if ((s & kTagMask) == tag && key_of(Number(s)) == key) return Number(s);
    }
  }

  /// Adds number n under its id key_of(n) unless that id is there; returns the number held
  /// for the id and whether n was added.
  template <typename KeyOf>
  std::pair<uint32_t, bool> Insert(std::string_view key, uint32_t n, const KeyOf& key_of) {
    if ((size_ + 1) * 4 > slots_.size() * 3) Grow(key_of);
    const size_t mask = slots_.size() - 1;
    const uint64_t h = HashId(key);
    const uint64_t tag = h & kTagMask;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const uint64_t s = slots_[i];
      if (s == 0) {
        slots_[i] = tag | (uint64_t{n} + 1);
        ++size_;
        return {n, true};
      }
      if ((s & kTagMask) == tag && key_of(Number(s)) == key) return {Number(s), false};
    }
  }

  /// Makes room for n ids without growing again.
  template <typename KeyOf>
  void Reserve(size_t n, const KeyOf& key_of) {
    size_t want = 16;
    while (want * 3 < n * 4 + 4) want *= 2;
    if (want > slots_.size()) Rehash(want, key_of);
  }

 private:
  template <typename KeyOf>
  void Grow(const KeyOf& key_of) {
    Rehash(slots_.empty() ? 16 : slots_.size() * 2, key_of);
  }

  template <typename KeyOf>
  void Rehash(size_t capacity, const KeyOf& key_of) {
    std::vector<uint64_t> old;
    old.swap(slots_);
    slots_.assign(capacity, 0);
    const size_t mask = capacity - 1;
    for (uint64_t s : old) {
      if (s == 0) continue;
      size_t i = HashId(key_of(Number(s))) & mask;
      while (slots_[i] != 0) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }

  // A slot holds the high half of the id's hash (to skip most key comparisons) and number + 1;
  // 0 is empty.
  static constexpr uint64_t kTagMask = 0xFFFFFFFF00000000ull;
  static uint32_t Number(uint64_t slot) { return static_cast<uint32_t>(slot) - 1; }

  std::vector<uint64_t> slots_;
  Column<uint64_t> view_;
  size_t size_ = 0;
  bool viewing_ = false;
};

}  // namespace casegraph
