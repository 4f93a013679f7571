// The parts of a case file (internal to the case-file reader): its vocabulary and the items of
// its lists, each read against the format's rules into a CaseFile.
#pragma once

#include <cstddef>

#include "io/case_file.h"
#include "io/json_fields.h"

namespace casegraph {

class CaseItemReader : public JsonValueReader {
 public:
  CaseItemReader(CaseFile* file, Diagnostics* diagnostics) : JsonValueReader(diagnostics), file_(file), diagnostics_(diagnostics) {}

  void ReadVocabulary(JsonValue v);
  void ReadSource(JsonValue o);
  void ReadEntity(JsonValue o);
  /// index: the relation's place in its list, from 1 (its implied id's number).
  void ReadRelation(JsonValue o, size_t index);

 private:
  bool ReadTypeKey(JsonValue m, const char* what);
  void ReadEntityType(JsonValue m);
  void ReadRelationType(JsonValue m);
  void ReadDates(const JsonFields& fields, Relation* r);
  void ReadStatus(JsonValue v, ClaimStatus* out);
  void ReadWeight(JsonValue v, double* out);
  void ReadEvidence(JsonValue o, Relation* r);

  CaseFile* file_;
  Diagnostics* diagnostics_;
};

}  // namespace casegraph
