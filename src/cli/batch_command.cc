// batch: one JSON query per line on stdin, one JSON answer per line on stdout, the graph loaded once.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <iostream>
#include <istream>
#include <ostream>
#include <sstream>

#include "cli/batch.h"
#include "cli/batch_decode.h"
#include "cli/context.h"
#include "text/edit_distance.h"

namespace casegraph::cli {

namespace {

// The commands with a JSON answer, and the names of their positional arguments.
struct BatchCommand {
  const char* name;
  std::vector<const char*> positional;
  bool in_batch = true;  // export answers in text (DOT, SVG, ...): asked of the library, not in batch
};

const BatchCommand kBatchCommands[] = {
    {"check", {}},       {"stats", {}},           {"find", {"text"}},     {"show", {"entity"}},
    {"path", {"from", "to"}}, {"timeline", {"entity"}}, {"neighbors", {"entity"}}, {"rank", {}},
    {"brokers", {}},     {"query", {"text"}},     {"export", {}, false},
};

// "params": {"who": "roskomnadzor", "n": 2} as --param who="roskomnadzor" --param n=2 (values as JSON).
Status ParamArguments(const rapidjson::Value& params, std::vector<std::string>* args) {
  if (!params.IsObject()) return Status::InvalidInput(Message("\"params\" must be an object of parameter values"));
  for (auto it = params.MemberBegin(); it != params.MemberEnd(); ++it) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    it->value.Accept(w);
    args->push_back("--param");
    args->push_back(std::string(it->name.GetString(), it->name.GetStringLength()) + "=" + buffer.GetString());
  }
  return Status();
}

std::string ErrorLine(const std::string& message, int line) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  w.Key("casegraph");
  w.Int(1);
  w.Key("error");
  w.String(message.c_str(), static_cast<rapidjson::SizeType>(message.size()));
  w.Key("line");
  w.Int(line);
  w.EndObject();
  return buffer.GetString();
}

// A JSON scalar as a command-line word; false for values that are not scalars.
bool Word(const rapidjson::Value& v, std::string* out) {
  if (v.IsString()) {
    out->assign(v.GetString(), v.GetStringLength());
  } else if (v.IsInt64()) {
    *out = std::to_string(v.GetInt64());
  } else if (v.IsNumber()) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", v.GetDouble());
    *out = buffer;
  } else {
    return false;
  }
  return true;
}

// The command line a batch line stands for.
Result<std::vector<std::string>> Arguments(const rapidjson::Value& q, bool batch) {
  std::vector<std::string> args;
  if (!q.IsObject()) {
    return Status::InvalidInput(Message("a batch line must be a JSON object"));
  }
  auto command = q.FindMember("command");
  if (command == q.MemberEnd() || !command->value.IsString()) {
    return Status::InvalidInput(Message("missing \"command\""));
  }
  const std::string name = command->value.GetString();
  const BatchCommand* known = nullptr;
  for (const BatchCommand& c : kBatchCommands) {
    if (name == c.name && (c.in_batch || !batch)) known = &c;
  }
  if (!known) {
    std::vector<std::string> names;
    for (const BatchCommand& c : kBatchCommands) {
      if (c.in_batch) names.push_back(c.name);
    }
    return Status::InvalidInput(Message("unknown command '" + name + "'" + DidYouMean(Suggest(name, names, 2)) +
             " (batch answers check, stats, find, show, path, timeline, neighbors, rank, brokers and query)"));
  }
  args.push_back(name);
  for (const char* p : known->positional) {
    auto it = q.FindMember(p);
    if (it == q.MemberEnd()) continue;  // the command says what is missing
    std::string word;
    if (!Word(it->value, &word)) {
      return Status::InvalidInput(Message(std::string("\"") + p + "\" must be a string"));
    }
    args.push_back(word);
  }
  for (auto it = q.MemberBegin(); it != q.MemberEnd(); ++it) {
    const std::string key(it->name.GetString(), it->name.GetStringLength());
    bool positional = key == "command";
    for (const char* p : known->positional) positional = positional || key == p;
    if (positional) continue;
    if (key == "format") continue;  // always json
    if (key == "params" && name == "query") {
      if (Status s = ParamArguments(it->value, &args); !s.ok()) return s;
      continue;
    }
    std::string option = key.size() == 1 ? "-" + key : "--" + key;
    std::replace(option.begin(), option.end(), '_', '-');  // "max_hops" as JSON spells it, or "max-hops"
    const rapidjson::Value& v = it->value;
    std::string word;
    if (v.IsBool()) {
      if (v.GetBool()) args.push_back(option);
    } else if (v.IsArray()) {
      for (const rapidjson::Value& item : v.GetArray()) {
        if (!Word(item, &word)) {
          return Status::InvalidInput(Message("\"" + key + "\" must list strings or numbers"));
        }
        args.push_back(option);
        args.push_back(word);
      }
    } else if (Word(v, &word)) {
      args.push_back(option);
      args.push_back(word);
    } else if (!v.IsNull()) {
      return Status::InvalidInput(Message("\"" + key + "\" must be a string, a number, true or false, or a list"));
    }
  }
  return args;  // answered in JSON: BatchAnswerer::Run sets the format rather than parse "--format json"
}

}  // namespace

