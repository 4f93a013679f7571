// query TEXT: pattern questions in a read-only subset of Cypher, each relationship with its evidence.
#include <ostream>

#include "cli/context.h"
#include "cli/query_values.h"
#include "io/file_bytes.h"
#include "query/cypher/query.h"
#include "render/query_render.h"

namespace casegraph::cli {

namespace {

struct QueryOptions {
  std::string text;
  std::string file;
  std::vector<std::string> params;
  size_t limit = 10000;
  uint64_t max_steps = cypher::QueryOptions().max_steps;
};

int RunQueryCommand(const Context& ctx, const QueryOptions& o) {
  std::string text = o.text;
  std::string where = "query";
  if (!o.file.empty()) {
    if (!text.empty()) return ctx.Fail("give the query as TEXT or with -f FILE, not both");
    Result<std::string> bytes = ReadFileBytes(o.file);
    if (!bytes.ok()) return ctx.Fail(o.file + ": " + bytes.status().message());
    text = std::move(bytes).value();
    where = o.file;
  }
  if (text.empty()) return ctx.Fail("query needs a query: casegraph query 'MATCH (n) RETURN n.name' (or -f FILE)");
  cypher::ValueMap params;
  for (const std::string& p : o.params) {
    Result<std::pair<std::string, cypher::Value>> param = ParseParam(p);
    if (!param.ok()) return ctx.Fail(param.status());
    params.push_back(std::move(param).value());
  }
  std::shared_ptr<const Graph> g = ctx.LoadGraph();
  if (!g) return kInvalid;
  cypher::QueryOptions options;
  options.row_limit = o.limit;
  options.max_steps = o.max_steps;
  if (!ctx.queries) ctx.queries = std::make_shared<cypher::QueryCache>();
  Result<cypher::PreparedQuery> prepared = ctx.queries->Get(*g, text, params);
  Result<cypher::QueryAnswer> answer = prepared.ok() ? prepared.value().Run(params, options) : prepared.status();
  if (!answer.ok()) {
    Location at = answer.status().where();
    if (at.file == "query") at.file = where;
    const std::string message = Worded(answer.status(), ctx.command);
    ctx.last_error = at.file.empty() ? message : FormatLocation(at) + ": " + message;
    ctx.last_status = answer.status();
    *ctx.err << (at.file.empty() ? "casegraph: error: " + message : FormatDiagnostic({at, message})) << "\n";
    return kInvalid;
  }
  if (ctx.format == "json") {
    *ctx.out << RenderQueryJson(*g, text, params, answer.value(), ctx.pretty);
  } else if (ctx.format == "csv") {
    *ctx.out << RenderQueryCsv(*g, answer.value());
  } else {
    *ctx.out << RenderQueryText(*g, answer.value(), o.limit, ctx.style);
  }
  return answer.value().rows.empty() ? kNothingFound : kFound;
}

}  // namespace

void RegisterQueryCommand(CLI::App& app, Context* ctx) {
  auto o = std::make_shared<QueryOptions>();
  CLI::App* command = app.add_subcommand(
      "query", "Pattern questions in read-only Cypher (MATCH ... RETURN), every relationship with its evidence");
  command->add_option("text", o->text, "The query, e.g. 'MATCH (a:regulator)-[r:throttle]->(p) RETURN a.name, r'");
  command->add_option("-f,--file", o->file, "Read the query from FILE")->type_name("FILE");
  command->add_option("--param", o->params, "A parameter $NAME: VALUE as JSON when it parses as JSON, else a string")
      ->type_name("NAME=VALUE");
  command->add_option("--limit", o->limit, "Stop after N rows and say so")->check(AtLeast(1))->type_name("N")
      ->capture_default_str();
  command->add_option("--max-steps", o->max_steps, "Stop a query that matches for more than N steps")
      ->check(AtLeast(1))->type_name("N");
  AddFormatOption(command, ctx, {"csv"});
  OnParsed(command, ctx, o, RunQueryCommand);
}

}  // namespace casegraph::cli
