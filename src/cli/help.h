// Help: examples for every command (shown in --help and run by the tests), the help command,
// and the case-file format summary.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace casegraph::cli {

struct Context;

/// Two or three real examples of a command on the bundled case, as argument lists (without
/// "casegraph"); empty for commands without examples.
const std::vector<std::vector<std::string>>& ExamplesOf(const std::string& command);

/// Adds the "Examples:" footer of every subcommand that has examples.
void AddExampleFooters(CLI::App& app);

/// Adds `help [COMMAND|format]`.
void RegisterHelpCommand(CLI::App& app, Context* ctx);

/// The case-file format in brief (graphs/README.md has it all).
const char* FormatSummary();

/// The pattern-query subset in brief: the graph model, clauses, patterns, expressions, functions.
std::string QuerySummary();

}  // namespace casegraph::cli
