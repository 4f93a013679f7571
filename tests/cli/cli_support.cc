#include "cli_support.h"

#include <sstream>

#include "cli/context.h"

namespace casegraph::testing {

CliRun RunCli(const std::vector<std::string>& args, const std::string& input) {
  std::vector<const char*> argv{"casegraph"};
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::istringstream in(input);
  std::ostringstream out, err;
  CliRun run;
  run.status = cli::Run(static_cast<int>(argv.size()), argv.data(), in, out, err);
  run.out = out.str();
  run.err = err.str();
  return run;
}

}  // namespace casegraph::testing
