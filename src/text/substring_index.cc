#include "text/substring_index.h"

#include <cstring>

namespace casegraph {

namespace {

uint64_t Load(const char* at) {
  uint64_t v = 0;
  std::memcpy(&v, at, sizeof v);
  return v;
}

}  // namespace

SubstringIndex::SubstringIndex(std::string_view text) : text_(text) {
  const size_t places = text.size() >= kPiece ? text.size() - kPiece + 1 : 0;
  int bits = 1;
  while ((size_t{1} << bits) < places && bits < 31) ++bits;
  shift_ = 64 - bits;
  start_.assign((size_t{1} << bits) + 1, 0);
  for (size_t p = 0; p < places; ++p) ++start_[Bucket(text.data() + p) + 1];
  for (size_t b = 1; b < start_.size(); ++b) start_[b] += start_[b - 1];
  places_.resize(places);
  std::vector<uint32_t> at(start_.begin(), start_.end() - 1);
  for (size_t p = 0; p < places; ++p) places_[at[Bucket(text.data() + p)]++] = static_cast<uint32_t>(p);
}

size_t SubstringIndex::Bucket(const char* at) const {
  return static_cast<size_t>((Load(at) * 0x9E3779B97F4A7C15ULL) >> shift_);
}

bool SubstringIndex::Contains(std::string_view s) const {
  if (s.size() < kPiece) return text_.find(s) != std::string_view::npos;
  if (s.size() > text_.size()) return false;
  const size_t b = Bucket(s.data());
  const uint64_t head = Load(s.data());
  for (uint32_t i = start_[b]; i < start_[b + 1]; ++i) {
    const size_t p = places_[i];
    if (p + s.size() <= text_.size() && Load(text_.data() + p) == head &&
        std::memcmp(text_.data() + p + kPiece, s.data() + kPiece, s.size() - kPiece) == 0) {
      return true;
    }
  }
  return false;
}

}  // namespace casegraph
