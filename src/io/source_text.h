// The text of one input file, and the mapping from byte offsets to line and column.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/location.h"

namespace casegraph {

/// An input file's name and bytes. Offsets are byte offsets into text.
class SourceText {
 public:
  /// first_line: the line number of the text's first line (a line of a larger file).
  SourceText(std::string name, std::string text, int first_line = 1);

  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }

  /// Line (1-based) and column (1-based, in Unicode characters) of a byte offset. Fast for
  /// increasing offsets (a reader's): columns are counted on from the previous call's offset.
  Location LocationAt(size_t offset) const;

 private:
  std::string name_;
  FileName file_name_;  // name_, shared by every Location of this text
  std::string text_;
  mutable std::vector<size_t> line_starts_;  // built on the first LocationAt
  int first_line_ = 1;
  // The previous answer, to count columns on from it rather than from the line's start.
  mutable size_t cached_offset_ = 0;
  mutable size_t cached_line_ = 0;
  mutable int cached_column_ = 1;
};

/// Reads a whole file. On failure returns nullopt and sets *error ("cannot open: No such file").
std::optional<std::string> ReadFileBytes(const std::string& path, std::string* error);

}  // namespace casegraph
