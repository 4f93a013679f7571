#include "io/source_text.h"

#include "model/limits.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace casegraph {

SourceText::SourceText(std::string name, std::string text, int first_line)
    : name_(std::move(name)), file_name_(name_), text_(std::move(text)), first_line_(first_line) {}

SourceText::Position SourceText::Advance(Position from, size_t offset) const {
  const char* p = text_.data() + from.offset;
  const char* end = text_.data() + offset;
  while (const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)))) {
    ++from.line;
    p = nl + 1;
    from.column = 1;
  }
  for (; p < end; ++p) {
    if ((static_cast<unsigned char>(*p) & 0xC0) != 0x80) ++from.column;  // code points, not bytes
  }
  from.offset = offset;
  return from;
}

Location SourceText::LocationAt(size_t offset) const {
  // Going back this far from the anchor is cheaper than an index of every line.
  constexpr size_t kNearAnchor = size_t{1} << 16;
  offset = std::min(offset, text_.size());
  Position from;
  if (offset >= cursor_.offset) {
    from = cursor_;  // readers ask for increasing offsets: count on, no index needed
  } else if (offset >= anchor_.offset && offset - anchor_.offset <= kNearAnchor) {
    from = anchor_;
  } else {
    if (line_starts_.empty()) {
      line_starts_.push_back(0);
      for (const char* p = text_.data(); (p = static_cast<const char*>(std::memchr(p, '\n', text_.data() + text_.size() - p)));) {
        ++p;
        line_starts_.push_back(static_cast<size_t>(p - text_.data()));
      }
    }
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    from.line = static_cast<size_t>(it - line_starts_.begin()) - 1;
    from.offset = line_starts_[from.line];
  }
  cursor_ = Advance(from, offset);
  int column = cursor_.column;
  // A byte-order mark at the start of the file is not a column.
  if (cursor_.line == 0 && offset >= 3 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0) --column;
  return Location{file_name_, static_cast<int>(cursor_.line) + first_line_, column};
}

void SourceText::Anchor(size_t offset) const {
  LocationAt(offset);
  anchor_ = cursor_;
}

std::optional<std::string> ReadFileBytes(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) {
    *error = std::string("cannot open: ") + std::strerror(errno);
    return std::nullopt;
  }
  const std::streamoff size = in.tellg();
  if (size > 0 && static_cast<uint64_t>(size) > kMaxFileBytes) {
    *error = "file of " + std::to_string(size) + " bytes is larger than the limit of " + std::to_string(kMaxFileBytes) + " bytes";
    return std::nullopt;
  }
  in.seekg(0);
  std::string bytes;
  if (size > 0) {  // read straight into the string: no second copy of a large file
    bytes.resize(static_cast<size_t>(size));
    in.read(bytes.data(), size);
    bytes.resize(static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) {
    *error = std::string("cannot read: ") + std::strerror(errno);
    return std::nullopt;
  }
  // A file that grew while it was read (or a pipe, whose size is unknown): read on.
  std::ostringstream rest;
  rest << in.rdbuf();
  bytes += rest.str();
  return bytes;
}

}  // namespace casegraph
