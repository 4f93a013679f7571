// libFuzzer target: a snapshot body under a valid header, so that damaged contents get past the
// checksum and reach the reader, its bounds checks and its consistency checks; a graph that opens
// is then searched.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

#include "io/snapshot.h"
#include "query/filter.h"
#include "query/stats.h"
#include "query/walker.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace casegraph;
  static const std::string path = "/tmp/casegraph-fuzz-snapshot-" + std::to_string(::getpid());
  const std::string body(reinterpret_cast<const char*>(data), size);
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << SnapshotHeaderFor(body) << body;
  }
  Result<std::unique_ptr<const Graph>> r = OpenSnapshot(path);
  if (r.ok() && r.value()->entity_count() > 0) {
    const Graph& g = *r.value();
    TraversalFilter filter(g);
    Walker w(g, filter);
    (void)FewestHops(w, 0, static_cast<EntityId>(g.entity_count() - 1), std::nullopt);
    (void)ComputeStats(g);
    for (EntityId v = 0; v < g.entity_count() && v < 50; ++v) (void)g.entity(v);
    for (RelationId e = 0; e < g.relation_count() && e < 50; ++e) (void)g.relation(e);
  }
  return 0;
}
