// libFuzzer target: a CSV edge file.
#include <cstddef>
#include <cstdint>
#include <string>

#include "graph/graph.h"
#include "io/case_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace casegraph;
  LoadResult r = LoadCaseFromTexts({{"fuzz.csv", std::string(reinterpret_cast<const char*>(data), size)}});
  if (r.loaded) Graph::Build(std::move(*r.loaded));
  return 0;
}
