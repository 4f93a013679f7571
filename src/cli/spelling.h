// "Did you mean": the command line's commands and options checked before they are parsed, so a
// typo gets a suggestion ("unknown command 'pth'; did you mean 'path'?") instead of a parser's
// complaint.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace casegraph::cli {

/// The message for an unknown command name, with the nearest commands.
std::string UnknownCommandMessage(const CLI::App& app, const std::string& name);

/// The message for the first word of args (in command-line order) that names no command, or no
/// option of its command or of the whole program; "" when every one is known. Words after "--"
/// and option values are not checked.
std::string UnknownWordMessage(const CLI::App& app, const std::vector<std::string>& args);

/// The command of that name, or nullptr.
const CLI::App* FindCommand(const CLI::App& app, const std::string& name);

}  // namespace casegraph::cli
