#include "io/case_loader.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "io/case_file.h"
#include "io/case_reader.h"
#include "io/csv_reader.h"
#include "io/ftm_reader.h"
#include "io/source_text.h"
#include "model/id_table.h"
#include "model/vocabulary.h"
#include "text/edit_distance.h"

namespace casegraph {

namespace fs = std::filesystem;

namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

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

// Merges CaseFiles one after another, then checks the references between them. CSV files' rows
// go straight into the case's edge table; until Finish, a row names an entity by a provisional
// number: kExplicit | index into entities, or the number of an implicit entity.
class CaseMerger : public EdgeSink {
 public:
  explicit CaseMerger(Diagnostics* diagnostics) : diagnostics_(diagnostics) {
    result_.vocabulary = BuiltinVocabulary();
  }

  static constexpr uint32_t kExplicit = 0x80000000u;

  auto ImplicitKey() const {
    return [this](uint32_t k) { return result_.edges.entity_id(k); };
  }
  auto ExplicitKey() const {
    return [this](uint32_t n) { return std::string_view(result_.entities[n].id); };
  }

  /// A CSV file whose rows are already in the case's table (a snapshot's).
  void AddStoredCsv(const std::string& name) { result_.files.push_back(name); }

  /// The case's table, as a snapshot stored it: final entity numbers, nothing to check.
  Case FinishWithStoredEdges(EdgeTable edges, const std::vector<std::pair<std::string, Location>>& implied_types) {
    result_.edges = std::move(edges);
    for (const auto& [type, where] : implied_types) {
      if (!result_.vocabulary.relation_types.count(type)) {
        RelationType t = ImpliedRelationType(type);
        t.where = where;
        result_.vocabulary.relation_types.emplace(type, t);
      }
    }
    return std::move(result_);
  }

  void AddCsv(const SourceText& text) {
    result_.files.push_back(text.name());
    ReadCsvRows(text, static_cast<uint32_t>(result_.files.size() - 1), this, diagnostics_);
  }

  EdgeTable& table() override { return result_.edges; }

