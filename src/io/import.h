// Converting other formats into self-contained case files.
#pragma once

#include <string>

#include "io/case_file.h"

namespace casegraph {

enum class ImportFormat { kFtm, kCsv };

/// Reads a FollowTheMoney or CSV edge file as a case file that loads on its own: entities the
/// file only names become explicit, and relation types it only names get vocabulary entries.
/// Problems go to *diagnostics (warnings do not stop the import; errors do).
CaseFile ImportFile(ImportFormat format, const std::string& name, const std::string& text, Diagnostics* diagnostics);

}  // namespace casegraph
