#include "render/graphviz.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

namespace casegraph {

namespace {

std::string FindOnPath(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    const std::string candidate = (dir.empty() ? "." : dir) + "/" + program;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

std::string ReadAndRemove(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ::unlink(path.c_str());
  return text;
}

}  // namespace

Result<std::string> RenderSvg(const std::string& dot, GraphvizLayout layout) {
  const std::string program = FindOnPath("dot");
  if (program.empty()) {
    return Status::Unsupported(Message(Field("to"), " svg and html need Graphviz's dot, which is not installed; install it with "
                                       "'sudo apt-get install graphviz' (or use ", Field("to"), " dot and render it elsewhere)"));
  }
  char input[] = "/tmp/casegraph-dot-XXXXXX";
  const int fd = ::mkstemp(input);
  if (fd < 0) return Status::Io(Message("cannot create a temporary file for dot"));
  for (size_t done = 0; done < dot.size();) {
    const ssize_t n = ::write(fd, dot.data() + done, dot.size() - done);
    if (n <= 0) {
      ::close(fd);
      ::unlink(input);
      return Status::Io(Message("cannot write a temporary file for dot"));
    }
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  const std::string errors = std::string(input) + ".err";
  // sfdp leaves entities over each other unless asked to move them apart (prism: 1.7 s for 2,000).
  const char* engine = layout == GraphvizLayout::kForces ? " -Ksfdp -Goverlap=prism" : "";
  const std::string command = "'" + program + "'" + engine + " -Tsvg '" + input + "' 2>'" + errors + "'";
  FILE* pipe = ::popen(command.c_str(), "r");
  std::string output;
  if (pipe) {
    char buffer[65536];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  }
  const int status = pipe ? ::pclose(pipe) : -1;
  const std::string message = ReadAndRemove(errors);
  ::unlink(input);
  if (status != 0) return Status::Io(Message("dot failed: ", message));
  return output;
}

}  // namespace casegraph
