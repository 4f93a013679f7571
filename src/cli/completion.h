// Shell completion scripts and the man page, both generated from the command definitions, so
// they cannot drift from them.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace casegraph::cli {

struct Context;
}  // namespace casegraph::cli

namespace casegraph {
class Graph;
}

namespace casegraph::cli {

/// `completion bash|zsh|fish`, the hidden `__entities` (ids, names, aliases for completion),
/// `__query_words labels|properties|words` (for completing a query) and `__man` (the man page in
/// roff).
void RegisterCompletionCommands(CLI::App& app, Context* ctx);

/// The words a query may continue with after `after`: ':' gives labels and relationship types,
/// '.' property names, anything else keywords and functions. Without a graph, only the words
/// that do not depend on it.
std::vector<std::string> QueryWords(const Graph* graph, char after);

/// The completion script for a shell ("bash", "zsh" or "fish") of the given parser.
std::string CompletionScript(const CLI::App& app, const std::string& shell);

/// casegraph(1) in roff, from the parser's commands, options and examples.
std::string ManPage(const CLI::App& app);

}  // namespace casegraph::cli
