// Writes that never leave a half-written file: a temporary file in the target's directory,
// fsynced, then renamed over the target.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace casegraph {

/// Writes content to path atomically. Returns "" on success, else what went wrong; on failure
/// the old file (if any) is untouched and no temporary file is left behind.
std::string WriteFileAtomically(const std::string& path, const std::string& content);

/// Writes (name, content) files as directory path: they are written into a temporary directory
/// beside it, fsynced, and the directory is renamed into place (an existing directory at path
/// is replaced only once the new one is complete). Returns "" or what went wrong.
std::string WriteDirectoryAtomically(const std::string& path,
                                     const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace casegraph
