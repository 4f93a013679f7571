#include "text/nearest_passage.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace casegraph {

namespace {

constexpr size_t kCandidates = 6;    // windows aligned with the quote
constexpr size_t kAlignLimit = 1500;  // longest quote aligned byte by byte

// Bytes per piece: shorter pieces for short quotes, so that a few edits leave some whole.
size_t GramSize(size_t quote_length) { return quote_length >= 32 ? 4 : 3; }

unsigned char Fold(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 'A' && u <= 'Z' ? static_cast<unsigned char>(u + ('a' - 'A')) : u;
}

// The quote's pieces: a sorted set, with a bitmap in front of it so that most of the text's
// pieces are rejected by one load.
class GramSet {
 public:
  GramSet(std::string_view quote, size_t q) : mask_(q == 4 ? 0xFFFFFFFFu : (1u << (8 * q)) - 1), bits_(1 << 16) {
    uint32_t key = 0;
    for (size_t i = 0; i < quote.size(); ++i) {
      key = ((key << 8) | Fold(quote[i])) & mask_;
      if (i + 1 >= q) grams_.push_back(key);
    }
    std::sort(grams_.begin(), grams_.end());
    grams_.erase(std::unique(grams_.begin(), grams_.end()), grams_.end());
    for (uint32_t g : grams_) bits_[Slot(g)] = true;
  }
  uint32_t mask() const { return mask_; }
  bool Contains(uint32_t key) const {
    return bits_[Slot(key)] && std::binary_search(grams_.begin(), grams_.end(), key);
  }

 private:
  static uint32_t Slot(uint32_t key) { return (key * 2654435761u) >> 16; }
  uint32_t mask_;
  std::vector<bool> bits_;
  std::vector<uint32_t> grams_;
};

struct Window {
  size_t hits = 0;
  size_t end = 0;  // one past the window's last byte
};

// For each stretch of the text as long as the quote, the window ending in it that holds the most
// of the quote's pieces; the best kCandidates of those, most hits first.
std::vector<Window> BestWindows(std::string_view text, std::string_view quote) {
  const size_t q = std::min(GramSize(quote.size()), quote.size());
  const size_t m = quote.size();
  GramSet grams(quote, q);
  std::vector<uint8_t> ring(m, 0);
  std::vector<Window> blocks((text.size() + m - 1) / m);
  uint32_t key = 0;
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    key = ((key << 8) | Fold(text[i])) & grams.mask();
    const uint8_t hit = i + 1 >= q && grams.Contains(key);
    count += hit;
    count -= ring[i % m];
    ring[i % m] = hit;
    Window& best = blocks[i / m];
    if (count > best.hits) best = {count, i + 1};
  }
  const size_t keep = std::min(kCandidates, blocks.size());
  std::partial_sort(blocks.begin(), blocks.begin() + static_cast<std::ptrdiff_t>(keep), blocks.end(),
                    [](const Window& a, const Window& b) { return a.hits > b.hits || (a.hits == b.hits && a.end < b.end); });
  blocks.resize(keep);
  blocks.erase(std::remove_if(blocks.begin(), blocks.end(), [](const Window& w) { return w.hits == 0; }), blocks.end());
  return blocks;
}

// Semi-global alignment (Sellers): the quote must be matched whole, the region may start and end
// anywhere. Returns the edits of the best match and, in *end, one past its last region byte; the
// earliest such end wins. Reversed, the same search finds where the match starts.
size_t AlignEnd(std::string_view quote, std::string_view region, bool reversed, size_t* end) {
  const size_t m = quote.size();
  auto q = [&](size_t i) { return Fold(reversed ? quote[m - 1 - i] : quote[i]); };
  auto r = [&](size_t j) { return Fold(reversed ? region[region.size() - 1 - j] : region[j]); };
  std::vector<size_t> column(m + 1);
  for (size_t i = 0; i <= m; ++i) column[i] = i;
  size_t best = m;
  *end = 0;
  for (size_t j = 0; j < region.size(); ++j) {
    size_t diagonal = column[0];  // D[i-1][j-1]
    column[0] = 0;
    const unsigned char c = r(j);
    for (size_t i = 1; i <= m; ++i) {
      const size_t up = column[i];  // D[i][j-1]
      column[i] = std::min({diagonal + (q(i - 1) != c), up + 1, column[i - 1] + 1});
      diagonal = up;
    }
    if (column[m] < best) {
      best = column[m];
      *end = j + 1;
    }
  }
  return best;
}

bool ContinuesCharacter(std::string_view text, size_t pos) {
  return pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80;
}

// Widens [*start, *end) to whole characters, and to whole words when a word boundary is near.
void SnapToWords(std::string_view text, size_t* start, size_t* end) {
  constexpr size_t kReach = 24;
  for (size_t k = 0; k < kReach && *start > 0 && text[*start - 1] != ' '; ++k) --*start;
  while (*start > 0 && ContinuesCharacter(text, *start)) --*start;
  for (size_t k = 0; k < kReach && *end < text.size() && text[*end] != ' '; ++k) ++*end;
  while (ContinuesCharacter(text, *end)) ++*end;
}

}  // namespace

std::optional<Passage> NearestPassage(std::string_view text, std::string_view quote) {
  const size_t m = quote.size();
  if (m == 0 || text.empty()) return std::nullopt;
  std::optional<Passage> best;
  for (const Window& w : BestWindows(text, quote)) {
    const size_t begin = w.end >= 2 * m ? w.end - 2 * m : 0;
    const size_t stop = std::min(text.size(), w.end + m);
    Passage p;
    if (m > kAlignLimit) {  // too long to align: the window itself, scored by the pieces it lacks
      p.offset = w.end >= m ? w.end - m : 0;
      p.length = w.end - p.offset;
      p.distance = m - std::min(m, w.hits);
    } else {
      const std::string_view region = text.substr(begin, stop - begin);
      size_t end = 0;
      p.distance = AlignEnd(quote, region, false, &end);
      size_t from_end = 0;
      AlignEnd(quote, region.substr(0, end), true, &from_end);
      p.offset = begin + end - from_end;
      p.length = from_end;
    }
    if (!best || p.distance < best->distance) best = p;
  }
  if (!best || 2 * best->distance > m) return std::nullopt;
  size_t start = best->offset, end = best->offset + best->length;
  SnapToWords(text, &start, &end);
  best->offset = start;
  best->length = end - start;
  return best;
}

}  // namespace casegraph
