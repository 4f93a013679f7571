// The arrays a Graph is made of, as a plain struct: the graph builder fills them from a case, the
// snapshot codec from a file; the Graph adopts them and then only reads them.
#pragma once

#include <climits>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "model/column.h"
#include "model/date.h"
#include "model/id_table.h"
#include "model/limits.h"

namespace casegraph {

using EntityId = uint32_t;    // vertex number
using RelationId = uint32_t;  // edge number
using TypeId = uint32_t;      // index into the sorted relation or entity type names

/// The earliest and latest days, used for open span ends.
constexpr Day kFirstDay = INT32_MIN / 2;
constexpr Day kLastDay = INT32_MAX / 2;

/// A relation's time as a closed interval of days; undated relations have dated == false.
/// An event's interval is its date's; a span's runs from its start's first day to its end's
/// last day, open ends being kFirstDay / kLastDay.
struct DayInterval {
  bool dated = false;
  bool span = false;  // start/end rather than date
  Day first = 0;
  Day last = 0;
};

/// One relation at an entity: the entity at its other end and the relation. 8 bytes: rows are
/// the graph's largest arrays, and a search's time is mostly their reading. A search that needs
/// the relation's type (a type filter, or a direction with symmetric types allowed) reads it
/// from GraphArrays::relation_type; one that needs neither reads nothing else.
struct Incidence {
  EntityId other;
  RelationId relation;
};
static_assert(sizeof(Incidence) == 8);

/// Compressed sparse rows: the incidences of vertex v are items[offsets[v] .. offsets[v+1]),
/// in relation order. Offsets are 32-bit (a row holds each relation at most once, and relation
/// numbers are 32-bit): half the size, so more of them stay in the processor's cache.
struct Adjacency {
  Column<uint32_t> offsets;
  Column<Incidence> items;

  std::span<const Incidence> of(EntityId v) const {
    return std::span<const Incidence>(items.data() + offsets[v], items.data() + offsets[v + 1]);
  }
  /// Hints that v's row will be read soon: where it is (PrefetchPlace), then, once that has
  /// arrived, its first incidences (PrefetchRow). A search issues these some entities ahead, so
  /// that the memory reads of several rows overlap instead of following one another. Always
  /// inlined: GCC deems a function whose only effect is a prefetch pure, and drops calls to it.
  [[gnu::always_inline]] void PrefetchPlace(EntityId v) const { __builtin_prefetch(offsets.data() + v); }
  [[gnu::always_inline]] void PrefetchRow(EntityId v) const { __builtin_prefetch(items.data() + offsets[v]); }
};

struct GraphArrays {
  // Per relation: its ends, type and status (a ClaimStatus; empty when every relation has the
  // default status, "reported", as in most graphs read from CSV edge files).
  Column<EntityId> from, to;
  Column<RelationTypeId> relation_type;
  Column<uint8_t> status;
  std::vector<DayInterval> time;  // per relation; empty when no relation is dated
  Column<double> weight;          // per relation; empty when every weight is 1
  // Per entity: its type.
  Column<TypeId> entity_type;
  // Relations out of each entity (it is their from) and into it (their to).
  Adjacency out, in;
  // Entity ids to entity numbers.
  IdTable entity_ids;
  // Type names, sorted and distinct: a TypeId indexes these.
  std::vector<std::string> relation_type_names, entity_type_names;
};

}  // namespace casegraph
