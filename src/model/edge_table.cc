#include "model/case.h"

#include <algorithm>

namespace casegraph {

uint32_t EdgeTable::AddEntity(std::string_view id, Mention where) {
  entity_ids.append(id.data(), id.size());
  entity_id_end.push_back(static_cast<uint32_t>(entity_ids.size()));
  entity_where.push_back(where);
  return static_cast<uint32_t>(entity_id_end.size() - 1);
}

const EdgeFile& EdgeTable::file_of(size_t row) const {
  auto it = std::upper_bound(files.begin(), files.end(), row,
                             [](size_t r, const EdgeFile& f) { return r < f.first_row; });
  return *(it - 1);
}

std::string EdgeTable::row_id(size_t row, bool* given) const {
  auto it = std::lower_bound(ids.begin(), ids.end(), row,
                             [](const std::pair<uint32_t, std::string>& p, size_t r) { return p.first < r; });
  if (it != ids.end() && it->first == row) {
    if (given) *given = true;
    return it->second;
  }
  if (given) *given = false;
  const EdgeFile& f = file_of(row);
  std::string id = f.stem;
  id += '#';
  id += std::to_string(row - f.first_row + 1);
  return id;
}

const EdgeDates* EdgeTable::row_dates(size_t row) const {
  auto it = std::lower_bound(dates.begin(), dates.end(), row,
                             [](const std::pair<uint32_t, EdgeDates>& p, size_t r) { return p.first < r; });
  return it != dates.end() && it->first == row ? &it->second : nullptr;
}

uint32_t EdgeTable::row_line(size_t row) const {
  auto it = std::upper_bound(line_runs.begin(), line_runs.end(), row,
                             [](size_t r, const LineRun& run) { return r < run.row; });
  if (it == line_runs.begin()) return 0;
  --it;
  return it->line + static_cast<uint32_t>(row - it->row);
}

Relation EdgeTable::Row(size_t row, std::string from_id, std::string to_id, std::string type_name,
                        const std::vector<std::string>& files_) const {
  Relation r;
  r.id = row_id(row, &r.id_given);
  r.type = std::move(type_name);
  r.from = std::move(from_id);
  r.to = std::move(to_id);
  if (const EdgeDates* d = row_dates(row)) {
    r.date = d->date;
    r.start = d->start;
    r.end = d->end;
  }
  r.status = row_status(row);
  r.weight = row_weight(row);
  r.where = Location{files_[file_of(row).file], static_cast<int>(row_line(row)), 1};
  r.type_where = r.from_where = r.to_where = r.where;
  return r;
}

Entity EdgeTable::ImplicitEntity(size_t k, const std::vector<std::string>& files_) const {
  Entity e;
  e.id = std::string(entity_id(k));
  e.name = e.id;
  e.type = kImplicitEntityType;
  e.implicit = true;
  const Mention& m = entity_where[k];
  e.where = Location{files_[m.file], static_cast<int>(m.line), static_cast<int>(m.column)};
  e.name_where = e.type_where = e.where;
  return e;
}

}  // namespace casegraph
