// libFuzzer target: a case file, read, merged, built into a graph and asked a path; and read
// again with its items handed to a second thread in small batches, which must read the same.
#include <cstddef>
#include <cstdint>
#include <string>

#include "graph/graph.h"
#include "io/case_loader.h"
#include "io/case_reader.h"
#include "io/case_writer.h"
#include "query/path.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace casegraph;
  const std::string text(reinterpret_cast<const char*>(data), size);
  {
    Diagnostics one, two;
    JsonStreamOptions threads;
    threads.two_threads_from = 0;
    threads.batch_values = 1 + size % 5;
    const CaseFile a = ReadCaseFile(SourceText("fuzz.json", text), &one);
    const CaseFile b = ReadCaseFile(SourceText("fuzz.json", text), &two, threads);
    if (one.size() != two.size() || a.relations.size() != b.relations.size() ||
        a.entities.size() != b.entities.size() || a.unreadable != b.unreadable) {
      __builtin_trap();
    }
    for (size_t i = 0; i < one.size(); ++i) {
      if (FormatDiagnostic(one[i]) != FormatDiagnostic(two[i])) __builtin_trap();
    }
    for (size_t i = 0; i < a.relations.size(); ++i) {
      if (a.relations[i].id != b.relations[i].id || FormatLocation(a.relations[i].where) != FormatLocation(b.relations[i].where)) {
        __builtin_trap();
      }
    }
  }
  Result<Case> r = LoadCaseFromTexts({{"fuzz.json", text}});
  if (!r.ok()) return 0;
  // What loads must also format, and the formatted file must load again.
  Diagnostics d;
  const std::string canonical = WriteCaseFile(ReadCaseFile(SourceText("fuzz.json", text), &d));
  if (!LoadCaseFromTexts({{"fuzz.json", canonical}}).ok()) __builtin_trap();
  auto g = Graph::Build(std::move(r).value());
  if (g->entity_count() >= 2) {
    PathQuery q;
    q.from = 0;
    q.to = static_cast<EntityId>(g->entity_count() - 1);
    q.form = PathForm::kKShortest;
    q.k = 3;
    (void)FindPaths(*g, TraversalFilter(*g), q);
  }
  return 0;
}
