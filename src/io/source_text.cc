#include "io/source_text.h"

#include <algorithm>
#include <cstring>

#include <sys/mman.h>
#include <unistd.h>

#include "io/file_bytes.h"
#include "text/unicode.h"

namespace casegraph {

SourceText::SourceText(std::string name, std::shared_ptr<const void> owner, std::string_view text, int first_line,
                       bool mapped)
    : name_(std::move(name)), file_name_(name_), owner_(std::move(owner)), text_(text), first_line_(first_line),
      mapped_(mapped) {}

SourceText::SourceText(std::string name, std::string text, int first_line)
    : SourceText(std::move(name), nullptr, std::string_view(), first_line, false) {
  auto bytes = std::make_shared<const std::string>(std::move(text));
  text_ = *bytes;
  owner_ = std::move(bytes);
}

SourceText::SourceText(const SourceText& whole, size_t offset, int first_line)
    : SourceText(whole.name_, whole.owner_, whole.text_.substr(offset), first_line, whole.mapped_) {}

Result<SourceText> SourceText::Open(const std::string& path) {
  constexpr uint64_t kMapFrom = uint64_t{1} << 20;  // smaller files are read: mapping costs more than it saves
  Result<FileBytes> bytes = FileBytes::Open(path, kMapFrom);
  if (!bytes.ok()) return bytes.status();
  return SourceText(path, bytes.value().owner(), bytes.value().view(), 1, bytes.value().mapped());
}

void SourceText::ReleaseBefore(size_t offset) const {
  if (!mapped_ || offset <= released_) return;
  const uintptr_t page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
  const uintptr_t begin = (reinterpret_cast<uintptr_t>(text_.data() + released_) + page - 1) / page * page;
  const uintptr_t end = reinterpret_cast<uintptr_t>(text_.data() + std::min(offset, text_.size())) / page * page;
  // The mapping is private and never written: its dropped pages come back from the file unchanged.
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED);
  released_ = offset;
}

SourceText::Position SourceText::Advance(Position from, size_t offset) const {
  const char* p = text_.data() + from.offset;
  const char* end = text_.data() + offset;
  while (const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)))) {
    ++from.line;
    p = nl + 1;
    from.column = 1;
  }
  from.column += static_cast<int>(CountCodePoints(std::string_view(p, static_cast<size_t>(end - p))));
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
  if (cursor_.line == 0 && offset >= 3 && ByteOrderMarkLength(text_) > 0) --column;
  return Location{file_name_, static_cast<int>(cursor_.line) + first_line_, column};
}

void SourceText::Anchor(size_t offset) const {
  LocationAt(offset);
  anchor_ = cursor_;
}

}  // namespace casegraph
