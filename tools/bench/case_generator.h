// Generates large legal-style case graphs for benchmarks: typed entities, typed and dated
// relations with statuses, weights and evidence, skewed degrees (a few hubs, many leaves).
#pragma once

#include <cstdint>

#include "model/case.h"

namespace casegraph::bench {

struct GeneratorOptions {
  uint32_t entities = 100000;
  uint32_t relations = 1000000;
  uint32_t relation_types = 20;
  uint32_t entity_types = 8;
  uint32_t seed = 42;
};

/// A deterministic random case (same options, same case).
Case GenerateCase(const GeneratorOptions& options);

}  // namespace casegraph::bench
