// Where a streamed text goes, for writers that never hold a whole file (export --to csv).
#pragma once

#include <functional>
#include <string_view>

namespace casegraph {

/// Called with each piece of a text, in order.
using TextSink = std::function<void(std::string_view)>;

}  // namespace casegraph