// A line's values, and the parser's stack, in buffers kept from line to line (a line that needs
// more gets more, given back at the next line).
struct BatchAnswerer::LinePools {
  alignas(8) char values[8192];
  alignas(8) char stack[4096];
  rapidjson::MemoryPoolAllocator<> value_pool{values, sizeof values};
  rapidjson::MemoryPoolAllocator<> stack_pool{stack, sizeof stack};
};

BatchAnswerer::BatchAnswerer(std::shared_ptr<const Graph> graph, bool direct)
    : direct_(direct), ctx_(std::make_unique<Context>()), pools_(std::make_unique<LinePools>()) {
  ctx_->loaded = std::move(graph);
  ctx_->pretty = false;
  app_ = BuildCommandApp(ctx_.get());
}

BatchAnswerer::~BatchAnswerer() = default;

std::string BatchAnswerer::Answer(const std::string& text, int line) {
  pools_->value_pool.Clear();
  pools_->stack_pool.Clear();
  rapidjson::GenericDocument<rapidjson::UTF8<>, rapidjson::MemoryPoolAllocator<>, rapidjson::MemoryPoolAllocator<>> q(
      &pools_->value_pool, 1024, &pools_->stack_pool);
  if (q.Parse(text.c_str(), text.size()).HasParseError()) return ErrorLine("not a JSON object", line);
  BatchOutcome outcome = Run(q, true);
  if (outcome.exit == kInvalid) return ErrorLine(outcome.message, line);
  return std::move(outcome.answer);
}

BatchOutcome BatchAnswerer::Run(const rapidjson::Value& q, bool batch) {
  BatchOutcome outcome;
  auto fail = [&outcome](Status s, std::string message = "") {
    outcome.exit = kInvalid;
    outcome.message = message.empty() ? s.message() : std::move(message);
    outcome.error = std::move(s);
    return std::move(outcome);
  };
  // The commonest lines are decoded straight into their command's options; the others, and
  // every line with something to say about its options, go through the option parser.
  std::function<int()> direct = direct_ ? DecodeDirectly(q, ctx_.get()) : nullptr;
  const bool decoded = static_cast<bool>(direct);
  std::vector<std::string> args;
  if (!decoded) {
    Result<std::vector<std::string>> parsed = Arguments(q, batch);
    if (!parsed.ok()) return fail(parsed.status());
    args = std::move(parsed).value();
    if (std::string unknown = UnknownOption(q, args.front(), batch ? '-' : '_'); !unknown.empty()) {
      return fail(Status::InvalidInput(Message(unknown)));
    }
  }
  out_.str("");
  out_.clear();
  err_.str("");
  err_.clear();
  ctx_->out = &out_;
  ctx_->err = &err_;
  ctx_->action = nullptr;
  ctx_->format = "json";  // every command's answer; export has no --format of its own
  ctx_->last_error.clear();
  ctx_->last_status = Status();
  if (decoded) {
    ctx_->command = q["command"].GetString();
    ctx_->action = std::move(direct);
  }
  const bool text_answer = !decoded && args.front() == "export";
  // The command's own parser takes the line, as if it were the whole program: parsing through the
  // program's parser clears, checks and calls back every option of every command (a quarter of a
  // small query's time); batch lines name only the command's options (see UnknownOption).
  if (!decoded) {
    CLI::App* command = app_->get_subcommand(args.front());
    args.erase(args.begin());
    std::reverse(args.begin(), args.end());  // CLI11 takes a vector in reverse order (and empties it)
    try {
      command->parse(args);
    } catch (const CLI::ParseError& e) {
      app_ = BuildCommandApp(ctx_.get());  // a parse that stops midway leaves options set: start afresh
      return fail(Status::InvalidInput(Message(e.get_exit_code() == 0 ? "help is not an answer" : e.what())));
    }
  }
  outcome.exit = ctx_->action ? ctx_->action() : kInvalid;
  if (outcome.exit == kInvalid) {
    const std::string message = ctx_->last_error.empty() ? "invalid query" : ctx_->last_error;
    // The kind, place and diagnostics as found; the message as the command line words it.
    return fail(ctx_->last_status.ok() ? Status::InvalidInput(Message(message)) : ctx_->last_status, message);
  }
  outcome.answer = std::move(out_).str();  // the stream's text itself, not a copy
  if (!text_answer) {
    while (!outcome.answer.empty() && outcome.answer.back() == '\n') outcome.answer.pop_back();
  }
  return outcome;
}

