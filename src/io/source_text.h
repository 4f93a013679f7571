// The text of one input file, and the mapping from byte offsets to line and column.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "model/location.h"
#include "model/status.h"

namespace casegraph {

/// An input file's name and bytes. Offsets are byte offsets into text.
class SourceText {
 public:
  /// first_line: the line number of the text's first line (a line of a larger file).
  SourceText(std::string name, std::string text, int first_line = 1);
  /// The bytes of whole from offset on, shared rather than copied; their first line is first_line.
  SourceText(const SourceText& whole, size_t offset, int first_line);

  /// A file's bytes. Files of 1 MiB or more are mapped into memory rather than copied (see
  /// FileBytes); others are read. Errors as FileBytes::Open's.
  static Result<SourceText> Open(const std::string& path);

  const std::string& name() const { return name_; }
  std::string_view text() const { return text_; }

  /// Line (1-based) and column (1-based, in Unicode characters) of a byte offset. Fast for
  /// increasing offsets (a reader's): columns are counted on from the previous call's offset,
  /// or from the anchor when the offset is a little after it.
  Location LocationAt(size_t offset) const;

  /// Says that offsets from here on will be asked for, in any order, until the next anchor: a
  /// streaming reader anchors at each piece it reads, so that going back within the piece costs
  /// a scan of the piece rather than an index of the whole file's lines.
  void Anchor(size_t offset) const;

  /// Says that a streaming reader is done with the bytes before offset: of a mapped file, the
  /// whole pages there leave this process's memory (should they be asked for again, they are
  /// read again from the file, as they were). Text read into memory stays. A large edge file's
  /// rows then cost memory while they are read, not as long as the file is.
  void ReleaseBefore(size_t offset) const;

 private:
  struct Position {
    size_t offset = 0;
    size_t line = 0;  // 0-based index
    int column = 1;
  };
  // Counts lines and columns on from `from` to offset.
  Position Advance(Position from, size_t offset) const;

  SourceText(std::string name, std::shared_ptr<const void> owner, std::string_view text, int first_line, bool mapped);

  std::string name_;
  FileName file_name_;  // name_, shared by every Location of this text
  std::shared_ptr<const void> owner_;  // holds the bytes: a string, or a mapping of the file
  std::string_view text_;
  mutable std::vector<size_t> line_starts_;  // built on the first LocationAt
  int first_line_ = 1;
  bool mapped_ = false;            // text_ is a mapping of the file
  mutable size_t released_ = 0;    // bytes before this were released (ReleaseBefore)
  // The previous answer, to count columns on from it rather than from the line's start.
  mutable Position cursor_;
  mutable Position anchor_;
};

}  // namespace casegraph
