// The Python module `casegraph`: a loaded graph and the commands' JSON answers as Python values.
// Every answer goes through the same command definitions as the command line and batch
// (cli/batch.h), so a dict here is what json.loads gives for `casegraph ... --format json`.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <rapidjson/document.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "cli/batch.h"
#include "io/graph_loader.h"

namespace py = pybind11;

namespace casegraph::python {

namespace {

// The exception classes, made when the module is imported.
struct Errors {
  py::object base, invalid, not_found, io, corrupt, unsupported;
};
Errors* errors = nullptr;

py::object ErrorClass(Status::Kind kind) {
  switch (kind) {
    case Status::Kind::kNotFound: return errors->not_found;
    case Status::Kind::kIo: return errors->io;
    case Status::Kind::kCorrupt: return errors->corrupt;
    case Status::Kind::kUnsupported: return errors->unsupported;
    default: return errors->invalid;
  }
}

py::object OrNone(const Location& at, int value) {
  return at.file.empty() || value <= 0 ? py::none() : py::object(py::int_(value));
}

py::dict DiagnosticDict(const Diagnostic& d) {
  py::dict out;
  out["file"] = d.where.file.empty() ? py::none() : py::object(py::str(std::string(d.where.file)));
  out["line"] = OrNone(d.where, d.where.line);
  out["column"] = OrNone(d.where, d.where.column);
  out["severity"] = d.IsError() ? "error" : "warning";
  out["message"] = d.message;
  return out;
}

// A status as one line: its place and message, or its first error and how many more there are.
std::string Located(const Status& status) {
  const Diagnostics& all = status.diagnostics();
  for (const Diagnostic& d : all) {
    if (!d.IsError()) continue;
    const size_t more = ErrorCount(all) - 1;
    return FormatDiagnostic(d) + (more ? " (and " + std::to_string(more) + " more in diagnostics)" : "");
  }
  if (status.where().file.empty()) return status.message();
  return FormatLocation(status.where()) + ": " + status.message();
}

// Raises the Error subclass of the status's kind, with file, line, column and diagnostics.
[[noreturn]] void Raise(const Status& status) {
  const std::string message = Located(status);
  py::object cls = ErrorClass(status.kind());
  py::object e = cls(message);
  const Location& at = status.where();
  e.attr("file") = at.file.empty() ? py::none() : py::object(py::str(std::string(at.file)));
  e.attr("line") = OrNone(at, at.line);
  e.attr("column") = OrNone(at, at.column);
  py::list diagnostics;
  for (const Diagnostic& d : status.diagnostics()) diagnostics.append(DiagnosticDict(d));
  if (status.diagnostics().empty()) diagnostics.append(DiagnosticDict({at, status.message()}));
  e.attr("diagnostics") = diagnostics;
  PyErr_SetObject(cls.ptr(), e.ptr());
  throw py::error_already_set();
}

// A Python value as JSON, for a request (None, bool, int, float, str, list or tuple, dict).
rapidjson::Value ToJson(const py::handle& v, rapidjson::Document::AllocatorType& a, const std::string& name) {
  if (v.is_none()) return rapidjson::Value();
  if (py::isinstance<py::bool_>(v)) return rapidjson::Value(v.cast<bool>());
  if (py::isinstance<py::int_>(v)) {
    const long long n = PyLong_AsLongLong(v.ptr());
    if (n == -1 && PyErr_Occurred()) {
      PyErr_Clear();
      Raise(Status::InvalidInput(Message(name, " is too large a number: ", std::string(py::str(v)))));
    }
    return rapidjson::Value(static_cast<int64_t>(n));
  }
  if (py::isinstance<py::float_>(v)) return rapidjson::Value(v.cast<double>());
  if (py::isinstance<py::str>(v)) {
    const std::string s = v.cast<std::string>();
    return rapidjson::Value(s.c_str(), static_cast<rapidjson::SizeType>(s.size()), a);
  }
  if (py::isinstance<py::list>(v) || py::isinstance<py::tuple>(v)) {
    rapidjson::Value out(rapidjson::kArrayType);
    for (const py::handle& item : v) out.PushBack(ToJson(item, a, name), a);
    return out;
  }
  if (py::isinstance<py::dict>(v)) {
    rapidjson::Value out(rapidjson::kObjectType);
    for (const auto& [key, item] : v.cast<py::dict>()) {
      const std::string k = py::str(key);
      out.AddMember(rapidjson::Value(k.c_str(), static_cast<rapidjson::SizeType>(k.size()), a), ToJson(item, a, name), a);
    }
    return out;
  }
  Raise(Status::InvalidInput(Message(name, " must be None, a bool, a number, a string, a list or a dict, not ",
                                     std::string(py::str(py::type::handle_of(v).attr("__name__"))))));
}

// A request object: {"command": command, fixed..., options...}; options given as None are left out.
rapidjson::Document Request(const std::string& command, const py::dict& fixed, const py::dict& options) {
  rapidjson::Document d(rapidjson::kObjectType);
  auto& a = d.GetAllocator();
  d.AddMember("command", rapidjson::Value(command.c_str(), static_cast<rapidjson::SizeType>(command.size()), a), a);
  for (const py::dict* part : {&fixed, &options}) {
    for (const auto& [key, value] : *part) {
      if (value.is_none()) continue;
      const std::string k = py::str(key);
      d.AddMember(rapidjson::Value(k.c_str(), static_cast<rapidjson::SizeType>(k.size()), a), ToJson(value, a, k), a);
    }
  }
  return d;
}

}  // namespace

/// A loaded graph, immutable; its questions are answered by command parsers taken from a pool,
/// so threads can ask at once (each answer runs without the GIL).
class Graph {
 public:
  explicit Graph(std::shared_ptr<const casegraph::Graph> g) : graph_(std::move(g)) {}

