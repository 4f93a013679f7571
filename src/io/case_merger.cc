#include "io/case_merger.h"

#include <algorithm>
#include <new>
#include <tuple>
#include <unordered_set>

#include "model/limits.h"
#include "model/two_parts.h"
#include "model/vocabulary.h"
#include "text/edit_distance.h"

namespace casegraph {

namespace {

bool SameSource(const Source& a, const Source& b) {
  auto date_text = [](const Source& s) { return s.date ? s.date->text : std::string(); };
  return a.title == b.title && a.publisher == b.publisher && a.url == b.url && a.file == b.file &&
         a.resolved_file == b.resolved_file && date_text(a) == date_text(b);
}

bool SameEntityType(const EntityType& a, const EntityType& b) {
  return a.label == b.label && a.color == b.color && a.shape == b.shape;
}

bool SameRelationType(const RelationType& a, const RelationType& b) {
  return a.label == b.label && a.inverse == b.inverse && a.symmetric == b.symmetric && a.color == b.color;
}

// "duplicate entity id 'x' (first defined at file:3:7)".
std::string Duplicate(const char* what, const std::string& id, const Location& first) {
  return std::string("duplicate ") + what + " id '" + id + "' (first defined at " + FormatLocation(first) + ")";
}

}  // namespace

CaseMerger::CaseMerger(Diagnostics* diagnostics) : diagnostics_(diagnostics) {
  result_.vocabulary = BuiltinVocabulary();
}

void CaseMerger::Add(CaseFile file) {
  result_.files.push_back(file.path);
  any_unreadable_ = any_unreadable_ || file.unreadable;
  if (!file.title.empty()) result_.titles.push_back(file.title);
  MergeTypes(file.vocabulary.entity_types, &result_.vocabulary.entity_types, "entity type", SameEntityType);
  MergeTypes(file.vocabulary.relation_types, &result_.vocabulary.relation_types, "relation type", SameRelationType);
  for (Source& s : file.sources) AddSource(std::move(s));
  if (result_.entities.empty()) {  // the first file's: taken over whole, not moved one by one
    TakeEntities(std::move(file.entities));
  } else {
    for (Entity& e : file.entities) AddEntity(std::move(e));
  }
  if (file.implies_relation_types) {
    for (const Relation& r : file.relations) implied_types_.emplace(r.type, r.type_where);
  }
  if (result_.relations.empty()) {
    TakeRelations(std::move(file.relations));
  } else {
    for (Relation& r : file.relations) AddRelation(std::move(r));
  }
}

void CaseMerger::AddCsv(const SourceText& text) {
  result_.files.push_back(text.name());
  ReadCsvRows(text, static_cast<uint32_t>(result_.files.size() - 1), this, diagnostics_);
}

template <typename Types>
void CaseMerger::AddImpliedTypes(const Types& types) {
  for (const auto& [type, where] : types) {
    if (result_.vocabulary.relation_types.count(type)) continue;
    RelationType t = ImpliedRelationType(type);
    t.where = where;
    result_.vocabulary.relation_types.emplace(type, t);
  }
}

Case CaseMerger::Finish() {
  AddImpliedTypes(implied_types_);
  if (result_.vocabulary.relation_types.size() > kMaxRelationTypes) TooManyRelationTypes();
  if (!any_unreadable_) CheckReferences();  // else every reference into that file would be reported
  NumberImplicitEntities();
  CheckCsvRelationIds();
  result_.entity_index = std::move(explicit_ids_);
  result_.relation_index = std::move(relation_ids_);
  return std::move(result_);
}

// Said at the type, in reading order (built-in types first, then file by file), past the limit.
void CaseMerger::TooManyRelationTypes() {
  const auto& types = result_.vocabulary.relation_types;
  std::vector<std::tuple<size_t, int, int, const Location*>> order;
  for (const auto& [id, t] : types) {
    const auto file = std::find(result_.files.begin(), result_.files.end(), t.where.file.str());
    const size_t file_order = file == result_.files.end() ? 0 : 1 + static_cast<size_t>(file - result_.files.begin());
    order.emplace_back(file_order, t.where.line, t.where.column, &t.where);
  }
  std::nth_element(order.begin(), order.begin() + kMaxRelationTypes, order.end());
  Error(*std::get<3>(order[kMaxRelationTypes]), "too many relation types: " + std::to_string(types.size()) +
                                                     ", more than the limit of " + std::to_string(kMaxRelationTypes));
}

Case CaseMerger::FinishWithStoredEdges(EdgeTable edges, const std::vector<std::pair<std::string, Location>>& implied_types) {
  result_.edges = std::move(edges);
  AddImpliedTypes(implied_types);
  return std::move(result_);
}

uint32_t CaseMerger::EntityRef(std::string_view id, const MentionAt& where) {
  if (explicit_ids_.size() == 0) {  // only CSV files so far: one look-up adds or finds
    const auto [k, added] = implicit_ids_.Insert(id, static_cast<uint32_t>(result_.edges.entity_count()), ImplicitKey());
    if (added) result_.edges.AddEntity(id, where.Resolve());
    return k;
  }
  if (std::optional<uint32_t> k = implicit_ids_.Find(id, ImplicitKey())) return *k;
  if (std::optional<uint32_t> e = explicit_ids_.Find(id, ExplicitKey())) return *e | kExplicit;
  const uint32_t k = result_.edges.AddEntity(id, where.Resolve());
  implicit_ids_.Insert(id, k, ImplicitKey());
  return k;
}

uint32_t CaseMerger::TypeRef(std::string_view type, const SourceText& source, size_t offset) {
  if (std::optional<uint32_t> known = FindType(type)) return *known;
  return TypeRefAt(type, source.LocationAt(offset));
}

uint32_t CaseMerger::TypeRefAt(std::string_view type, const Location& where) {
  if (std::optional<uint32_t> known = FindType(type)) return *known;
  std::vector<std::string>& names = result_.edges.type_names;
  names.emplace_back(type);
  implied_types_.emplace(names.back(), where);
  return static_cast<uint32_t>(names.size() - 1);
}

std::optional<uint32_t> CaseMerger::FindType(std::string_view type) const {
  const std::vector<std::string>& names = result_.edges.type_names;
  for (uint32_t i = 0; i < names.size(); ++i) {
    if (names[i] == type) return i;
  }
  return std::nullopt;
}

template <typename Type, typename Same>
void CaseMerger::MergeTypes(const std::map<std::string, Type>& added, std::map<std::string, Type>* into, const char* what,
                            Same same) {
  for (const auto& [id, type] : added) {
    auto it = into->find(id);
    if (it == into->end() || it->second.where.file.empty()) {  // new, or replacing a built-in one
      (*into)[id] = type;
    } else if (!same(it->second, type)) {
      Error(type.where, std::string(what) + " '" + id + "' is defined differently at " + FormatLocation(it->second.where));
    }
  }
}

void CaseMerger::AddSource(Source s) {
  auto it = source_index_.find(s.id);
  if (it == source_index_.end()) {
    source_index_.emplace(s.id, result_.sources.size());
    result_.sources.push_back(std::move(s));
    return;
  }
  const Source& first = result_.sources[it->second];
  if (first.where.file == s.where.file) {
    Error(s.where, Duplicate("source", s.id, first.where));
  } else if (!SameSource(first, s)) {
    Error(s.where, "source '" + s.id + "' is defined differently at " + FormatLocation(first.where));
  }
}

void CaseMerger::Reserve(size_t entities, size_t relations) {
  try {
    if (entities > result_.entities.capacity()) result_.entities.reserve(entities);
    if (relations > result_.relations.capacity()) result_.relations.reserve(relations);
  } catch (const std::bad_alloc&) {
    // Only a hint: without the room, the lists grow as they go.
  }
}

void CaseMerger::AddEntity(Entity&& e) {
  std::optional<uint32_t> known = explicit_ids_.Find(e.id, ExplicitKey());
  if (!known) {
    const uint32_t n = static_cast<uint32_t>(result_.entities.size());
    result_.entities.push_back(std::move(e));
    explicit_ids_.Insert(result_.entities[n].id, n, ExplicitKey());
    return;
  }
  Entity& first = result_.entities[*known];
  if (e.implicit) return;  // a CSV mention adds nothing to a known entity
  if (first.implicit) {
    first = std::move(e);
    return;
  }
  if (first.where.file == e.where.file) {
    Error(e.where, Duplicate("entity", e.id, first.where));
    return;
  }
  MergeEntity(std::move(e), &first);
}

void CaseMerger::MergeEntity(Entity&& e, Entity* into) {
  const std::string who = "entity '" + e.id + "': ";
  if (e.name != into->name) {
    Error(e.name_where, who + "name '" + e.name + "' conflicts with '" + into->name + "' at " + FormatLocation(into->name_where));
  }
  if (e.type != into->type) {
    Error(e.type_where, who + "type '" + e.type + "' conflicts with '" + into->type + "' at " + FormatLocation(into->type_where));
  }
  if (!e.description.empty()) {
    if (into->description.empty()) {
      into->description = e.description;
      into->description_where = e.description_where;
    } else if (e.description != into->description) {
      Error(e.description_where, who + "description conflicts with the one at " + FormatLocation(into->description_where));
    }
  }
  for (std::string& alias : e.aliases) {
    if (std::find(into->aliases.begin(), into->aliases.end(), alias) == into->aliases.end()) {
      into->aliases.push_back(std::move(alias));
    }
  }
  for (auto& [key, value] : e.attributes) {
    auto it = into->attributes.find(key);
    if (it == into->attributes.end()) {
      into->attributes.emplace(key, std::move(value));
    } else if (!it->second.SameValue(value)) {
      Error(value.where, who + "attribute '" + key + "' is " + value.text + " here but " + it->second.text + " at " +
                             FormatLocation(it->second.where));
    }
  }
}

// Each id's first item stays; on_duplicate(later, first) says what becomes of a later one.
template <typename Item, typename KeyOf, typename OnDuplicate>
void CaseMerger::TakeOver(std::vector<Item> items, std::vector<Item>* into, IdTable* ids, const KeyOf& key_of,
                          OnDuplicate on_duplicate) {
  *into = std::move(items);
  std::vector<Item>& all = *into;
  size_t kept = 0;
  for (size_t i = 0; i < all.size(); ++i) {
    const uint32_t n = static_cast<uint32_t>(kept);
    if (i != kept) all[kept] = std::move(all[i]);
    const auto [first, added] = ids->Insert(all[n].id, n, key_of);
    if (added) {
      ++kept;
    } else {
      on_duplicate(std::move(all[n]), all[first]);
    }
  }
  all.resize(kept);
}

void CaseMerger::TakeEntities(std::vector<Entity> entities) {
  TakeOver(std::move(entities), &result_.entities, &explicit_ids_, ExplicitKey(), [this](Entity e, Entity& first) {
    if (e.implicit) return;  // a CSV mention adds nothing to a known entity
    if (first.implicit) {
      first = std::move(e);
    } else {  // one file: a duplicate, never a merge
      Error(e.where, Duplicate("entity", e.id, first.where));
    }
  });
}

void CaseMerger::TakeRelations(std::vector<Relation> relations) {
  TakeOver(std::move(relations), &result_.relations, &relation_ids_, RelationKey(),
           [this](Relation r, Relation& first) { Error(r.where, Duplicate("relation", r.id, first.where)); });
}

void CaseMerger::AddRelation(Relation&& r) {
  const uint32_t n = static_cast<uint32_t>(result_.relations.size());
  if (std::optional<uint32_t> first = relation_ids_.Find(r.id, RelationKey())) {
    Error(r.where, Duplicate("relation", r.id, result_.relations[*first].where));
    return;
  }
  result_.relations.push_back(std::move(r));
  relation_ids_.Insert(result_.relations[n].id, n, RelationKey());
}

// Every relation's type, ends and sources must be defined somewhere. The ends found among the
// case's entities are kept for the graph (their numbers are final).
void CaseMerger::CheckReferences() {
  std::unordered_set<std::string_view> types;
  for (const auto& [id, t] : result_.vocabulary.relation_types) types.insert(id);
  const size_t n = result_.relations.size();
  result_.relation_from.assign(n, kUnknownEntity);
  result_.relation_to.assign(n, kUnknownEntity);
  // The ends are looked up on two threads for a large case (look-ups only: the tables are not
  // changed); a relation with something to report is marked, and the marked ones are then
  // checked again in order on this thread, so that the errors are those of one pass.
  std::vector<size_t> marked[2];
  auto look_up = [&](int part) {
    const size_t begin = part == 0 ? 0 : n / 2, end = part == 0 ? n / 2 : n;
    for (size_t i = begin; i < end; ++i) {
      const Relation& r = result_.relations[i];
      bool ok = r.type.empty() || types.count(r.type) > 0;
      ok &= Resolves(r.from, &result_.relation_from[i]);
      ok &= Resolves(r.to, &result_.relation_to[i]);
      for (const Evidence& e : r.evidence) ok &= e.source.empty() || source_index_.count(e.source) > 0;
      if (!ok) marked[part].push_back(i);
    }
  };
  InTwoParts(n >= (size_t{1} << 16), look_up);
  for (const std::vector<size_t>& part : marked) {
    for (size_t i : part) {
      const Relation& r = result_.relations[i];
      if (!r.type.empty() && !types.count(r.type)) {
        std::vector<std::string> type_ids;
        for (const auto& [id, t] : result_.vocabulary.relation_types) type_ids.push_back(id);
        Error(r.type_where, "unknown relation type '" + r.type + "'" + DidYouMean(Suggest(r.type, type_ids)) +
                                " (define it under vocabulary.relation_types)");
      }
      CheckEnd(r.from, r.from_where, &result_.relation_from[i]);
      CheckEnd(r.to, r.to_where, &result_.relation_to[i]);
      for (const Evidence& e : r.evidence) {
        if (!e.source.empty() && !source_index_.count(e.source)) {
          std::vector<std::string> source_ids;
          for (const Source& s : result_.sources) source_ids.push_back(s.id);
          Error(e.source_where, "unknown source '" + e.source + "'" + DidYouMean(Suggest(e.source, source_ids)));
        }
      }
    }
  }
}

bool CaseMerger::Resolves(const std::string& id, uint32_t* number) const {
  if (id.empty()) return true;
  if (std::optional<uint32_t> k = explicit_ids_.Find(id, ExplicitKey())) {
    *number = *k;
    return true;
  }
  return implicit_ids_.Find(id, ImplicitKey()).has_value();
}

void CaseMerger::CheckEnd(const std::string& id, const Location& where, uint32_t* number) {
  if (Resolves(id, number)) return;
  if (entity_ids_.empty()) {  // for suggestions: made once, on the first unknown entity
    for (const Entity& e : result_.entities) entity_ids_.push_back(e.id);
    for (size_t k = 0; k < result_.edges.entity_count(); ++k) entity_ids_.emplace_back(result_.edges.entity_id(k));
  }
  Error(where, "unknown entity '" + id + "'" + DidYouMean(Suggest(id, entity_ids_)));
}

// Gives CSV rows their final entity numbers: explicit entities first, then the implicit ones that
// no file defined, in order of first mention.
void CaseMerger::NumberImplicitEntities() {
  EdgeTable& t = result_.edges;
  const uint32_t explicit_count = static_cast<uint32_t>(result_.entities.size());
  std::vector<uint32_t> final_number(t.entity_count());
  EdgeTable kept;
  for (uint32_t k = 0; k < t.entity_count(); ++k) {
    const std::string_view id = t.entity_id(k);
    if (std::optional<uint32_t> e = explicit_ids_.Find(id, ExplicitKey())) {
      final_number[k] = *e;
    } else {
      final_number[k] = explicit_count + kept.AddEntity(id, t.entity_where[k]);
    }
  }
  if (kept.entity_count() != t.entity_count()) {
    t.entity_ids = std::move(kept.entity_ids);
    t.entity_id_end = std::move(kept.entity_id_end);
    t.entity_where = std::move(kept.entity_where);
  } else if (explicit_count == 0) {
    t.entity_index = std::move(implicit_ids_);  // numbers are final: the graph can use it as is
  }
  for (std::vector<uint32_t>* ends : {&t.from, &t.to}) {
    for (uint32_t& v : *ends) v = (v & kExplicit) ? (v & ~kExplicit) : final_number[v];
  }
}

Location CaseMerger::RowLocation(size_t row) const {
  return Location{result_.files[result_.edges.file_of(row).file], static_cast<int>(result_.edges.row_line(row)), 1};
}

// Two CSV files of one stem imply the same ids "<stem>#1", "<stem>#2", ...
void CaseMerger::CheckCsvStems(std::unordered_map<std::string, size_t>* stems) {
  const EdgeTable& t = result_.edges;
  for (size_t f = 0; f < t.files.size(); ++f) {
    const EdgeFile& file = t.files[f];
    auto [it, added] = stems->emplace(file.stem, f);
    if (added || file.rows == 0) continue;
    const EdgeFile& first = t.files[it->second];
    const uint32_t both = std::min(first.rows, file.rows);
    if (both == 0) continue;
    Error(RowLocation(file.first_row),
          Duplicate("relation", file.stem + "#1", RowLocation(first.first_row)) +
              (both > 1 ? "; so are the next " + std::to_string(both - 1) + " rows' ids" : std::string()));
  }
}

// Relation ids of CSV rows must be unique too: ids given in an id column, and the implied
// "<stem>#<n>" of the others.
void CaseMerger::CheckCsvRelationIds() {
  const EdgeTable& t = result_.edges;
  std::unordered_map<std::string, size_t> stems;  // stem -> first file block with it
  CheckCsvStems(&stems);
  // A case file's relations without ids have implied ids too ("<stem>#<n>"): a case file and a
  // CSV file of the same stem collide. (Given ids cannot contain '#'.)
  std::unordered_map<std::string, size_t> file_rank;
  for (size_t i = 0; i < result_.files.size(); ++i) file_rank.emplace(result_.files[i], i);
  for (const Relation& r : result_.relations) {
    if (r.id_given) continue;
    const size_t hash = r.id.rfind('#');
    auto it = stems.find(r.id.substr(0, hash));
    if (it == stems.end()) continue;
    const EdgeFile& f = t.files[it->second];
    const size_t n = std::stoul(r.id.substr(hash + 1));
    if (n == 0 || n > f.rows) continue;
    const size_t row = f.first_row + n - 1;
    if (t.row_id(row) != r.id) continue;
    const Location csv = RowLocation(row);
    const bool csv_first = file_rank[csv.file] < file_rank[r.where.file];
    Error(csv_first ? r.where : csv, Duplicate("relation", r.id, csv_first ? csv : r.where));
  }
  std::unordered_map<std::string, size_t> given;  // id -> row
  for (const auto& [row, id] : t.ids) {
    if (std::optional<uint32_t> first = relation_ids_.Find(id, RelationKey())) {
      Error(RowLocation(row), Duplicate("relation", id, result_.relations[*first].where));
    } else if (auto [g, added] = given.emplace(id, row); !added) {
      Error(RowLocation(row), Duplicate("relation", id, RowLocation(g->second)));
    }
  }
}

}  // namespace casegraph