const std::vector<std::string>& BatchAnswerer::OptionNames(const std::string& command, char dash) {
  auto [it, added] = option_names_.try_emplace({command, dash});
  if (!added) return it->second;
  std::vector<std::string>& names = it->second;
  for (const CLI::Option* o : app_->get_subcommand(command)->get_options()) {
    for (std::string n : o->get_lnames()) {
      std::replace(n.begin(), n.end(), '-', dash);
      names.push_back(n);
    }
    for (const std::string& n : o->get_snames()) names.push_back(n);
    if (o->nonpositional() == false) names.push_back(o->get_name());  // positionals
  }
  return names;
}

std::string BatchAnswerer::UnknownOption(const rapidjson::Value& q, const std::string& command, char dash) {
  const std::vector<std::string>& names = OptionNames(command, dash);
  for (auto it = q.MemberBegin(); it != q.MemberEnd(); ++it) {
    const std::string key(it->name.GetString(), it->name.GetStringLength());
    std::string dashed = key;
    std::replace(dashed.begin(), dashed.end(), dash == '-' ? '_' : '-', dash);
    if (key == "command" || std::find(names.begin(), names.end(), dashed) != names.end()) continue;
    if (key == "params" && command == "query") continue;
    return "unknown option '" + key + "' for " + command + DidYouMean(Suggest(key, names, 1));
  }
  return "";
}

namespace {

// The lines of an input stream; standard input is read 64 KB at a time from its file descriptor,
// since std::cin, kept in step with C's stdio, reads it one getc (and ungetc) per character:
// a fifth of a small query's time.
class InputLines {
 public:
  explicit InputLines(std::istream* in) : in_(in), fd_(in == &std::cin ? STDIN_FILENO : -1) {}
  bool Next(std::string* line) {
    if (fd_ < 0) return static_cast<bool>(std::getline(*in_, *line));
    for (;;) {
      const size_t end = buffer_.find('\n', at_);
      if (end != std::string::npos || done_) {
        if (at_ >= buffer_.size() && end == std::string::npos) return false;
        const size_t stop = end == std::string::npos ? buffer_.size() : end;
        line->assign(buffer_, at_, stop - at_);
        at_ = stop + 1;
        return true;
      }
      buffer_.erase(0, at_);
      at_ = 0;
      char chunk[65536];
      const ssize_t n = ::read(fd_, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        done_ = true;
      } else {
        buffer_.append(chunk, static_cast<size_t>(n));
      }
    }
  }

 private:
  std::istream* in_;
  int fd_;
  std::string buffer_;
  size_t at_ = 0;
  bool done_ = false;
};

int RunBatch(const Context& ctx) {
  std::shared_ptr<const Graph> graph = ctx.LoadGraph();
  if (!graph) return kInvalid;
  BatchAnswerer answerer(graph);
  std::string text;
  InputLines input(ctx.in);
  for (int line = 1; input.Next(&text); ++line) {
    if (text.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank lines ask nothing
    *ctx.out << answerer.Answer(text, line) << '\n';
  }
  ctx.out->flush();
  return kFound;
}

}  // namespace

void RegisterBatchCommand(CLI::App& app, Context* ctx) {
  CLI::App* command = app.add_subcommand(
      "batch", "One JSON query per line on stdin, one JSON answer per line on stdout; the graph loaded once");
  command->callback([ctx] { ctx->action = [ctx] { return RunBatch(*ctx); }; });
}

}  // namespace casegraph::cli