  static std::shared_ptr<Graph> Load(const std::vector<std::string>& paths) {
    Result<std::shared_ptr<const casegraph::Graph>> g = Status();
    {
      py::gil_scoped_release unlocked;
      g = LoadGraph(paths, GraphLoadOptions());
    }
    if (!g.ok()) Raise(g.status());
    return std::make_shared<Graph>(std::move(g).value());
  }

  // The answer's text (JSON, or an export's text) and its exit status; raises on an error.
  std::pair<std::string, int> Ask(const rapidjson::Document& request) {
    cli::BatchOutcome outcome;
    {
      py::gil_scoped_release unlocked;
      std::unique_ptr<cli::BatchAnswerer> answerer = Take();
      outcome = answerer->Run(request, false);
      Give(std::move(answerer));
    }
    if (outcome.exit == 2) Raise(outcome.error);
    return {std::move(outcome.answer), outcome.exit};
  }

  py::object Answer(const std::string& command, const py::dict& fixed, const py::dict& options) {
    std::pair<std::string, int> text = Ask(Request(command, fixed, options));
    return py::module_::import("json").attr("loads")(text.first);
  }

  const casegraph::Graph& graph() const { return *graph_; }

 private:
  std::unique_ptr<cli::BatchAnswerer> Take() {
    std::lock_guard<std::mutex> lock(mu_);
    if (idle_.empty()) return std::make_unique<cli::BatchAnswerer>(graph_);
    std::unique_ptr<cli::BatchAnswerer> a = std::move(idle_.back());
    idle_.pop_back();
    return a;
  }
  void Give(std::unique_ptr<cli::BatchAnswerer> a) {
    std::lock_guard<std::mutex> lock(mu_);
    idle_.push_back(std::move(a));
  }

