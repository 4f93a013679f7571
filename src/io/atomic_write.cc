#include "io/atomic_write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace casegraph {

namespace fs = std::filesystem;

namespace {

std::string Directory(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

Status SysError(const std::string& what) { return Status::Io(Message(what, ": ", std::strerror(errno))); }

// Writes all of content to fd.
Status WriteAll(int fd, std::string_view content, const std::string& name) {
  size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return SysError("cannot write " + name);
    }
    done += static_cast<size_t>(n);
  }
  return Status();
}

// Writes all of content to fd and fsyncs it.
Status WriteAndSync(int fd, std::string_view content, const std::string& name) {
  if (Status s = WriteAll(fd, content, name); !s.ok()) return s;
  if (::fsync(fd) != 0) return SysError("cannot sync " + name);
  return Status();
}

// A file's pieces gathered into writes of a megabyte; the first failure is kept and the rest of
// the pieces are dropped.
class ChunkedFile {
 public:
  ChunkedFile(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}
  void Append(std::string_view piece) {
    if (!status_.ok()) return;
    buffer_.append(piece);
    if (buffer_.size() >= kChunk) Flush();
  }
  Status Finish() {
    Flush();
    if (status_.ok() && ::fsync(fd_) != 0) status_ = SysError("cannot sync " + name_);
    return status_;
  }

 private:
  static constexpr size_t kChunk = 1 << 20;
  void Flush() {
    if (status_.ok() && !buffer_.empty()) status_ = WriteAll(fd_, buffer_, name_);
    buffer_.clear();
  }
  int fd_;
  std::string name_;
  std::string buffer_;
  Status status_;
};

void SyncDirectory(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// The mode a new file gets (0666 less the umask), or an existing file's mode.
mode_t ModeFor(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) == 0) return st.st_mode & 07777;
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

Status WriteFileAtomically(const std::string& path, std::string_view content) {
  std::string temp = path + ".tmp-XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return SysError("cannot create a temporary file beside " + path);
  ::fchmod(fd, ModeFor(path));
  Status status = WriteAndSync(fd, content, temp);
  if (::close(fd) != 0 && status.ok()) status = SysError("cannot close " + temp);
  if (status.ok() && ::rename(temp.c_str(), path.c_str()) != 0) status = SysError("cannot rename " + temp + " to " + path);
  if (!status.ok()) {
    ::unlink(temp.c_str());
    return status;
  }
  SyncDirectory(Directory(path));
  return Status();
}

Status WriteDirectoryAtomically(const std::string& path, const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<std::pair<std::string, ContentWriter>> writers;
  for (const auto& [name, content] : files) {
    writers.emplace_back(name, [&content = content](const TextSink& write) { write(content); });
  }
  return WriteDirectoryAtomically(path, writers);
}

Status WriteDirectoryAtomically(const std::string& path, const std::vector<std::pair<std::string, ContentWriter>>& files) {
  std::error_code ec;
  if (fs::exists(path, ec) && !fs::is_directory(path, ec)) {
    return Status::Io(Message(path, ": exists and is not a directory"));
  }
  std::string temp = (fs::path(path).has_filename() ? path : fs::path(path).parent_path().string()) + ".tmp-XXXXXX";
  if (::mkdtemp(temp.data()) == nullptr) return SysError("cannot create a temporary directory beside " + path);
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(temp.c_str(), 0777 & ~mask);
  auto fail = [&](Status error) {
    fs::remove_all(temp, ec);
    return error;
  };
  for (const auto& [name, content] : files) {
    const std::string file = temp + "/" + name;
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) return fail(SysError("cannot create " + file));
    ChunkedFile out(fd, file);
    content([&out](std::string_view piece) { out.Append(piece); });
    Status written = out.Finish();
    ::close(fd);
    if (!written.ok()) return fail(written);
  }
  SyncDirectory(temp);
  std::string old;
  if (fs::exists(path, ec)) {
    old = path + ".old-XXXXXX";
    if (::mkdtemp(old.data()) == nullptr || ::rename(path.c_str(), (old + "/previous").c_str()) != 0) {
      return fail(SysError("cannot move the existing " + path + " aside"));
    }
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    Status error = SysError("cannot rename " + temp + " to " + path);
    if (!old.empty()) ::rename((old + "/previous").c_str(), path.c_str());
    return fail(error);
  }
  if (!old.empty()) fs::remove_all(old, ec);
  SyncDirectory(Directory(path));
  return Status();
}

}  // namespace casegraph
