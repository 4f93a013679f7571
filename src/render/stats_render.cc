#include "render/stats_render.h"

#include "render/json_writer.h"

namespace casegraph {

namespace {

std::string Count(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string CountList(const std::map<std::string, size_t>& counts) {
  std::string out;
  for (const auto& [name, n] : counts) out += (out.empty() ? "" : ", ") + name + " " + std::to_string(n);
  return out;
}

void CountObject(JsonOut& json, const std::string& key, const std::map<std::string, size_t>& counts) {
  json.Key(key);
  json.StartObject();
  for (const auto& [name, n] : counts) {
    json.Key(name);
    json.Int(static_cast<int64_t>(n));
  }
  json.EndObject();
}

}  // namespace

std::string RenderStatsText(const Graph& g, const GraphStats& s) {
  std::string out;
  for (const std::string& title : g.model().titles) out += title + "\n";
  out += "files       " + std::to_string(s.files) + "\n";
  out += "sources     " + std::to_string(s.sources) + "\n";
  out += "entities    " + std::to_string(s.entities) + (s.entities ? " (" + CountList(s.entity_types) + ")" : "") + "\n";
  out += "relations   " + std::to_string(s.relations) + (s.relations ? " (" + CountList(s.relation_types) + ")" : "") + "\n";
  out += "statuses    " + (s.relations ? CountList(s.statuses) : std::string("-")) + "\n";
  out += "components  " + std::to_string(s.components) + "\n";
  out += "dated       " + std::to_string(s.dated_relations) + " of " + std::to_string(s.relations) + " relations";
  if (s.earliest) out += ", " + s.earliest->text + " to " + s.latest->text;
  return out + "\n";
}

std::string RenderStatsJson(const Graph& g, const QueryEcho& query, const GraphStats& s, bool pretty) {
  JsonOut json(pretty);
  json.Begin(query);
  json.Key("titles");
  json.StringArray(g.model().titles);
  for (const auto& [key, n] : {std::pair<const char*, size_t>{"files", s.files}, {"sources", s.sources},
                               {"entities", s.entities}, {"relations", s.relations},
                               {"components", s.components}, {"dated_relations", s.dated_relations}}) {
    json.Key(key);
    json.Int(static_cast<int64_t>(n));
  }
  CountObject(json, "entity_types", s.entity_types);
  CountObject(json, "relation_types", s.relation_types);
  CountObject(json, "statuses", s.statuses);
  json.Key("earliest");
  s.earliest ? json.String(s.earliest->text) : json.Null();
  json.Key("latest");
  s.latest ? json.String(s.latest->text) : json.Null();
  return json.End();
}

std::string RenderCheckText(const GraphStats& s, size_t quotes_checked) {
  return "ok: " + Count(s.files, "file", "files") + ", " + Count(s.entities, "entity", "entities") + ", " +
         Count(s.relations, "relation", "relations") + ", " + Count(s.sources, "source", "sources") + "; " +
         Count(quotes_checked, "quote", "quotes") + " found in their sources\n";
}

std::string RenderCheckJson(const QueryEcho& query, const Diagnostics& diagnostics, const GraphStats* s,
                            size_t quotes_checked, bool pretty) {
  JsonOut json(pretty);
  json.Begin(query);
  json.Key("ok");
  json.Bool(ErrorCount(diagnostics) == 0);
  json.Key("diagnostics");
  json.StartArray();
  for (const Diagnostic& d : diagnostics) {
    json.StartObject();
    json.Field("file", d.where.file);
    json.Key("line");
    json.Int(d.where.line);
    json.Key("column");
    json.Int(d.where.column);
    json.Field("severity", d.IsError() ? "error" : "warning");
    json.Field("message", d.message);
    json.EndObject();
  }
  json.EndArray();
  if (s) {
    for (const auto& [key, n] : {std::pair<const char*, size_t>{"files", s->files}, {"sources", s->sources},
                                 {"entities", s->entities}, {"relations", s->relations},
                                 {"quotes_checked", quotes_checked}}) {
      json.Key(key);
      json.Int(static_cast<int64_t>(n));
    }
  }
  return json.End();
}

}  // namespace casegraph
