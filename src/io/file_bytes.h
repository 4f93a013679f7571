// A whole file's bytes: mapped read-only into memory (large files: nothing copied, pages read as
// they are used) or read into memory. Changing a file while casegraph maps it is not supported.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "model/status.h"

namespace casegraph {

class FileBytes {
 public:
  /// Never map: always read.
  static constexpr uint64_t kNeverMap = UINT64_MAX;

  /// The bytes of the file at path: mapped when it is a regular file of at least map_from bytes,
  /// else read. Errors (kind io, or invalid input for a file over kMaxFileBytes):
  /// "cannot open: No such file or directory", "cannot read: ...", "file of N bytes is larger
  /// than the limit of M bytes".
  static Result<FileBytes> Open(const std::string& path, uint64_t map_from = kNeverMap);
  /// Bytes already in memory.
  explicit FileBytes(std::string bytes);

  std::string_view view() const { return view_; }
  bool mapped() const { return mapped_; }
  /// Keeps the bytes alive: a mapping lasts as long as any copy of this.
  const std::shared_ptr<const void>& owner() const { return owner_; }

 private:
  FileBytes(std::shared_ptr<const void> owner, std::string_view view, bool mapped)
      : owner_(std::move(owner)), view_(view), mapped_(mapped) {}

  std::shared_ptr<const void> owner_;
  std::string_view view_;
  bool mapped_ = false;
};

/// Reads a whole file (a pipe too) into a string; errors as FileBytes::Open's.
Result<std::string> ReadFileBytes(const std::string& path);

}  // namespace casegraph