  std::shared_ptr<const casegraph::Graph> graph_;
  std::mutex mu_;
  std::vector<std::unique_ptr<cli::BatchAnswerer>> idle_;
};

namespace {

py::dict Kwargs(py::kwargs kw) { return kw ? py::dict(kw) : py::dict(); }

// The records of the JSON export: entities as written there; relations with id, from and to
// first (the export's key, source and target), without the export's drawing flag.
py::list Records(Graph& g, const char* which) {
  py::dict data = g.Answer("export", py::dict(py::arg("to") = "json"), py::dict());
  if (std::string(which) == "nodes") return data["nodes"];
  py::list out;
  for (const py::handle& link : data["links"].cast<py::list>()) {
    py::dict r;
    r["id"] = link["key"];
    r["from"] = link["source"];
    r["to"] = link["target"];
    for (const auto& [k, v] : link.cast<py::dict>()) {
      const std::string key = py::str(k);
      if (key != "key" && key != "source" && key != "target" && key != "highlighted") r[k] = v;
    }
    out.append(r);
  }
  return out;
}

py::object ToNetworkx(Graph& g) {
  py::object nx = py::module_::import("networkx");
  py::object out = nx.attr("MultiDiGraph")();
  py::dict data = g.Answer("export", py::dict(py::arg("to") = "json"), py::dict());
  out.attr("graph").attr("update")(data["graph"]);
  py::object add_node = out.attr("add_node"), add_edge = out.attr("add_edge");
  for (const py::handle& node : data["nodes"].cast<py::list>()) {
    py::dict attrs;
    for (const auto& [k, v] : node.cast<py::dict>()) {
      if (std::string(py::str(k)) != "id") attrs[k] = v;
    }
    add_node(node["id"], **attrs);
  }
  for (const py::handle& r : Records(g, "links")) {
    py::dict attrs;
    for (const auto& [k, v] : r.cast<py::dict>()) {
      const std::string key = py::str(k);
      if (key != "from" && key != "to") attrs[k] = v;
    }
    add_edge(r["from"], r["to"], py::arg("key") = r["id"], **attrs);
  }
  return out;
}

py::list Rows(Graph& g, const std::string& text, py::object params, py::object limit, py::object max_steps,
              py::kwargs named) {
  py::dict all_params = params.is_none() ? py::dict() : py::dict(params);
  for (const auto& [k, v] : Kwargs(named)) all_params[k] = v;
  py::dict options;
  options["limit"] = limit;
  options["max_steps"] = max_steps;
  py::dict answer = g.Answer("query", py::dict(py::arg("text") = text, py::arg("params") = all_params), options);
  py::list columns = answer["columns"], out;
  for (const py::handle& row : answer["rows"].cast<py::list>()) {
    py::dict d;
    py::list cells = row.cast<py::list>();
    for (size_t i = 0; i < columns.size(); ++i) d[columns[i]] = cells[i];
    out.append(d);
  }
  return out;
}

void DefineGraph(py::module_& m) {
  using py::arg;
  py::class_<Graph, std::shared_ptr<Graph>> graph(m, "Graph", R"(A loaded case graph: immutable, safe to share between threads.

Each method answers as the command of its name does with --format json and returns that
answer's value as dicts and lists (json.loads of the same text). Options are the command's long
option names with '_' for '-': max_hops=4, via=["lawsuit"], as_of="2021-03-09", all=True; a time
window is since=/until=. Bad input raises casegraph.Error; no path or no match is an answer.)");
  graph.def("check", [](Graph& g) { return g.Answer("check", py::dict(), py::dict()); },
            "check(): every rule, reference and quote of the case files, as `casegraph check`; returns the "
            "answer (ok, diagnostics, counts) rather than raising.");
  graph.def("stats", [](Graph& g, py::kwargs o) { return g.Answer("stats", py::dict(), Kwargs(o)); },
            "stats(**options): counts by type and status, components, date range (`casegraph stats`).");
  graph.def("find", [](Graph& g, const std::string& text) { return g.Answer("find", py::dict(arg("text") = text), py::dict()); },
            arg("text"), "find(text): entities whose id, name or alias matches text, best first (`casegraph find`).");
  graph.def("show", [](Graph& g, const std::string& e, py::kwargs o) { return g.Answer("show", py::dict(arg("entity") = e), Kwargs(o)); },
            arg("entity"), "show(entity, **options): one entity and every relation in and out, with evidence.");
  graph.def("path",
            [](Graph& g, const std::string& a, const std::string& b, py::kwargs o) {
              return g.Answer("path", py::dict(arg("from") = a, arg("to") = b), Kwargs(o));
            },
            arg("a"), arg("b"),
            R"(path(a, b, **options): how a is connected to b, each hop with its evidence (`casegraph path`).

Forms: all=True, k=N, simple=True (with max_hops), weighted=True, chronological=True; filters:
directed, reverse, via, not_via, status, through_types, avoid, max_hops, as_of, since, until; limit.
No path is an answer with an empty "paths" list.)");
  graph.def("timeline",
            [](Graph& g, py::object e, py::kwargs o) {
              return g.Answer("timeline", e.is_none() ? py::dict() : py::dict(arg("entity") = e), Kwargs(o));
            },
            arg("entity") = py::none(), "timeline(entity=None, **options): dated relations in order, of one entity or all.");
  graph.def("neighbors",
            [](Graph& g, const std::string& e, int depth, py::kwargs o) {
              return g.Answer("neighbors", py::dict(arg("entity") = e, arg("depth") = depth), Kwargs(o));
            },
            arg("entity"), arg("depth") = 1, "neighbors(entity, depth=1, **options): entities within depth hops, each with the relations that reach it; count=True only counts.");
  graph.def("rank", [](Graph& g, const std::string& by, py::kwargs o) { return g.Answer("rank", py::dict(arg("by") = by), Kwargs(o)); },
            arg("by") = "degree", "rank(by='degree', **options): entities by degree, pagerank or betweenness; top=N, weighted=True.");
  graph.def("brokers", [](Graph& g, py::kwargs o) { return g.Answer("brokers", py::dict(), Kwargs(o)); },
            "brokers(**options): articulation points and bridges (`casegraph brokers`).");
  graph.def("query", &Rows, arg("text"), arg("params") = py::none(), arg("limit") = py::none(), arg("max_steps") = py::none(),
            R"(query(text, params=None, limit=None, max_steps=None, **params): a pattern query (read-only Cypher).

Returns the rows as dicts keyed by column, so pandas.DataFrame(rows) takes them as they are; each
value as in the JSON answer (a node {"entity", "name", "type"}, a relationship a hop with its
evidence). Parameters come as keyword arguments or as the params dict ($who: who="twitter");
answer({"command": "query", ...}) gives the whole JSON answer.)");
  graph.def("answer",
            [](Graph& g, py::dict request) {
              py::dict fixed(request);
              if (!fixed.contains("command")) {
                Raise(Status::InvalidInput(Message("missing \"command\"")));
              }
              const std::string command = py::str(fixed["command"]);
              PyDict_DelItemString(fixed.ptr(), "command");
              return g.Answer(command, fixed, py::dict());
            },
            arg("request"), "answer(request): the JSON answer to a batch line given as a dict ({'command': 'path', 'from': ..., 'to': ...}).");
  graph.def("export",
            [](Graph& g, const std::string& to, py::kwargs o) {
              return g.Ask(Request("export", py::dict(arg("to") = to), Kwargs(o))).first;
            },
            arg("to"), "export(to, **options): the case, or around=E with depth=N, or path=[A, B], as dot, svg, graphml, json, mermaid, csv or cypher text.");
  graph.def("to_networkx", &ToNetworkx,
            "to_networkx(): a networkx.MultiDiGraph with every entity (node attributes: name, type, aliases, description, "
            "attributes) and relation (edge key: its id; attributes: type, label, date, status, weight, attributes, evidence, ...).");
  graph.def("entities", [](Graph& g) { return py::iter(Records(g, "nodes")); },
            "entities(): an iterator over the entities as records (dicts: id, name, type, aliases, description, attributes).");
  graph.def("relations", [](Graph& g) { return py::iter(Records(g, "links")); },
            "relations(): an iterator over the relations as records (dicts: id, from, to, type, label, date, status, weight, attributes, evidence).");
  graph.def_property_readonly("entity_count", [](const Graph& g) { return g.graph().entity_count(); }, "The number of entities.");
  graph.def_property_readonly("relation_count", [](const Graph& g) { return g.graph().relation_count(); }, "The number of relations.");
  graph.def("__repr__", [](const Graph& g) {
    return "<casegraph.Graph: " + std::to_string(g.graph().entity_count()) + " entities, " +
           std::to_string(g.graph().relation_count()) + " relations>";
  });
  m.def("load",
        [](py::args paths) {
          std::vector<std::string> p;
          for (const py::handle& x : paths) p.push_back(py::str(x));
          if (p.empty()) p.push_back("graphs");
          return Graph::Load(p);
        },
        R"(load(*paths): a Graph from case files, directories of them, CSV edge files, FollowTheMoney files or one
snapshot, as -g takes them (no path: ./graphs). Raises casegraph.Error with every diagnostic when the input
does not load. Runs without the GIL.)");
}

}  // namespace

}  // namespace casegraph::python

