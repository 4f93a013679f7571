// Shell completion scripts and the man page, both generated from the command definitions, so
// they cannot drift from them.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace casegraph::cli {

struct Context;

/// `completion bash|zsh|fish`, the hidden `__entities` (ids, names, aliases for completion) and the
/// hidden `__man` (the man page in roff).
void RegisterCompletionCommands(CLI::App& app, Context* ctx);

/// The completion script for a shell ("bash", "zsh" or "fish") of the given parser.
std::string CompletionScript(const CLI::App& app, const std::string& shell);

/// casegraph(1) in roff, from the parser's commands, options and examples.
std::string ManPage(const CLI::App& app);

}  // namespace casegraph::cli
