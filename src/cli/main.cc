#include <iostream>

#include "cli/context.h"

int main(int argc, char** argv) {
  casegraph::cli::LeaveLastGraphAtExit();
  return casegraph::cli::Run(argc, argv, std::cin, std::cout, std::cerr);
}
