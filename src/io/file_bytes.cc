#include "io/file_bytes.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "model/limits.h"

namespace casegraph {

namespace {

Status SystemError(const char* what) { return Status::Io(Message(what, ": ", std::strerror(errno))); }

Status TooLarge(uint64_t size) {
  return Status::InvalidInput(Message("file of ", std::to_string(size), " bytes is larger than the limit of ",
                                      std::to_string(kMaxFileBytes), " bytes"));
}

// Reads fd to its end (a file that grows while it is read, or a pipe, is read on).
Result<std::string> ReadAll(int fd, uint64_t size_hint) {
  std::string bytes;
  bytes.resize(size_hint > 0 ? static_cast<size_t>(size_hint) + 1 : 65536);  // + 1: the end seen without growing
  size_t done = 0;
  for (;;) {
    if (done == bytes.size()) {
      if (bytes.size() > kMaxFileBytes) return TooLarge(bytes.size());
      bytes.resize(bytes.size() * 2);
    }
    const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return SystemError("cannot read");
    }
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  bytes.resize(done);
  return bytes;
}

// A file opened for reading, with its size (0 for a pipe or device), closed when it goes.
struct OpenFile {
  int fd = -1;
  bool regular = false;
  uint64_t size = 0;

  OpenFile() = default;
  OpenFile(const OpenFile&) = delete;
  ~OpenFile() {
    if (fd >= 0) ::close(fd);
  }
};

// Opens path; errors as FileBytes::Open's.
Status OpenForReading(const std::string& path, OpenFile* file) {
  file->fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (file->fd < 0) return SystemError("cannot open");
  struct stat st;
  if (::fstat(file->fd, &st) != 0) return SystemError("cannot read");
  file->regular = S_ISREG(st.st_mode);
  file->size = file->regular ? static_cast<uint64_t>(st.st_size) : 0;
  if (file->size > kMaxFileBytes) return TooLarge(file->size);
  return Status();
}

}  // namespace

FileBytes::FileBytes(std::string bytes) {
  auto owned = std::make_shared<const std::string>(std::move(bytes));
  view_ = *owned;
  owner_ = std::move(owned);
}

Result<FileBytes> FileBytes::Open(const std::string& path, uint64_t map_from) {
  OpenFile file;
  if (Status s = OpenForReading(path, &file); !s.ok()) return s;
  const uint64_t size = file.size;
  if (file.regular && size >= map_from && size > 0) {
    void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, file.fd, 0);
    if (p == MAP_FAILED) return SystemError("cannot map");
    std::shared_ptr<const void> mapping(p, [size](const void* q) { ::munmap(const_cast<void*>(q), size); });
    return FileBytes(std::move(mapping), std::string_view(static_cast<const char*>(p), size), true);
  }
  Result<std::string> bytes = ReadAll(file.fd, size);
  if (!bytes.ok()) return bytes.status();
  return FileBytes(std::move(bytes).value());
}

Result<std::string> ReadFileBytes(const std::string& path) {
  OpenFile file;
  if (Status s = OpenForReading(path, &file); !s.ok()) return s;
  return ReadAll(file.fd, file.size);
}

}  // namespace casegraph
