// casegraph's version, as --version prints it and snapshots record it.
#pragma once

namespace casegraph {

constexpr const char* kCasegraphVersion = "0.1.0";

}  // namespace casegraph
