// shell: the graph loaded once, then commands with the command line's syntax — typed with line
// editing, persistent history and completion (libedit) on a terminal, or read line by line from
// a pipe without prompts.
#include <editline/readline.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <sstream>

#include "cli/completion.h"
#include "cli/context.h"
#include "cli/spelling.h"

namespace casegraph::cli {

namespace {

// Words as a POSIX shell would split them: blanks separate, '...' and "..." quote, \ escapes.
Result<std::vector<std::string>> SplitWords(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote) {
      if (c == quote) {
        quote = 0;
      } else if (c == '\\' && quote == '"' && i + 1 < line.size()) {
        word += line[++i];
      } else {
        word += c;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == '\\' && i + 1 < line.size()) {
      word += line[++i];
      in_word = true;
    } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (quote) return Status::InvalidInput(Message("unclosed ", quote));
  if (in_word) words.push_back(word);
  return words;
}

class Shell {
 public:
  explicit Shell(const Context& outer) {
    ctx_.graphs = outer.graphs;
    ctx_.in = outer.in;
    ctx_.out = outer.out;
    ctx_.err = outer.err;
    ctx_.style = outer.style;
    app_ = BuildCommandApp(&ctx_);
  }

  bool Load() {
    ctx_.loaded = nullptr;
    ctx_.queries = nullptr;  // prepared for the graph that goes
    ctx_.last_filter.reset();
    ctx_.loaded = ctx_.LoadGraph();
    return ctx_.loaded != nullptr;
  }

  /// Runs one line; false when the shell should end.
  bool Line(const std::string& line) {
    if (!pending_query_.empty() || FirstWord(line) == "query") return QueryLine(line);
    Result<std::vector<std::string>> split = SplitWords(line);
    if (!split.ok()) {
      ctx_.Fail(split.status());
      return true;
    }
    std::vector<std::string> words = std::move(split).value();
    if (words.empty()) return true;
    const std::string& first = words[0];
    if (first == ":quit" || first == "quit" || first == "exit") return false;
    if (first == ":format") {
      if (words.size() == 2 && (words[1] == "text" || words[1] == "json" || words[1] == "csv")) {
        format_ = words[1];
      } else {
        ctx_.Fail(":format takes text or json (or csv, for queries)");
      }
      return true;
    }
    if (first == ":reload") {
      if (Load()) *ctx_.out << "reloaded: " << ctx_.loaded->entity_count() << " entities, " << ctx_.loaded->relation_count() << " relations\n";
      return true;
    }
    if (first == ":help") {
      *ctx_.out << "Commands as on the command line (path Navalny NCOSE --all, show twitter, timeline, ...);\n"
                   "query MATCH ... RETURN ...; over one line or several, ended by ';';\n"
                   ":format json|text|csv, :reload (after the case files change), :quit.\n";
      return true;
    }
    if (std::string unknown = UnknownWordMessage(*app_, words); !unknown.empty()) {
      ctx_.Fail(unknown);
      return true;
    }
    const CLI::App* command = FindCommand(*app_, first);
    if (command && command->get_option_no_throw("--format") &&
        std::find(words.begin(), words.end(), "--format") == words.end()) {
      words.push_back("--format");
      words.push_back(format_ == "csv" ? "text" : format_);  // csv: queries only
    }
    ctx_.action = nullptr;
    std::reverse(words.begin(), words.end());  // CLI11 takes a vector in reverse order
    try {
      app_->parse(words);
    } catch (const CLI::ParseError& e) {
      if (e.get_exit_code() == 0) {
        std::ostringstream help;
        app_->exit(e, help, help);
        *ctx_.out << help.str();
      } else {
        ctx_.Fail(e.what());
      }
      app_ = BuildCommandApp(&ctx_);  // a parse that stops midway leaves options set: start afresh
      return true;
    }
    if (ctx_.action) ctx_.action();
    ctx_.out->flush();
    return true;
  }

  /// Whether a query is being read over several lines (the prompt says so).
  bool continuing() const { return !pending_query_.empty(); }

  /// The end of the input: a query still being read runs as it is.
  void End() {
    if (!pending_query_.empty()) RunQuery(pending_query_);
    pending_query_.clear();
  }

  /// Every word a completion may offer after the words before it: commands first, options of
  /// the command, or entity ids, names and aliases.
  std::vector<std::string> Candidates(const std::string& before, const std::string& prefix) const {
    if (continuing() || FirstWord(before) == "query") return QueryCandidates(prefix);
    Result<std::vector<std::string>> split = SplitWords(before);
    const std::vector<std::string> words = split.ok() ? split.value() : std::vector<std::string>();
    std::vector<std::string> out;
    if (words.empty()) {
      for (const CLI::App* c : app_->get_subcommands({})) out.push_back(c->get_name());
      for (const char* s : {":format", ":reload", ":quit", ":help"}) out.push_back(s);
    } else if (!prefix.empty() && prefix[0] == '-') {
      if (const CLI::App* c = FindCommand(*app_, words[0])) {
        for (const CLI::Option* o : c->get_options()) {
          for (const std::string& n : o->get_lnames()) out.push_back("--" + n);
        }
      }
    } else if (words[0] == ":format") {
      out = {"text", "json", "csv"};
    } else if (ctx_.loaded) {
      const Graph& g = *ctx_.loaded;
      for (const Entity& e : g.model().entities) {
        out.push_back(e.id);
        out.push_back(e.name);
        for (const std::string& a : e.aliases) out.push_back(a);
      }
      for (EntityId v = static_cast<EntityId>(g.model().entities.size()); v < g.entity_count(); ++v) {
        out.emplace_back(g.entity_id(v));  // named only in a CSV file
      }
    }
    std::vector<std::string> matching;
    for (std::string& c : out) {
      if (c.compare(0, prefix.size(), prefix) == 0) {
        matching.push_back(c.find(' ') != std::string::npos ? "\"" + c + "\"" : c);  // quoted when spaced
      }
    }
    std::sort(matching.begin(), matching.end());
    matching.erase(std::unique(matching.begin(), matching.end()), matching.end());
    return matching;
  }

