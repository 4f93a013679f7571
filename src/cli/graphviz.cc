#include "cli/graphviz.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "io/atomic_write.h"
#include "io/source_text.h"

namespace casegraph::cli {

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

}  // namespace

bool RenderSvg(const std::string& dot, std::string* svg, std::string* error) {
  const std::string program = FindOnPath("dot");
  if (program.empty()) {
    *error = "--to svg needs Graphviz's dot, which is not installed; install it with "
             "'sudo apt-get install graphviz' (or use --to dot and render it elsewhere)";
    return false;
  }
  char input[] = "/tmp/casegraph-dot-XXXXXX";
  const int fd = ::mkstemp(input);
  if (fd < 0) {
    *error = "cannot create a temporary file for dot";
    return false;
  }
  ::close(fd);
  if (std::string e = WriteFileAtomically(input, dot); !e.empty()) {
    ::unlink(input);
    *error = e;
    return false;
  }
  const std::string errors = std::string(input) + ".err";
  const std::string command = "'" + program + "' -Tsvg '" + input + "' 2>'" + errors + "'";
  FILE* pipe = ::popen(command.c_str(), "r");
  std::string output;
  if (pipe) {
    char buffer[65536];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  }
  const int status = pipe ? ::pclose(pipe) : -1;
  std::string message;
  if (status != 0) {
    std::string ignored;
    if (std::optional<std::string> text = ReadFileBytes(errors, &ignored)) message = *text;
  }
  ::unlink(input);
  ::unlink(errors.c_str());
  if (status != 0) {
    *error = "dot failed: " + message;
    return false;
  }
  *svg = std::move(output);
  return true;
}

}  // namespace casegraph::cli
