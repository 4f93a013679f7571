// Writes that never leave a half-written file: a temporary file in the target's directory,
// fsynced, then renamed over the target.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/status.h"
#include "model/text_sink.h"

namespace casegraph {

/// Writes content to path atomically. On failure (kind io) the old file, if any, is untouched and
/// no temporary file is left behind.
Status WriteFileAtomically(const std::string& path, std::string_view content);

/// Writes (name, content) files as directory path: they are written into a temporary directory
/// beside it, fsynced, and the directory is renamed into place (an existing directory at path
/// is replaced only once the new one is complete).
Status WriteDirectoryAtomically(const std::string& path, const std::vector<std::pair<std::string, std::string>>& files);

/// A file's content made piece by piece, into the sink it is given.
using ContentWriter = std::function<void(const TextSink&)>;

/// The same with each file's content streamed: pieces are written as they come, a megabyte at a
/// time, so the content is never whole in memory.
Status WriteDirectoryAtomically(const std::string& path, const std::vector<std::pair<std::string, ContentWriter>>& files);

}  // namespace casegraph
