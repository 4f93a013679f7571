#include "io/snapshot_check.h"

#include "model/limits.h"

namespace casegraph {

namespace {

bool SizesAgree(const Case& m, const GraphArrays& a, size_t n, size_t r) {
  auto adjacency_ok = [&](const Adjacency& x) {
    return x.offsets.size() == n + 1 && x.offsets.front() == 0 && x.offsets.back() == x.items.size() &&
           x.items.size() == r;
  };
  return a.entity_type.size() == n && a.from.size() == r && a.to.size() == r && a.relation_type.size() == r &&
         (a.status.empty() || a.status.size() == r) && (a.time.empty() || a.time.size() == r) && (a.weight.empty() || a.weight.size() == r) &&
         adjacency_ok(a.out) && adjacency_ok(a.in) && a.entity_ids.size() == n &&
         m.edges.entity_id_end.size() == m.edges.entity_where.size();
}

// Every entity, relation and type number in range.
bool NumbersInRange(const GraphArrays& a, size_t n, size_t m) {
  const uint32_t types = static_cast<uint32_t>(a.relation_type_names.size());
  const uint32_t entity_types = static_cast<uint32_t>(a.entity_type_names.size());
  uint32_t bad = 0;
  for (size_t r = 0; r < m; ++r) {
    bad |= (a.from[r] >= n) | (a.to[r] >= n) | (a.relation_type[r] >= types);
  }
  for (uint8_t status : a.status) bad |= status > 4;
  for (size_t v = 0; v < n; ++v) bad |= a.entity_type[v] >= entity_types;
  for (const Adjacency* x : {&a.out, &a.in}) {
    for (size_t v = 0; v < n; ++v) bad |= x->offsets[v] > x->offsets[v + 1];
    for (const Incidence& i : x->items) bad |= (i.other >= n) | (i.relation >= m);
  }
  return !bad;
}

// The CSV rows' table: ids within their buffer, files and rows in range.
bool EdgeTableInRange(const Case& m) {
  const EdgeTable& t = m.edges;
  uint32_t bad = 0, last_end = 0;
  for (uint32_t end : t.entity_id_end) {
    bad |= end < last_end;
    last_end = end;
  }
  bad |= last_end > t.entity_ids.size();
  for (const Mention& w : t.entity_where) bad |= w.file >= m.files.size();
  const size_t rows = t.row_count();
  uint64_t file_end = 0;  // files hold consecutive rows
  for (const EdgeFile& f : t.files) {
    bad |= f.file >= m.files.size() || f.first_row != file_end;
    file_end = uint64_t{f.first_row} + f.rows;
  }
  bad |= file_end > UINT32_MAX;
  uint64_t run_end = 0;  // runs by row, within the rows
  for (const LineRun& run : t.line_runs) {
    bad |= (run.row < run_end) | (run.row >= rows);
    run_end = uint64_t{run.row} + 1;
  }
  for (const auto& [row, id] : t.ids) bad |= row >= rows;
  for (const auto& [row, d] : t.dates) bad |= row >= rows;
  bad |= (!t.status.empty() && t.status.size() != rows) || (!t.weight.empty() && t.weight.size() != rows);
  for (uint8_t st : t.status) bad |= st > 4;
  return !bad;
}

// Type names sorted and distinct, relation types all in the vocabulary.
bool NamesValid(const Case& m, const GraphArrays& a) {
  if (a.relation_type_names.size() > kMaxRelationTypes) return false;  // relation types are kept in 16 bits
  for (const std::vector<std::string>* names : {&a.relation_type_names, &a.entity_type_names}) {
    for (size_t i = 1; i < names->size(); ++i) {
      if (!((*names)[i - 1] < (*names)[i])) return false;
    }
  }
  for (const std::string& type : a.relation_type_names) {
    if (!m.vocabulary.relation_types.count(type)) return false;
  }
  return true;
}

// The id table a table whose searches end: room left, numbers in range. (That it finds each id
// is what the checksum guarantees, and checking it would read the whole table.)
bool IdTableValid(const GraphArrays& a, size_t n) {
  const IdSlot* slots = a.entity_ids.slots();
  size_t used = 0;
  uint32_t bad = 0;
  for (size_t i = 0; i < a.entity_ids.capacity(); ++i) {
    used += slots[i].number != 0;
    bad |= slots[i].number > n;
  }
  return !bad && used == n && used < a.entity_ids.capacity() && a.entity_ids.capacity() != 0;
}

// The case's own relations as the arrays say.
bool CaseRelationsAgree(const Case& m, const GraphArrays& a) {
  auto id_of = [&m](EntityId v) {
    return v < m.entities.size() ? std::string_view(m.entities[v].id) : m.edges.entity_id(v - m.entities.size());
  };
  for (size_t r = 0; r < m.relations.size(); ++r) {
    const Relation& rel = m.relations[r];
    if (a.relation_type_names[a.relation_type[r]] != rel.type || id_of(a.from[r]) != rel.from || id_of(a.to[r]) != rel.to) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool VerifySnapshotArrays(const Case& m, const GraphArrays& a) {
  const size_t n = m.entities.size() + m.edges.entity_count();
  const size_t r = m.relations.size() + m.edges.row_count();
  return SizesAgree(m, a, n, r) && NumbersInRange(a, n, r) && EdgeTableInRange(m) && NamesValid(m, a) &&
         IdTableValid(a, n) && CaseRelationsAgree(m, a);
}

}  // namespace casegraph
