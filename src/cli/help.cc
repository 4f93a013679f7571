#include "cli/help.h"

#include <map>
#include <ostream>

#include "cli/context.h"
#include "cli/spelling.h"

namespace casegraph::cli {

const std::vector<std::vector<std::string>>& ExamplesOf(const std::string& command) {
  static const std::map<std::string, std::vector<std::vector<std::string>>> kExamples = {
      {"check", {{"check"}, {"check", "--format", "json"}}},
      {"stats", {{"stats"}, {"stats", "--as-of", "2021-03-09"}}},
      {"find", {{"find", "navalny"}, {"find", "роском"}}},
      {"show", {{"show", "Roskomnadzor"}, {"show", "RKN", "--from", "2021-03-10", "--to", "2021-03-10"}}},
      {"path",
       {{"path", "Navalny", "NCOSE"},
        {"path", "Navalny", "NCOSE", "-k", "5", "--status", "fact,reported"},
        {"path", "twitter-cse-policy", "russian-authorities", "--chronological"}}},
      {"timeline", {{"timeline", "Twitter"}, {"timeline", "--from", "2021-03-09", "--to", "2021-03-12"}}},
      {"neighbors", {{"neighbors", "Roskomnadzor"}, {"neighbors", "RKN", "--depth", "2", "--via", "throttle,lawsuit"}}},
      {"rank", {{"rank", "--by", "betweenness"}, {"rank", "--by", "degree", "--top", "3", "--format", "json"}}},
      {"brokers", {{"brokers"}, {"brokers", "--via", "lawsuit,throttle,demand"}}},
      {"query",
       {{"query", "MATCH (a:regulator)-[r:throttle]->(p:platform) RETURN a.name, p.name, r"},
        {"query", "MATCH (n)-[s:lawsuit]->(p:platform) RETURN p.name, count(*) AS lawsuits ORDER BY lawsuits DESC", "--format",
         "json"},
        {"query", "MATCH (a {id: $who})-[r]-(b) RETURN b.name, type(r), r.status", "--param", "who=roskomnadzor"}}},
      {"export",
       {{"export", "--to", "dot"}, {"export", "--path", "Navalny", "NCOSE", "--to", "mermaid"},
        {"export", "--around", "Roskomnadzor", "--to", "json"}}},
      {"import", {{"import", "csv", "edges.csv"}, {"import", "ftm", "entities.ftm.json"}}},
      {"fmt", {{"fmt", "--check"}, {"fmt", "graphs/russia-twitter-2021.json"}}},
      {"diff", {{"diff", "old-version.json", "graphs/russia-twitter-2021.json"}, {"diff", "/dev/null", "graphs", "--format", "json"}}},
      {"build", {{"build", "-o", "case.snapshot"}, {"-g", "case.snapshot", "path", "Navalny", "NCOSE"}}},
      {"batch", {{"batch"}}},
      {"shell", {{"shell"}}},
      {"completion", {{"completion", "bash"}, {"completion", "fish"}}},
  };
  static const std::vector<std::vector<std::string>> kNone;
  auto it = kExamples.find(command);
  return it == kExamples.end() ? kNone : it->second;
}

void AddExampleFooters(CLI::App& app) {
  for (CLI::App* sub : app.get_subcommands({})) {
    const auto& examples = ExamplesOf(sub->get_name());
    if (examples.empty()) continue;
    std::string footer = "\nExamples (on the bundled case):\n";
    for (const auto& args : examples) {
      footer += "  casegraph";
      for (const std::string& a : args) footer += " " + (a.find(' ') != std::string::npos ? "\"" + a + "\"" : a);
      footer += "\n";
    }
    if (sub->get_name() == "batch") {
      footer += "  echo '{\"command\": \"path\", \"from\": \"Navalny\", \"to\": \"NCOSE\"}' | casegraph batch\n";
    }
    sub->footer(footer);
  }
}

const char* FormatSummary() {
  return R"(Case files (format version 1): JSON, one or more files form one graph.

{
  "casegraph": 1,                                  required: the format version
  "title": "...",
  "vocabulary": { "entity_types":   { "regulator": { "label": "Regulator", "color": "#...", "shape": "box" } },
                  "relation_types": { "ally": { "label": "allied with", "symmetric": true },
                                      "adopted": { "label": "adopted", "inverse": "adopted by" } } },
  "sources":   [ { "id": "art1", "title": "...", "publisher": "...", "date": "2021-03", "url": "...",
                   "file": "sources/art1.txt" } ],
  "entities":  [ { "id": "roskomnadzor", "name": "Roskomnadzor", "type": "regulator",
                   "aliases": ["RKN", "Роскомнадзор"], "description": "...", "attributes": { "country": "RU" } } ],
  "relations": [ { "id": "rkn-throttles-twitter", "type": "throttle", "from": "roskomnadzor", "to": "twitter",
                   "date": "2021-03-10", "status": "reported", "weight": 1,
                   "evidence": [ { "source": "art1", "quote": "...", "locator": "para. 3" } ] } ]
}

- ids: letters, digits and . _ : - ; unknown keys are errors (except inside attributes)
- dates: 2021, 2021-03 or 2021-03-10, read as the days they may stand for; a span has start and/or end
- status: fact, reported (default), alleged, claimed, denied; weight: a positive number (default 1)
- evidence: a source id and the exact quote (checked against the source's file) or a locator
- the same entity id in two files is merged; relation ids are unique; references may cross files
- CSV edge files (from,to[,id,type,date,start,end,status,weight]) and FollowTheMoney files
  (*.ftm.json, *.ftm.jsonl) are read too

Built-in relation types: lawsuit, throttle, demand, ban_threat, removal_request, block, fine, ruling,
appeal, statement, report, jailed, opposes, protest, member_of, employed_by, leads, part_of,
regulates, owns, party_to, cites, related.

The whole format: graphs/README.md. Check your files with: casegraph -g FILES check
)";
}

void RegisterHelpCommand(CLI::App& app, Context* ctx) {
  auto topic = std::make_shared<std::string>();
  CLI::App* help = app.add_subcommand("help", "Help on casegraph, on a COMMAND, or on the case-file format");
  help->add_option("topic", *topic, "A command, or 'format'");
  CLI::App* root = &app;
  help->callback([ctx, topic, root] {
    const std::string t = *topic;
    *topic = "";
    ctx->action = [ctx, t, root]() -> int {
      if (t.empty()) {  // the program's help, not the help command's (which CLI11's help() would give)
        *ctx->out << root->get_formatter()->make_help(root, root->get_name(), CLI::AppFormatMode::Normal);
        return kFound;
      }
      if (t == "format") {
        *ctx->out << FormatSummary();
        return kFound;
      }
      for (CLI::App* sub : root->get_subcommands({})) {
        if (sub->get_name() == t) {
          *ctx->out << sub->help();
          if (t == "query") *ctx->out << "\n" << QuerySummary();
          return kFound;
        }
      }
      const std::string unknown = UnknownCommandMessage(*root, t);
      return ctx->Fail(unknown.find("did you mean") == std::string::npos ? unknown + " (help takes a command, or 'format')"
                                                                          : unknown);
    };
  });
}

}  // namespace casegraph::cli
