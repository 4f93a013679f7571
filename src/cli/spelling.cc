#include "cli/spelling.h"

#include <algorithm>

#include "text/edit_distance.h"

namespace casegraph::cli {

namespace {

// The names of an app's options as they are typed: "--via", "-k", ...
std::vector<std::string> OptionNames(const CLI::App& app) {
  std::vector<std::string> out;
  for (const CLI::Option* o : app.get_options()) {
    for (const std::string& n : o->get_lnames()) out.push_back("--" + n);
    for (const std::string& n : o->get_snames()) out.push_back("-" + n);
  }
  return out;
}

// The option a word names: "--max-hops" of "--max-hops=3", "-k" of "-k5".
std::string OptionPart(const std::string& word) {
  if (word.rfind("--", 0) == 0) return word.substr(0, word.find('='));
  return word.substr(0, 2);
}

// Whether an option of app takes a value from the next word (not a flag, not given with =).
bool TakesValue(const CLI::App& app, const std::string& word) {
  const CLI::Option* o = app.get_option_no_throw(OptionPart(word));
  if (!o || o->get_type_size() == 0) return false;
  if (word.rfind("--", 0) == 0) return word.find('=') == std::string::npos;
  return word.size() == 2;  // -k 5, not -k5
}

bool IsOptionWord(const std::string& word) {
  return word.size() > 1 && word[0] == '-' && !(word[1] >= '0' && word[1] <= '9');  // not -1
}

std::string UnknownOptionMessage(const std::string& option, const std::vector<std::string>& names) {
  return "unknown option '" + option + "'" + DidYouMean(Suggest(option, names, 1));
}

}  // namespace

const CLI::App* FindCommand(const CLI::App& app, const std::string& name) {
  for (const CLI::App* c : app.get_subcommands({})) {
    if (c->get_name() == name) return c;
  }
  return nullptr;
}

std::string UnknownCommandMessage(const CLI::App& app, const std::string& name) {
  std::vector<std::string> commands;
  for (const CLI::App* c : app.get_subcommands({})) {
    if (c->get_name().rfind("__", 0) != 0) commands.push_back(c->get_name());  // not the hidden helpers
  }
  return "unknown command '" + name + "'" + DidYouMean(Suggest(name, commands, 2));
}

std::string UnknownWordMessage(const CLI::App& app, const std::vector<std::string>& args) {
  const CLI::App* command = nullptr;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& word = args[i];
    if (word == "--") return "";
    if (!IsOptionWord(word)) {
      if (command) continue;  // a positional argument of the command
      command = FindCommand(app, word);
      if (!command) return UnknownCommandMessage(app, word);
      continue;
    }
    // The command's own options, then the program's (which may come after the command).
    const std::string option = OptionPart(word);
    const CLI::App* scope = command && command->get_option_no_throw(option) ? command
                            : app.get_option_no_throw(option)              ? &app
                                                                           : nullptr;
    if (!scope) {
      std::vector<std::string> names = command ? OptionNames(*command) : std::vector<std::string>();
      for (const std::string& n : OptionNames(app)) names.push_back(n);
      return UnknownOptionMessage(option, names);
    }
    if (TakesValue(*scope, word)) ++i;
  }
  return "";
}

}  // namespace casegraph::cli