  uint32_t EntityRef(std::string_view id, const MentionAt& where) override {
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

  uint32_t TypeRef(std::string_view type, const SourceText& source, size_t offset) override {
    if (std::optional<uint32_t> known = FindType(type)) return *known;
    return TypeRefAt(type, source.LocationAt(offset));
  }

  uint32_t TypeRefAt(std::string_view type, const Location& where) override {
    if (std::optional<uint32_t> known = FindType(type)) return *known;
    std::vector<std::string>& names = result_.edges.type_names;
    names.emplace_back(type);
    implied_types_.emplace(names.back(), where);
    return static_cast<uint32_t>(names.size() - 1);
  }

  // The index of a relation type CSV rows named already (a handful: a linear search).
  std::optional<uint32_t> FindType(std::string_view type) const {
    const std::vector<std::string>& names = result_.edges.type_names;
    for (uint32_t i = 0; i < names.size(); ++i) {
      if (names[i] == type) return i;
    }
    return std::nullopt;
  }

  void Add(CaseFile file) {
    result_.files.push_back(file.path);
    any_unreadable_ = any_unreadable_ || file.unreadable;
    if (!file.title.empty()) result_.titles.push_back(file.title);
    MergeTypes(file.vocabulary.entity_types, &result_.vocabulary.entity_types, "entity type", SameEntityType);
    MergeTypes(file.vocabulary.relation_types, &result_.vocabulary.relation_types, "relation type",
               SameRelationType);
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

  Case Finish() {
    for (const auto& [type, where] : implied_types_) {
      if (!result_.vocabulary.relation_types.count(type)) {
        RelationType t = ImpliedRelationType(type);
        t.where = where;
        result_.vocabulary.relation_types.emplace(type, t);
      }
    }
    if (!any_unreadable_) CheckReferences();  // else every reference into that file would be reported
    NumberImplicitEntities();
    CheckCsvRelationIds();
    result_.entity_index = std::move(explicit_ids_);
    result_.relation_index = std::move(relation_ids_);
    return std::move(result_);
  }

 private:
  void Error(const Location& where, std::string message) { diagnostics_->push_back({where, std::move(message)}); }

  template <typename Type, typename Same>
  void MergeTypes(const std::map<std::string, Type>& added, std::map<std::string, Type>* into, const char* what,
                  Same same) {
    for (const auto& [id, type] : added) {
      auto it = into->find(id);
      if (it == into->end() || it->second.where.file.empty()) {  // new, or replacing a built-in one
        (*into)[id] = type;
      } else if (!same(it->second, type)) {
        Error(type.where, std::string(what) + " '" + id + "' is defined differently at " +
                              FormatLocation(it->second.where));
      }
    }
  }

  void AddSource(Source s) {
    auto it = source_index_.find(s.id);
    if (it == source_index_.end()) {
      source_index_.emplace(s.id, result_.sources.size());
      result_.sources.push_back(std::move(s));
      return;
    }
    const Source& first = result_.sources[it->second];
    if (first.where.file == s.where.file) {
      Error(s.where, "duplicate source id '" + s.id + "' (first defined at " + FormatLocation(first.where) + ")");
    } else if (!SameSource(first, s)) {
      Error(s.where, "source '" + s.id + "' is defined differently at " + FormatLocation(first.where));
    }
  }

  void AddEntity(Entity e) {
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
      Error(e.where, "duplicate entity id '" + e.id + "' (first defined at " + FormatLocation(first.where) + ")");
      return;
    }
    MergeEntity(std::move(e), &first);
  }

  void MergeEntity(Entity e, Entity* into) {
    const std::string who = "entity '" + e.id + "': ";
    if (e.name != into->name) {
      Error(e.name_where, who + "name '" + e.name + "' conflicts with '" + into->name + "' at " +
                              FormatLocation(into->name_where));
    }
    if (e.type != into->type) {
      Error(e.type_where, who + "type '" + e.type + "' conflicts with '" + into->type + "' at " +
                              FormatLocation(into->type_where));
    }
    if (!e.description.empty()) {
      if (into->description.empty()) {
        into->description = e.description;
        into->description_where = e.description_where;
      } else if (e.description != into->description) {
        Error(e.description_where, who + "description conflicts with the one at " +
                                       FormatLocation(into->description_where));
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
        Error(value.where, who + "attribute '" + key + "' is " + value.text + " here but " + it->second.text +
                               " at " + FormatLocation(it->second.where));
      }
    }
  }

  auto RelationKey() const {
    return [this](uint32_t n) { return std::string_view(result_.relations[n].id); };
  }

  // Takes over the items of the first file to have any, as Add* would add them one by one:
  // each id's first item stays; on_duplicate(later, first) says what becomes of a later one.
  template <typename Item, typename KeyOf, typename OnDuplicate>
  void TakeOver(std::vector<Item> items, std::vector<Item>* into, IdTable* ids, const KeyOf& key_of,
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

  void TakeEntities(std::vector<Entity> entities) {
    TakeOver(std::move(entities), &result_.entities, &explicit_ids_, ExplicitKey(), [this](Entity e, Entity& first) {
      if (e.implicit) return;  // a CSV mention adds nothing to a known entity
      if (first.implicit) {
        first = std::move(e);
      } else {  // one file: a duplicate, never a merge
        Error(e.where, "duplicate entity id '" + e.id + "' (first defined at " + FormatLocation(first.where) + ")");
      }
    });
  }

  void TakeRelations(std::vector<Relation> relations) {
    TakeOver(std::move(relations), &result_.relations, &relation_ids_, RelationKey(), [this](Relation r, Relation& first) {
      Error(r.where, "duplicate relation id '" + r.id + "' (first defined at " + FormatLocation(first.where) + ")");
    });
  }

  void AddRelation(Relation r) {
    const uint32_t n = static_cast<uint32_t>(result_.relations.size());
    if (std::optional<uint32_t> first = relation_ids_.Find(r.id, RelationKey())) {
      Error(r.where, "duplicate relation id '" + r.id + "' (first defined at " +
                         FormatLocation(result_.relations[*first].where) + ")");
      return;
    }
    result_.relations.push_back(std::move(r));
    relation_ids_.Insert(result_.relations[n].id, n, RelationKey());
  }

  // Every relation's type, ends and sources must be defined somewhere. The ends found among
  // the case's entities are kept for the graph (their numbers are final).
  void CheckReferences() {
    std::unordered_set<std::string_view> types;
    for (const auto& [id, t] : result_.vocabulary.relation_types) types.insert(id);
    result_.relation_from.assign(result_.relations.size(), kUnknownEntity);
    result_.relation_to.assign(result_.relations.size(), kUnknownEntity);
    for (size_t i = 0; i < result_.relations.size(); ++i) {
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

  void CheckEnd(const std::string& id, const Location& where, uint32_t* number) {
    if (id.empty()) return;
    if (std::optional<uint32_t> n = explicit_ids_.Find(id, ExplicitKey())) {
      *number = *n;
    } else if (!implicit_ids_.Find(id, ImplicitKey())) {
      if (entity_ids_.empty()) {  // for suggestions: made once, on the first unknown entity
        for (const Entity& e : result_.entities) entity_ids_.push_back(e.id);
        for (size_t k = 0; k < result_.edges.entity_count(); ++k) entity_ids_.emplace_back(result_.edges.entity_id(k));
      }
      Error(where, "unknown entity '" + id + "'" + DidYouMean(Suggest(id, entity_ids_)));
    }
  }

  // Gives CSV rows their final entity numbers: explicit entities first, then the implicit ones
  // that no file defined, in order of first mention.
  void NumberImplicitEntities() {
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

  Location RowLocation(size_t row) const {
    return Location{result_.files[result_.edges.file_of(row).file], static_cast<int>(result_.edges.line[row]), 1};
  }

  // Relation ids of CSV rows must be unique too: ids given in an id column, and the implied
  // "<stem>#<n>" of the others.
  void CheckCsvRelationIds() {
    const EdgeTable& t = result_.edges;
    std::unordered_map<std::string, size_t> stems;  // stem -> first file block with it
    for (size_t f = 0; f < t.files.size(); ++f) {
      const EdgeFile& file = t.files[f];
      auto [it, added] = stems.emplace(file.stem, f);
      if (added || file.rows == 0) continue;
      const EdgeFile& first = t.files[it->second];
      const uint32_t both = std::min(first.rows, file.rows);
      if (both == 0) continue;
      Error(RowLocation(file.first_row),
            "duplicate relation id '" + file.stem + "#1' (first defined at " + FormatLocation(RowLocation(first.first_row)) +
                ")" + (both > 1 ? "; so are the next " + std::to_string(both - 1) + " rows' ids" : std::string()));
    }
    // A case file's relations without ids have implied ids too ("<stem>#<n>"): a case file
    // and a CSV file of the same stem collide. (Given ids cannot contain '#'.)
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
      Error(csv_first ? r.where : csv, "duplicate relation id '" + r.id + "' (first defined at " +
                                           FormatLocation(csv_first ? csv : r.where) + ")");
    }
    std::unordered_map<std::string, size_t> given;  // id -> row
    for (const auto& [row, id] : t.ids) {
      if (std::optional<uint32_t> first = relation_ids_.Find(id, RelationKey())) {
        Error(RowLocation(row), "duplicate relation id '" + id + "' (first defined at " +
                                    FormatLocation(result_.relations[*first].where) + ")");
      } else if (auto [g, added] = given.emplace(id, row); !added) {
        Error(RowLocation(row), "duplicate relation id '" + id + "' (first defined at " +
                                    FormatLocation(RowLocation(g->second)) + ")");
      }
    }
  }

  Diagnostics* diagnostics_;
  Case result_;
  IdTable explicit_ids_, implicit_ids_;
  IdTable relation_ids_;
  std::vector<std::string> entity_ids_;  // every entity's id, for suggestions
  std::unordered_map<std::string, size_t> source_index_;
  std::map<std::string, Location> implied_types_;
  bool any_unreadable_ = false;
};

CaseFile ReadAnyFile(const SourceText& text, Diagnostics* diagnostics) {
  if (EndsWith(text.name(), ".csv")) return ReadCsvEdges(text, diagnostics);
  if (IsFtmFileName(text.name())) return ReadFtm(text, diagnostics);
  return ReadCaseFile(text, diagnostics);
}

// Sorts diagnostics by file (in load order), line and column, keeping the order of equal places.
void SortDiagnostics(const std::vector<std::string>& file_order, Diagnostics* diagnostics) {
  std::unordered_map<std::string, size_t> rank;
  for (size_t i = 0; i < file_order.size(); ++i) rank.emplace(file_order[i], i);
  auto key = [&](const Diagnostic& d) {
    auto it = rank.find(d.where.file);
    return std::tuple(it == rank.end() ? size_t(-1) : it->second, d.where.line, d.where.column);
  };
  std::stable_sort(diagnostics->begin(), diagnostics->end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
}

LoadResult Merge(std::vector<SourceText> texts, Diagnostics diagnostics) {
  CaseMerger merger(&diagnostics);
  std::vector<std::string> order;
  for (SourceText& text : texts) {
    order.push_back(text.name());
    if (EndsWith(text.name(), ".csv")) {
      merger.AddCsv(text);
    } else {
      merger.Add(ReadAnyFile(text, &diagnostics));
    }
    text = SourceText(text.name(), std::string());  // the bytes are no longer needed
  }
  Case merged = merger.Finish();
  LoadResult result;
  SortDiagnostics(order, &diagnostics);
  result.diagnostics = std::move(diagnostics);
  if (ErrorCount(result.diagnostics) == 0) result.loaded = std::move(merged);
  return result;
}

}  // namespace

std::vector<std::string> ExpandGraphPath(const std::string& path, Diagnostics* diagnostics) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::vector<std::string> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(path, ec)) {
      const std::string name = entry.path().filename().string();
      if (EndsWith(name, ".json") && entry.is_regular_file(ec)) files.push_back(name);
    }
    if (ec) {
      diagnostics->push_back({Location{path}, "cannot read directory: " + ec.message()});
      return {};
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) diagnostics->push_back({Location{path}, "no case files (*.json) in this directory"});
    const std::string prefix = EndsWith(path, "/") ? path : path + "/";
    for (std::string& f : files) f = prefix + f;
    return files;
  }
  return {path};
}

LoadResult LoadCase(const std::vector<std::string>& paths) {
  Diagnostics diagnostics;
  std::vector<SourceText> texts;
  std::set<std::string> seen;
  for (const std::string& path : paths) {
    for (const std::string& file : ExpandGraphPath(path, &diagnostics)) {
      std::error_code ec;
      const fs::path canonical = fs::weakly_canonical(file, ec);
      if (!seen.insert(ec ? file : canonical.string()).second) continue;
      std::string error;
      std::optional<SourceText> text = SourceText::Open(file, &error);
      if (!text) {
        diagnostics.push_back({Location{file}, error});
        continue;
      }
      texts.push_back(std::move(*text));
    }
  }
  return Merge(std::move(texts), std::move(diagnostics));
}

Case RebuildCase(const std::vector<StoredFile>& files, EdgeTable edges,
                 const std::vector<std::pair<std::string, Location>>& implied_types, Diagnostics* diagnostics) {
  CaseMerger merger(diagnostics);
  for (const StoredFile& f : files) {
    if (f.csv) {
      merger.AddStoredCsv(f.name);
    } else {
      merger.Add(ReadAnyFile(SourceText(f.name, f.text), diagnostics));
    }
  }
  return merger.FinishWithStoredEdges(std::move(edges), implied_types);
}

LoadResult LoadCaseFromTexts(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<SourceText> texts;
  for (const auto& [name, text] : files) texts.emplace_back(name, text);
  return Merge(std::move(texts), {});
}

}  // namespace casegraph