 private:
  // In a query: after ':' a label or relationship type, after '.' a property, else a keyword or
  // a function; each offered with what the word has before it ("(a:reg" gives "(a:regulator").
  std::vector<std::string> QueryCandidates(const std::string& prefix) const {
    const size_t cut = prefix.find_last_of(":.(");
    const std::string head = cut == std::string::npos ? "" : prefix.substr(0, cut + 1);
    const std::string tail = prefix.substr(head.size());
    const std::vector<std::string> names = QueryWords(ctx_.loaded.get(), head.empty() ? ' ' : head.back());
    std::vector<std::string> out;
    for (const std::string& n : names) {
      if (n.compare(0, tail.size(), tail) == 0) out.push_back(head + n);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  static std::string FirstWord(const std::string& line) {
    const size_t b = line.find_first_not_of(" \t");
    if (b == std::string::npos) return "";
    return line.substr(b, line.find_first_of(" \t", b) - b);
  }

  // `query TEXT`: the text as typed (not split into words), over several lines until one ends
  // with ';'.
  bool QueryLine(const std::string& line) {
    std::string text = pending_query_.empty() ? line.substr(line.find("query") + 5) : pending_query_ + "\n" + line;
    const size_t last = text.find_last_not_of(" \t\r");
    if (last == std::string::npos || text[last] != ';') {
      pending_query_ = text.find_first_not_of(" \t\r\n") == std::string::npos ? std::string() : text;
      if (pending_query_.empty()) ctx_.Fail("query needs a query: query MATCH (n) RETURN n.name;");
      return true;
    }
    pending_query_.clear();
    text.resize(last);
    text.erase(0, text.find_first_not_of(" \t\r\n"));
    RunQuery(text);
    return true;
  }

  void RunQuery(const std::string& text) {
    std::vector<std::string> words = {"query", text, "--format", format_};
    ctx_.action = nullptr;
    std::reverse(words.begin(), words.end());
    try {
      app_->parse(words);
    } catch (const CLI::ParseError& e) {
      app_ = BuildCommandApp(&ctx_);
      ctx_.Fail(e.what());
      return;
    }
    if (ctx_.action) ctx_.action();
    ctx_.out->flush();
  }

  Context ctx_;
  std::unique_ptr<CLI::App> app_;
  std::string format_ = "text";
  std::string pending_query_;  // a query read over several lines, not yet ended by ';'
};

Shell* active_shell = nullptr;  // for libedit's completion callbacks

char* CompletionGenerator(const char* text, int state) {
  static std::vector<std::string> matches;
  static size_t next = 0;
  if (state == 0) {
    const std::string before(rl_line_buffer, static_cast<size_t>(std::max(0, rl_point - static_cast<int>(std::strlen(text)))));
    std::string prefix = text;
    if (!prefix.empty() && prefix[0] == '"') prefix.erase(0, 1);
    matches = active_shell->Candidates(before, prefix);
    next = 0;
  }
  return next < matches.size() ? strdup(matches[next++].c_str()) : nullptr;
}

char** Complete(const char* text, int, int) {
  rl_attempted_completion_over = 1;  // no file names
  return rl_completion_matches(text, CompletionGenerator);
}

std::string HistoryFile() {
  const char* home = std::getenv("HOME");
  return home ? std::string(home) + "/.casegraph_history" : "";
}

int RunShell(const Context& ctx) {
  Shell shell(ctx);
  if (!shell.Load()) return kInvalid;
  const bool terminal = ctx.in == &std::cin && ::isatty(STDIN_FILENO);
  if (!terminal) {  // a pipe: lines, no prompts
    std::string line;
    bool more = true;
    while (more && std::getline(*ctx.in, line)) more = shell.Line(line);
    if (more) shell.End();
    return kFound;
  }
  active_shell = &shell;
  rl_attempted_completion_function = Complete;
  rl_completer_quote_characters = const_cast<char*>("\"");
  const std::string history = HistoryFile();
  stifle_history(1000);
  if (!history.empty()) read_history(history.c_str());
  *ctx.out << "casegraph shell: commands as on the command line; :help, :quit\n";
  while (char* raw = readline(shell.continuing() ? "      ...> " : "casegraph> ")) {
    std::string line = raw;
    std::free(raw);
    if (!shell.Line(line)) break;  // the line that ends the shell is not kept: Up would end the next one
    if (line.find_first_not_of(" \t") != std::string::npos) add_history(line.c_str());
  }
  if (!history.empty()) write_history(history.c_str());
  active_shell = nullptr;
  return kFound;
}

}  // namespace

void RegisterShellCommand(CLI::App& app, Context* ctx) {
  CLI::App* command = app.add_subcommand(
      "shell", "Load the graph once, then answer commands typed (line editing, history, completion) or piped");
  command->callback([ctx] { ctx->action = [ctx] { return RunShell(*ctx); }; });
}

}  // namespace casegraph::cli
