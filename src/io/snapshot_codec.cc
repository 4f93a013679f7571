#include "io/snapshot_codec.h"

namespace casegraph {

namespace {

std::string DateText(const std::optional<Date>& d) { return d ? d->text : std::string(); }

std::optional<Date> DateOf(const std::string& text) {
  Result<Date> date = ParseDate(text);
  if (!date.ok()) return std::nullopt;  // empty: none stored
  return std::move(date).value();
}

void WriteSources(const std::vector<SourceStamp>& stamps, const std::vector<std::string>& texts, ByteWriter* w) {
  w->U64(stamps.size());
  for (size_t i = 0; i < stamps.size(); ++i) {
    w->Str(stamps[i].name);
    w->Str(stamps[i].absolute);
    w->U64(stamps[i].csv);
    w->U64(stamps[i].size);
    w->U64(static_cast<uint64_t>(stamps[i].mtime_ns));
    w->Str(texts[i]);
  }
}

void WriteEdgeTable(const Case& m, ByteWriter* w) {
  const EdgeTable& t = m.edges;
  w->U64(t.type_names.size());
  for (const std::string& type : t.type_names) {
    w->Str(type);
    w->Where(m.vocabulary.relation_types.at(type).where);
  }
  w->Vec(t.entity_ids);
  w->Vec(t.entity_id_end);
  w->Vec(t.entity_where);
  w->Vec(t.status);
  w->Vec(t.weight);
  w->Vec(t.line_runs);
  w->U64(t.files.size());
  for (const EdgeFile& f : t.files) {
    w->U64(f.file);
    w->Str(f.stem);
    w->U64(f.first_row);
    w->U64(f.rows);
  }
  w->U64(t.ids.size());
  for (const auto& [row, id] : t.ids) {
    w->U64(row);
    w->Str(id);
  }
  w->U64(t.dates.size());
  for (const auto& [row, d] : t.dates) {
    w->U64(row);
    w->Str(DateText(d.date));
    w->Str(DateText(d.start));
    w->Str(DateText(d.end));
  }
}

void WriteArrays(const GraphArrays& a, ByteWriter* w) {
  w->Vec(a.from);
  w->Vec(a.to);
  w->Vec(a.relation_type);
  w->Vec(a.entity_type);
  w->Vec(a.status);
  std::vector<int32_t> time;  // flags, first, last: DayInterval has padding
  time.reserve(a.time.size() * 3);
  for (const DayInterval& d : a.time) {
    time.push_back((d.dated ? 1 : 0) | (d.span ? 2 : 0));
    time.push_back(d.first);
    time.push_back(d.last);
  }
  w->Vec(time);
  w->Vec(a.weight);
  w->Vec(a.out.offsets);
  w->Vec(a.out.items);
  w->Vec(a.in.offsets);
  w->Vec(a.in.items);
  w->U64(a.entity_ids.size());
  w->Array(a.entity_ids.slots(), a.entity_ids.capacity());
  w->Strings(a.relation_type_names);
  w->Strings(a.entity_type_names);
}

void ReadSources(ByteReader* r, SnapshotBody* body) {
  body->stamps.resize(r->Count(40));
  for (SourceStamp& s : body->stamps) {
    StoredFile f;
    s.name = f.name = r->Str();
    s.absolute = r->Str();
    s.csv = f.csv = r->U64() != 0;
    s.size = r->U64();
    s.mtime_ns = static_cast<int64_t>(r->U64());
    f.text = r->Str();
    if (f.csv) f.text.clear();
    body->files.push_back(std::move(f));
  }
}

void ReadEdgeTable(ByteReader* r, SnapshotBody* body) {
  EdgeTable& t = body->table;
  body->implied_types.resize(r->Count(16));
  for (auto& [type, where] : body->implied_types) {
    type = r->Str();
    where = r->Where();
    t.type_names.push_back(type);
  }
  t.entity_ids = r->View<char>();
  t.entity_id_end = r->View<uint32_t>();
  t.entity_where = r->View<Mention>();
  r->Vec(&t.status);
  r->Vec(&t.weight);
  t.line_runs = r->View<LineRun>();
  t.files.resize(r->Count(32));
  for (EdgeFile& f : t.files) {
    f.file = static_cast<uint32_t>(r->U64());
    f.stem = r->Str();
    f.first_row = static_cast<uint32_t>(r->U64());
    f.rows = static_cast<uint32_t>(r->U64());
  }
  t.ids.resize(r->Count(16));
  for (auto& [row, id] : t.ids) {
    row = static_cast<uint32_t>(r->U64());
    id = r->Str();
  }
  t.dates.resize(r->Count(32));
  for (auto& [row, d] : t.dates) {
    row = static_cast<uint32_t>(r->U64());
    d.date = DateOf(r->Str());
    d.start = DateOf(r->Str());
    d.end = DateOf(r->Str());
  }
}

void ReadArrays(ByteReader* r, GraphArrays* a) {
  a->from = r->View<EntityId>();
  a->to = r->View<EntityId>();
  a->relation_type = r->View<RelationTypeId>();
  a->entity_type = r->View<TypeId>();
  a->status = r->View<uint8_t>();
  std::vector<int32_t> time;
  r->Vec(&time);
  a->time.resize(time.size() / 3);
  for (size_t i = 0; i < a->time.size(); ++i) {
    a->time[i] = DayInterval{(time[3 * i] & 1) != 0, (time[3 * i] & 2) != 0, time[3 * i + 1], time[3 * i + 2]};
  }
  a->weight = r->View<double>();
  a->out.offsets = r->View<uint32_t>();
  a->out.items = r->View<Incidence>();
  a->in.offsets = r->View<uint32_t>();
  a->in.items = r->View<Incidence>();
  const size_t ids = r->Count(0);
  Column<IdSlot> slots = r->View<IdSlot>();
  if (slots.size() & (slots.size() - 1)) slots = Column<IdSlot>();  // a power of two, or damaged
  a->entity_ids = IdTable(std::move(slots), ids);
  a->relation_type_names = r->Strings();
  a->entity_type_names = r->Strings();
}

}  // namespace

void WriteSnapshotBody(const Graph& g, const std::vector<SourceStamp>& stamps, const std::vector<std::string>& texts,
                       ByteWriter* w) {
  WriteSources(stamps, texts, w);
  WriteEdgeTable(g.model(), w);
  WriteArrays(g.arrays(), w);
}

SnapshotBody ReadSnapshotBody(ByteReader* r) {
  SnapshotBody body;
  ReadSources(r, &body);
  ReadEdgeTable(r, &body);
  ReadArrays(r, &body.arrays);
  return body;
}

}  // namespace casegraph
