// Looks for many strings in one text without scanning the text for each.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace casegraph {

/// Where each 8-byte piece of a text starts, the places grouped by a hash of the piece: a string
/// of 8 bytes or more is compared only where the text holds its first 8 bytes; a shorter one is
/// looked for by scanning. Costs about 8 bytes per byte of the text; the text must outlive it.
class SubstringIndex {
 public:
  static constexpr size_t kPiece = 8;

  explicit SubstringIndex(std::string_view text);

  /// Whether text contains s (every string contains the empty one).
  bool Contains(std::string_view s) const;

 private:
  size_t Bucket(const char* at) const;

  std::string_view text_;
  int shift_ = 64;
  std::vector<uint32_t> start_;      // bucket b's places: places_[start_[b] .. start_[b + 1])
  std::vector<uint32_t> places_;
};

}  // namespace casegraph
