// Running the command line in the test process, as a user would run casegraph.
#pragma once

#include <string>
#include <vector>

namespace casegraph::testing {

/// What running the command line gave.
struct CliRun {
  int status = 0;
  std::string out, err;
};

/// Runs casegraph with args (without the program name) and input on standard input.
CliRun RunCli(const std::vector<std::string>& args, const std::string& input = "");

}  // namespace casegraph::testing
