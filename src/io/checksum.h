// A 64-bit checksum of bytes, for snapshots: four interleaved multiply-rotate lanes, after
// xxHash64's round (Y. Collet, xxHash). Fast enough to check a whole snapshot on every open.
#pragma once

#include <cstddef>
#include <cstdint>

namespace casegraph {

uint64_t Checksum(const void* data, size_t size, uint64_t seed);

}  // namespace casegraph
