// libFuzzer target: FollowTheMoney entities (JSON lines).
#include <cstddef>
#include <cstdint>
#include <string>

#include "graph/graph.h"
#include "io/case_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace casegraph;
  Result<Case> r = LoadCaseFromTexts({{"fuzz.ftm.json", std::string(reinterpret_cast<const char*>(data), size)}});
  if (r.ok()) Graph::Build(std::move(r).value());
  return 0;
}
