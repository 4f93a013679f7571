// The merge rules of a graph's files: case files merged one after another (entities of the same
// id united, conflicts reported at both places), CSV rows put straight into the case's edge
// table, then every reference between them checked.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "io/case_file.h"
#include "io/csv_reader.h"
#include "model/case.h"
#include "model/id_table.h"

namespace casegraph {

/// Until Finish, a CSV row names an entity by a provisional number: kExplicit | its index among
/// the case's entities, or the number of an implicit entity.
class CaseMerger : public EdgeSink {
 public:
  explicit CaseMerger(Diagnostics* diagnostics);

  /// Adds what one file says.
  void Add(CaseFile file);
  /// Makes room for about this many entities and relations in all: a hint (more or fewer may
  /// come), so that a case of many files does not copy its items each time it outgrows its room.
  void Reserve(size_t entities, size_t relations);
  size_t entity_count() const { return result_.entities.size(); }
  size_t relation_count() const { return result_.relations.size(); }
  /// Adds a CSV edge file's rows.
  void AddCsv(const SourceText& text);
  /// Names a CSV file whose rows are already in the table (a snapshot's).
  void AddStoredCsv(const std::string& name) { result_.files.push_back(name); }

  /// Checks the references and numbers the entities finally; the case is usable only when no
  /// error was reported.
  Case Finish();
  /// The case, with the edge table as a snapshot stored it: final entity numbers, nothing to check.
  Case FinishWithStoredEdges(EdgeTable edges, const std::vector<std::pair<std::string, Location>>& implied_types);

  // EdgeSink: where the CSV reader puts rows.
  EdgeTable& table() override { return result_.edges; }
  uint32_t EntityRef(std::string_view id, const MentionAt& where) override;
  uint32_t TypeRef(std::string_view type, const SourceText& source, size_t offset) override;
  uint32_t TypeRefAt(std::string_view type, const Location& where) override;

 private:
  static constexpr uint32_t kExplicit = 0x80000000u;

  auto ImplicitKey() const {
    return [this](uint32_t k) { return result_.edges.entity_id(k); };
  }
  auto ExplicitKey() const {
    return [this](uint32_t n) { return std::string_view(result_.entities[n].id); };
  }
  auto RelationKey() const {
    return [this](uint32_t n) { return std::string_view(result_.relations[n].id); };
  }

  void TooManyRelationTypes();
  void Error(const Location& where, std::string message) { diagnostics_->push_back({where, std::move(message)}); }
  // The index of a relation type CSV rows named already (a handful: a linear search).
  std::optional<uint32_t> FindType(std::string_view type) const;
  template <typename Type, typename Same>
  void MergeTypes(const std::map<std::string, Type>& added, std::map<std::string, Type>* into, const char* what,
                  Same same);
  // Vocabulary entries for relation types that CSV files name without defining them.
  template <typename Types>
  void AddImpliedTypes(const Types& types);
  void AddSource(Source s);
  void AddEntity(Entity&& e);
  void MergeEntity(Entity&& e, Entity* into);
  void AddRelation(Relation&& r);
  // Takes over the items of the first file to have any, as Add* would add them one by one.
  template <typename Item, typename KeyOf, typename OnDuplicate>
  void TakeOver(std::vector<Item> items, std::vector<Item>* into, IdTable* ids, const KeyOf& key_of,
                OnDuplicate on_duplicate);
  void TakeEntities(std::vector<Entity> entities);
  void TakeRelations(std::vector<Relation> relations);
  void CheckReferences();
  // Whether an entity reference names an entity (an empty one is another check's); sets *number
  // for one a case file defines.
  bool Resolves(const std::string& id, uint32_t* number) const;
  void CheckEnd(const std::string& id, const Location& where, uint32_t* number);
  void NumberImplicitEntities();
  Location RowLocation(size_t row) const;
  void CheckCsvRelationIds();
  void CheckCsvStems(std::unordered_map<std::string, size_t>* stems);

  Diagnostics* diagnostics_;
  Case result_;
  IdTable explicit_ids_, implicit_ids_;
  IdTable relation_ids_;
  std::vector<std::string> entity_ids_;  // every entity's id, for suggestions
  std::unordered_map<std::string, size_t> source_index_;
  std::map<std::string, Location> implied_types_;
  bool any_unreadable_ = false;
};

}  // namespace casegraph
