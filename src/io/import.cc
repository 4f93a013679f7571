#include "io/import.h"

#include "io/csv_reader.h"
#include "io/ftm_reader.h"
#include "io/source_text.h"
#include "model/vocabulary.h"

namespace casegraph {

CaseFile ImportFile(ImportFormat format, const std::string& name, const std::string& text, Diagnostics* diagnostics) {
  const SourceText source(name, text);
  CaseFile file = format == ImportFormat::kFtm ? ReadFtm(source, diagnostics) : ReadCsvEdges(source, diagnostics);
  const Vocabulary builtin = BuiltinVocabulary();
  for (const Relation& r : file.relations) {
    if (!builtin.relation_types.count(r.type) && !file.vocabulary.relation_types.count(r.type)) {
      file.vocabulary.relation_types.emplace(r.type, ImpliedRelationType(r.type));
    }
  }
  for (Entity& e : file.entities) e.implicit = false;
  file.implies_relation_types = false;
  return file;
}

}  // namespace casegraph
