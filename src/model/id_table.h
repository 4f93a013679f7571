// An open-addressing hash table from id strings to numbers 0..n-1, for millions of ids. It
// stores the numbers, part of each hash and the first 8 bytes of each id; for longer ids the
// caller says what each number's id is (key_of), so ids live once, wherever the caller keeps
// them, and the table is a flat array (written as is into snapshots).
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

/// A slot of IdTable: the first 8 bytes of the id (all of it for most ids), part of its hash with
/// its length, and its number + 1 (0: empty). 16 bytes, no padding (written as is to snapshots).
struct IdSlot {
  uint64_t key8 = 0;
  uint32_t tag = 0;
  uint32_t number = 0;
};

class IdTable {
 public:
  IdTable() = default;
  /// A table over slots written earlier by slots() (e.g. mapped from a snapshot); it can be
  /// searched, not added to.
  IdTable(Column<IdSlot> slots, size_t size) : view_(std::move(slots)), size_(size), viewing_(true) {}

  size_t size() const { return size_; }
  const IdSlot* slots() const { return viewing_ ? view_.data() : slots_.data(); }
  size_t capacity() const { return viewing_ ? view_.size() : slots_.size(); }

  /// The number whose id is key, if any. key_of(n) returns number n's id.
  template <typename KeyOf>
  std::optional<uint32_t> Find(std::string_view key, const KeyOf& key_of) const {
    const IdSlot* slots = this->slots();
    if (capacity() == 0) return std::nullopt;
    const size_t mask = capacity() - 1;
    const uint64_t h = HashId(key);
    const IdSlot want = Slot(key, h, 0);
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const IdSlot& s = slots[i];
      if (s.number == 0) return std::nullopt;
      if (Same(s, want, key, key_of)) return s.number - 1;
    }
  }

  /// Adds number n under its id key_of(n) unless that id is there; returns the number held
  /// for the id and whether n was added.
  template <typename KeyOf>
  std::pair<uint32_t, bool> Insert(std::string_view key, uint32_t n, const KeyOf& key_of) {
    if ((size_ + 1) * 4 > slots_.size() * 3) Grow(key_of);
    const size_t mask = slots_.size() - 1;
    const uint64_t h = HashId(key);
    const IdSlot want = Slot(key, h, n + 1);
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      IdSlot& s = slots_[i];
      if (s.number == 0) {
        s = want;
        ++size_;
        return {n, true};
      }
      if (Same(s, want, key, key_of)) return {s.number - 1, false};
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
  static IdSlot Slot(std::string_view key, uint64_t hash, uint32_t number) {
    IdSlot s;
    std::memcpy(&s.key8, key.data(), key.size() < 8 ? key.size() : 8);
    s.tag = (static_cast<uint32_t>(hash >> 32) & ~0xFu) | static_cast<uint32_t>(key.size() < 15 ? key.size() : 15);
    s.number = number;
    return s;
  }
  // An id of at most 8 bytes is all in key8 and its length in the tag: no need to look it up.
  template <typename KeyOf>
  static bool Same(const IdSlot& s, const IdSlot& want, std::string_view key, const KeyOf& key_of) {
    return s.tag == want.tag && s.key8 == want.key8 && (key.size() <= 8 || key_of(s.number - 1) == key);
  }

  template <typename KeyOf>
  void Grow(const KeyOf& key_of) {
    Rehash(slots_.empty() ? 16 : slots_.size() * 2, key_of);
  }

  template <typename KeyOf>
  void Rehash(size_t capacity, const KeyOf& key_of) {
    std::vector<IdSlot> old;
    old.swap(slots_);
    slots_.assign(capacity, IdSlot{});
    const size_t mask = capacity - 1;
    for (const IdSlot& s : old) {
      if (s.number == 0) continue;
      size_t i = HashId(key_of(s.number - 1)) & mask;
      while (slots_[i].number != 0) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }

  std::vector<IdSlot> slots_;
  Column<IdSlot> view_;
  size_t size_ = 0;
  bool viewing_ = false;
};

}  // namespace casegraph
