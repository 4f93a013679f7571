#include "io/source_text.h"

#include "model/limits.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace casegraph {

SourceText::SourceText(std::string name, std::shared_ptr<const void> owner, std::string_view text, int first_line)
    : name_(std::move(name)), file_name_(name_), owner_(std::move(owner)), text_(text), first_line_(first_line) {}

SourceText::SourceText(std::string name, std::string text, int first_line)
    : SourceText(std::move(name), nullptr, std::string_view(), first_line) {
  auto bytes = std::make_shared<const std::string>(std::move(text));
  text_ = *bytes;
  owner_ = std::move(bytes);
}

SourceText::SourceText(const SourceText& whole, size_t offset, int first_line)
    : SourceText(whole.name_, whole.owner_, whole.text_.substr(offset), first_line) {}

std::optional<SourceText> SourceText::Open(const std::string& path, std::string* error) {
  constexpr off_t kMapFrom = off_t{1} << 20;  // smaller files are read: mapping costs more than it saves
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st;
  if (fd >= 0 && ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= kMapFrom &&
      static_cast<uint64_t>(st.st_size) <= kMaxFileBytes) {
    const size_t size = static_cast<size_t>(st.st_size);
    void* bytes = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    ::close(fd);
    if (bytes != MAP_FAILED) {
      std::shared_ptr<const void> mapping(bytes, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
      return SourceText(path, std::move(mapping), std::string_view(static_cast<const char*>(bytes), size), 1);
    }
  } else if (fd >= 0) {
    ::close(fd);
  }
  std::optional<std::string> bytes = ReadFileBytes(path, error);  // and its messages
  if (!bytes) return std::nullopt;
  return SourceText(path, std::move(*bytes));
}

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
