// Runs a file of pattern-query cases (tests/queries/README.md): each case a query, optionally
// with parameters and a row limit, and the rows or the error it must give, on the graph of the
// file's last `---- graph` section. Prints every case that differs; exits 1 if any does.
// Usage: casegraph_query_cases FILE [ROOT]   (--update FILE [ROOT] writes the answers instead)
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "io/case_loader.h"
#include "io/file_bytes.h"
#include "query/cypher/query.h"

using namespace casegraph;
using cypher::Value;

namespace {

std::string Quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "'";
}

std::string Number(const Value& v) {
  if (v.kind() == Value::Kind::kInt) return std::to_string(v.integer());
  if (std::isnan(v.number())) return "NaN";
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.15g", v.number());
  std::string s = buffer;
  if (s.find_first_of(".ein") == std::string::npos) s += ".0";
  return s;
}

std::string HopText(const Graph& g, const Hop& h) {
  const std::string rel = "[:" + g.relation_type_name(h.relation) + " " + g.relation_id(h.relation) + "]";
  return h.forward ? "-" + rel + "->" : "<-" + rel + "-";
}

// A value as the case files write it: Cypher literals, (id) for a node, [:type id] for a
// relationship, <(a)-[:t r]->(b)> for a path.
std::string Text(const Graph& g, const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull: return "null";
    case Value::Kind::kBool: return v.boolean() ? "true" : "false";
    case Value::Kind::kInt:
    case Value::Kind::kFloat: return Number(v);
    case Value::Kind::kString: return Quoted(v.string());
    case Value::Kind::kNode: {
      std::string out = "(";
      out += g.entity_id(v.node());
      return out + ")";
    }
    case Value::Kind::kRelationship: {
      const Hop h = v.relationship();
      return "[:" + g.relation_type_name(h.relation) + " " + g.relation_id(h.relation) + (h.forward ? "]" : " backward]");
    }
    case Value::Kind::kPath: {
      std::string out = "<(";
      out += g.entity_id(v.path().start);
      out += ")";
      for (const Hop& h : v.path().hops) out += HopText(g, h) + "(" + std::string(g.entity_id(h.to)) + ")";
      return out + ">";
    }
    case Value::Kind::kList: {
      std::string out = "[";
      for (size_t i = 0; i < v.list().size(); ++i) {
        if (i) out += ", ";
        out += Text(g, v.list()[i]);
      }
      return out + "]";
    }
    case Value::Kind::kMap: {
      std::string out = "{";
      for (size_t i = 0; i < v.map().size(); ++i) {
        if (i) out += ", ";
        out += v.map()[i].first + ": " + Text(g, v.map()[i].second);
      }
      return out + "}";
    }
  }
  return "?";
}

struct Section {
  std::string marker;  // the words after "---- "
  std::string body;
};

std::vector<Section> Sections(const std::string& text, std::string* preamble) {
  std::vector<Section> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("---- ", 0) == 0) {
      out.push_back({line.substr(5), ""});
    } else if (out.empty()) {
      *preamble += line + "\n";
    } else {
      out.back().body += line + "\n";
    }
  }
  return out;
}

std::string Trimmed(const std::string& s) {
  const size_t b = s.find_first_not_of(" \n\t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \n\t") - b + 1);
}

// The answer as the file writes it: a header, then a row per line.
std::string AnswerText(const Graph& g, const Result<cypher::QueryAnswer>& answer, bool unordered) {
  if (!answer.ok()) {
    const Status& s = answer.status();
    return s.has_place() ? FormatDiagnostic({s.where(), s.message()}) : "error: " + s.message();
  }
  std::string header;
  for (size_t i = 0; i < answer.value().columns.size(); ++i) header += (i ? " | " : "") + answer.value().columns[i];
  std::vector<std::string> rows;
  for (const cypher::ValueList& row : answer.value().rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) line += (i ? " | " : "") + Text(g, row[i]);
    rows.push_back(line);
  }
  if (unordered) std::sort(rows.begin(), rows.end());
  std::string out = header + "\n";
  for (const std::string& r : rows) out += r + "\n";
  if (answer.value().truncated) out += "(truncated)\n";
  return Trimmed(out);
}

std::string SortedRows(const std::string& text) {
  std::istringstream in(text);
  std::string header, line;
  std::getline(in, header);
  std::vector<std::string> rows;
  while (std::getline(in, line)) rows.push_back(line);
  std::sort(rows.begin(), rows.end(), [](const std::string& a, const std::string& b) {
    return (a == "(truncated)") < (b == "(truncated)") || ((a == "(truncated)") == (b == "(truncated)") && a < b);
  });
  std::string out = header + "\n";
  for (const std::string& r : rows) out += r + "\n";
  return Trimmed(out);
}

