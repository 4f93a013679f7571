// export: the whole case, a neighbourhood or paths in context, for Graphviz and other tools.
#include <ostream>

#include "cli/context.h"
#include "cli/filter_options.h"
#include "render/graphviz.h"
#include "io/atomic_write.h"
#include "io/case_writer.h"
#include "query/path.h"
#include "query/subgraph.h"
#include "render/dot_render.h"
#include "render/export_render.h"
#include "render/html_render.h"

namespace casegraph::cli {

namespace {

struct ExportOptions {
  std::string to = "dot";
  std::string around;
  int depth = 1;
  std::vector<std::string> path;  // FROM TO
  PathFormSpec form;              // which paths --path draws
  std::string context = "neighbours";
  std::string output;             // -o PATH
  FilterSpec filter;
};

std::string Title(const Graph& g) {
  std::string title;
  for (const std::string& t : g.model().titles) title += (title.empty() ? "" : "; ") + t;
  return title;
}

// Selects the part of the graph to export; nullopt after printing why it cannot.
std::optional<Subgraph> Select(const Context& ctx, const Graph& g, ExportOptions o, std::string* title) {
  *title = Title(g);
  std::optional<EntityId> from, to;
  PathQuery q;
  if (!o.path.empty()) {
    from = ctx.ResolveEntity(g, o.path[0]);
    to = ctx.ResolveEntity(g, o.path[1]);  // both reported when both are unknown
    if (!from || !to) return std::nullopt;
    q = MakePathQuery(o.form, &o.filter, *from, *to);
  }
  Result<TraversalFilter> filter = CompileFilter(g, o.filter);
  if (!filter.ok()) {
    ctx.Fail(filter.status());
    return std::nullopt;
  }
  const TraversalFilter& f = filter.value();
  if (!o.around.empty()) {
    std::optional<EntityId> v = ctx.ResolveEntity(g, o.around);
    if (!v) return std::nullopt;
    *title = std::string(g.entity_name(*v));
    *title += o.depth == 1 ? " and its neighbours" : ", " + std::to_string(o.depth) + " hops around";
    return Around(g, f, *v, o.depth);
  }
  if (from) {
    Result<PathAnswer> answer = FindPaths(g, f, q);
    if (!answer.ok()) {
      ctx.Fail(answer.status());
      return std::nullopt;
    }
    if (answer.value().paths.empty()) {
      ctx.Fail("no path from " + std::string(g.entity_name(*from)) + " to " + std::string(g.entity_name(*to)) +
               " to draw");
      return std::nullopt;
    }
    *title = std::string(g.entity_name(*from)) + " → " + std::string(g.entity_name(*to));
    if (const size_t n = answer.value().paths.size(); n > 1) *title += " (" + std::to_string(n) + " paths)";
    return PathContext(g, f, answer.value(), o.context != "none");
  }
  return WholeGraph(g, f);
}

int Write(const Context& ctx, const ExportOptions& o, const std::string& text) {
  if (o.output.empty() || o.output == "-") {
    *ctx.out << text;
    return kFound;
  }
  if (Status s = WriteFileAtomically(o.output, text); !s.ok()) return ctx.Fail(s);
  return kFound;
}

int RunExport(const Context& ctx, const ExportOptions& o) {
  std::shared_ptr<const Graph> g = ctx.LoadGraph();
  if (!g) return kInvalid;
  std::string title;
  std::optional<Subgraph> s = Select(ctx, *g, o, &title);
  if (!s) return kInvalid;
  if (o.to == "dot") return Write(ctx, o, RenderDot(*g, *s, title));
  const GraphvizLayout layout = LayoutFor(s->entities.size(), s->relations.size());
  if (o.to == "svg") {
    Result<std::string> svg = RenderSvg(RenderDot(*g, *s, title, layout == GraphvizLayout::kLayers), layout);
    if (!svg.ok()) return ctx.Fail(svg.status());
    return Write(ctx, o, svg.value());
  }
  if (o.to == "html") {
    Result<std::string> svg = RenderSvg(RenderDot(*g, *s, title, layout == GraphvizLayout::kLayers), layout);
    if (!svg.ok()) return ctx.Fail(svg.status());
    return Write(ctx, o, RenderHtml(*g, *s, svg.value(), title, HtmlDrawingFor(layout)));
  }
  if (o.to == "graphml") return Write(ctx, o, RenderGraphml(*g, *s));
  if (o.to == "json") return Write(ctx, o, RenderNodeLinkJson(*g, *s));
  if (o.to == "mermaid") return Write(ctx, o, RenderMermaid(*g, *s));
  if (o.to == "cypher") return Write(ctx, o, RenderCypher(*g, *s));
  // csv: a directory
  if (o.output.empty() || o.output == "-") return ctx.Fail("--to csv writes a directory: give it with -o DIR");
  // Beside the rows, what they do not hold: the vocabulary, the sources and the titles, as a case
  // file, so that `casegraph -g DIR` reads the export back into the same graph.
  CaseFile rest;
  for (const std::string& t : g->model().titles) rest.title += (rest.title.empty() ? "" : "; ") + t;
  rest.vocabulary = g->model().vocabulary;
  rest.sources = g->model().sources;
  const std::string case_json = WriteCaseFile(rest);
  const auto text = [](std::string_view t) -> ContentWriter { return [t](const TextSink& write) { write(t); }; };
  const Subgraph& rows = *s;
  if (Status status = WriteDirectoryAtomically(
          o.output, {{"nodes.csv", [&](const TextSink& write) { WriteNeo4jNodes(*g, rows, write); }},
                     {"relationships.csv", [&](const TextSink& write) { WriteNeo4jRelationships(*g, rows, write); }},
                     {"kuzu.cypher", text(kKuzuCopyScript)},
                     {"neo4j-import.sh", text(kNeo4jImportScript)},
                     {"case.json", text(case_json)}});
      !status.ok()) {
    return ctx.Fail(status);
  }
  return kFound;
}

}  // namespace

void RegisterExportCommand(CLI::App& app, Context* ctx) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* command = app.add_subcommand("export", "The case, a neighbourhood or a path in context, for other tools");
  command->add_option("--to", o->to, "dot, svg and html (need Graphviz), graphml, json (node-link), mermaid, csv (neo4j-admin / Kuzu), cypher")
      ->check(CLI::IsMember({"dot", "svg", "html", "graphml", "json", "mermaid", "csv", "cypher"}))
      ->capture_default_str();
  CLI::Option* around = command->add_option("--around", o->around, "Only the entities around ENTITY")->type_name("ENTITY");
  command->add_option("--depth", o->depth, "With --around: how many hops (default 1)")
      ->check(AtLeast(0))->type_name("N")->capture_default_str();
  CLI::Option* path =
      command->add_option("--path", o->path, "Paths from A to B (the shortest, or what the path flags ask), bold, in context")
          ->expected(2)->type_name("A B")->excludes(around);
  for (CLI::Option* option : AddPathFormOptions(command, &o->form, &o->filter)) option->needs(path);
  command->add_option("--context", o->context, "With --path: the neighbours of the paths' entities too, or only the paths")
      ->check(CLI::IsMember({"neighbours", "neighbors", "none"}))->capture_default_str()->needs(path);
  command->add_option("-o,--output", o->output, "Write to PATH atomically (a directory for csv); default stdout")
      ->type_name("PATH");
  AddRelationOptions(command, &o->filter);
  AddTimeOptions(command, &o->filter, /*with_to=*/false);  // --to is the format here
  OnParsed(command, ctx, o, RunExport);
}

}  // namespace casegraph::cli