PYBIND11_MODULE(casegraph, m) {
  using namespace casegraph::python;
  m.doc() = "casegraph: legal-case knowledge graphs, every answer with its evidence.\n\n"
            "g = casegraph.load('graphs') loads case files, a directory, a CSV edge file, a FollowTheMoney\n"
            "file or a snapshot, as -g does; g.path(a, b, ...), g.query(text, ...) and the rest return the\n"
            "value of the command's JSON answer, as json.loads gives it for `casegraph ... --format json`.";
  static Errors made;
  errors = &made;
  made.base = py::reinterpret_steal<py::object>(
      PyErr_NewExceptionWithDoc("casegraph.Error",
                                "A request casegraph cannot answer: bad input, an unknown name, a file that does not "
                                "read. Attributes: file, line, column (None without a place) and diagnostics (a list "
                                "of dicts with file, line, column, severity and message).",
                                PyExc_Exception, nullptr));
  auto sub = [&](const char* name, const char* doc) {
    return py::reinterpret_steal<py::object>(PyErr_NewExceptionWithDoc(name, doc, made.base.ptr(), nullptr));
  };
  made.invalid = sub("casegraph.InvalidInputError", "The input or the request breaks a rule (a bad case file, option or query).");
  made.not_found = sub("casegraph.NotFoundError", "Something named does not exist: an entity, a file.");
  made.io = sub("casegraph.IoError", "The system could not read or write a file.");
  made.corrupt = sub("casegraph.CorruptError", "Stored data is damaged or no longer matches its sources (a snapshot).");
  made.unsupported = sub("casegraph.UnsupportedError", "Valid, but not something casegraph does (e.g. a snapshot of another version).");
  m.attr("Error") = made.base;
  m.attr("InvalidInputError") = made.invalid;
  m.attr("NotFoundError") = made.not_found;
  m.attr("IoError") = made.io;
  m.attr("CorruptError") = made.corrupt;
  m.attr("UnsupportedError") = made.unsupported;
  DefineGraph(m);
}