std::unique_ptr<const Graph> LoadGraph(const Section& s, const std::string& root, std::string* error) {
  Result<Case> c = Trimmed(s.body) == "bundled" || s.marker == "graph bundled"
                       ? LoadCase({root + "/graphs"})
                       : LoadCaseFromTexts({{"case.json", s.body}});
  if (!c.ok()) {
    *error = c.status().diagnostics().empty() ? c.status().message() : FormatDiagnostic(c.status().diagnostics()[0]);
    return nullptr;
  }
  return Graph::Build(std::move(c).value());
}

// NAME = EXPRESSION per line, each evaluated by the engine itself.
Result<cypher::ValueMap> Params(const Graph& g, const std::string& body) {
  cypher::ValueMap params;
  std::istringstream in(body);
  std::string line;
  while (std::getline(in, line)) {
    if (Trimmed(line).empty()) continue;
    const size_t eq = line.find('=');
    Result<cypher::QueryAnswer> v = cypher::RunQuery(g, "RETURN " + line.substr(eq + 1) + " AS v");
    if (!v.ok()) return v.status();
    params.emplace_back(Trimmed(line.substr(0, eq)), v.value().rows[0][0]);
  }
  return params;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  const bool update = !args.empty() && args[0] == "--update";
  if (update) args.erase(args.begin());
  if (args.empty()) {
    std::cerr << "usage: casegraph_query_cases [--update] FILE [ROOT]\n";
    return 2;
  }
  const std::string path = args[0], root = args.size() > 1 ? args[1] : ".";
  Result<std::string> text = ReadFileBytes(path);
  if (!text.ok()) {
    std::cerr << path << ": " << text.status().message() << "\n";
    return 2;
  }
  std::string preamble;
  std::vector<Section> sections = Sections(text.value(), &preamble);
  std::unique_ptr<const Graph> g;
  int failures = 0, cases = 0;
  for (size_t i = 0; i < sections.size(); ++i) {
    Section& s = sections[i];
    if (s.marker.rfind("graph", 0) == 0) {
      std::string error;
      g = LoadGraph(s, root, &error);
      if (!g) {
        std::cerr << path << ": the graph before section " << i << " does not load: " << error << "\n";
        return 2;
      }
      continue;
    }
    if (s.marker.rfind("query", 0) != 0) continue;
    // The case: query, then optional params and limit, then rows or error.
    cypher::ValueMap params;
    cypher::QueryOptions options;
    size_t j = i + 1;
    for (; j < sections.size(); ++j) {
      const std::string& m = sections[j].marker;
      if (m == "params") {
        Result<cypher::ValueMap> p = Params(*g, sections[j].body);
        if (!p.ok()) {
          std::cerr << path << ": " << s.marker << ": bad params: " << p.status().message() << "\n";
          return 2;
        }
        params = std::move(p).value();
      } else if (m.rfind("limit ", 0) == 0) {
        options.row_limit = std::stoul(m.substr(6));
      } else if (m.rfind("max-steps ", 0) == 0) {
        options.max_steps = std::stoull(m.substr(10));
      } else {
        break;
      }
    }
    if (j == sections.size() || (sections[j].marker.rfind("rows", 0) != 0 && sections[j].marker != "error")) {
      std::cerr << path << ": " << s.marker << ": expected '---- rows' or '---- error' after the query\n";
      return 2;
    }
    ++cases;
    Section& expected = sections[j];
    const bool unordered = expected.marker == "rows unordered";
    const std::string actual = AnswerText(*g, cypher::RunQuery(*g, Trimmed(s.body), params, options), unordered);
    const std::string want = unordered ? SortedRows(Trimmed(expected.body)) : Trimmed(expected.body);
    if (update) {
      expected.marker = actual.find(": error: ") != std::string::npos || actual.rfind("error: ", 0) == 0 ? "error" : expected.marker == "error" ? "rows" : expected.marker;
      expected.body = actual + "\n";
    } else if (actual != want) {
      ++failures;
      std::cout << path << ": " << s.marker << "\n" << Trimmed(s.body) << "\n--- expected\n" << want << "\n--- got\n" << actual << "\n\n";
    }
    i = j;
  }
  if (update) {
    std::string out = preamble;
    for (const Section& s : sections) out += "---- " + s.marker + "\n" + s.body;
    std::ofstream(path, std::ios::binary) << out;
  }
  std::cout << path << ": " << cases << " cases, " << failures << " differ\n";
  return failures ? 1 : 0;
}
