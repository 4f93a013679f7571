// Limits on input, so that absurd input gets a clear message rather than exhausting memory.
#pragma once

#include <cstddef>
#include <cstdint>

namespace casegraph {

/// Nesting of JSON arrays and objects.
constexpr int kMaxJsonDepth = 64;
/// Bytes in any one JSON string or CSV field (a quote, a description, ...).
constexpr size_t kMaxStringBytes = size_t{1} << 20;  // 1 MiB
/// Bytes in an id (entity, relation, source, type).
constexpr size_t kMaxIdBytes = 256;
/// Bytes in a name, alias or type label.
constexpr size_t kMaxNameBytes = 1000;
/// Bytes in one input file.
constexpr uint64_t kMaxFileBytes = uint64_t{2} << 30;  // 2 GiB
/// Distinct relation types in a case (the graph keeps a relation's type in 16 bits).
constexpr size_t kMaxRelationTypes = 65535;
/// A relation type's number where a case keeps one per relation.
using RelationTypeId = uint16_t;
static_assert(kMaxRelationTypes <= UINT16_MAX + size_t{1});

}  // namespace casegraph
