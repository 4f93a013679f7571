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

// An open file descriptor, closed when it goes.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

FileBytes::FileBytes(std::string bytes) {
  auto owned = std::make_shared<const std::string>(std::move(bytes));
  view_ = *owned;
  owner_ = std::move(owned);
}

Result<FileBytes> FileBytes::Open(const std::string& path, uint64_t map_from) {
  const Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) return SystemError("cannot open");
  struct stat st;
  if (::fstat(file.fd, &st) != 0) return SystemError("cannot read");
  const uint64_t size = S_ISREG(st.st_mode) ? static_cast<uint64_t>(st.st_size) : 0;
  if (size > kMaxFileBytes) return TooLarge(size);
  if (S_ISREG(st.st_mode) && size >= map_from && size > 0) {
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
  const Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) return SystemError("cannot open");
  struct stat st;
  if (::fstat(file.fd, &st) != 0) return SystemError("cannot read");
  const uint64_t size = S_ISREG(st.st_mode) ? static_cast<uint64_t>(st.st_size) : 0;
  if (size > kMaxFileBytes) return TooLarge(size);
  return ReadAll(file.fd, size);
}

}  // namespace casegraph
