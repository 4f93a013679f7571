// The keys of the case-file format (graphs/README.md), each object's in canonical order: the
// reader checks objects against these lists, and fmt writes keys in this order.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace casegraph::case_format {

constexpr std::array<std::string_view, 6> kTopKeys = {"casegraph", "title", "vocabulary", "sources", "entities", "relations"};
constexpr std::array<std::string_view, 2> kVocabularyKeys = {"entity_types", "relation_types"};
constexpr std::array<std::string_view, 3> kEntityTypeKeys = {"label", "color", "shape"};
constexpr std::array<std::string_view, 4> kRelationTypeKeys = {"label", "inverse", "symmetric", "color"};
constexpr std::array<std::string_view, 6> kSourceKeys = {"id", "title", "publisher", "date", "url", "file"};
constexpr std::array<std::string_view, 6> kEntityKeys = {"id", "name", "type", "aliases", "description", "attributes"};
constexpr std::array<std::string_view, 11> kRelationKeys = {"id",     "type",   "from",       "to",      "date", "start",
                                                            "end",    "status", "weight", "attributes", "evidence"};
constexpr std::array<std::string_view, 3> kEvidenceKeys = {"source", "quote", "locator"};

/// A set of an object's keys, as bits: bit i is keys[i].
using KeySet = uint16_t;

/// The bit of key among keys (0 when it is not one of them).
constexpr KeySet KeyBit(std::span<const std::string_view> keys, std::string_view key) {
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == key) return static_cast<KeySet>(1u << i);
  }
  return 0;
}

}  // namespace casegraph::case_format
