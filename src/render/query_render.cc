#include "render/query_render.h"

#include <cmath>
#include <cstdio>

#include "render/describe.h"
#include "render/export_render.h"
#include "render/json_writer.h"
#include "text/unicode.h"

namespace casegraph {

using cypher::Value;

namespace {

std::string ValueNumberText(const Value& v) {
  if (v.kind() == Value::Kind::kInt) return std::to_string(v.integer());
  const double d = v.number();
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.15g", d);
  std::string s = buffer;
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}

std::string HopText(const Graph& g, const Hop& h, const TextStyle& style) {
  const std::string label = DirectionLabel(g, h.relation, h.forward);
  return std::string(g.entity_name(h.from)) + (style.fancy ? " —" + label + "→ " : " -" + label + "-> ") +
         std::string(g.entity_name(h.to));
}

// A cell: plain text (no colour, so columns line up).
std::string CellText(const Graph& g, const Value& v, const TextStyle& style) {
  switch (v.kind()) {
    case Value::Kind::kNull: return "null";
    case Value::Kind::kBool: return v.boolean() ? "true" : "false";
    case Value::Kind::kInt:
    case Value::Kind::kFloat: return ValueNumberText(v);
    case Value::Kind::kString: return v.string();
    case Value::Kind::kNode: return std::string(g.entity_name(v.node())) + " [" + std::string(g.entity_id(v.node())) + "]";
    case Value::Kind::kRelationship: return HopText(g, v.relationship(), style);
    case Value::Kind::kPath: {
      std::string out(g.entity_name(v.path().start));
      for (const Hop& h : v.path().hops) {
        const std::string label = DirectionLabel(g, h.relation, h.forward);
        out += (style.fancy ? " —" + label + "→ " : " -" + label + "-> ") + std::string(g.entity_name(h.to));
      }
      return out;
    }
    case Value::Kind::kList: {
      std::string out = "[";
      for (size_t i = 0; i < v.list().size(); ++i) {
        if (i) out += ", ";
        out += CellText(g, v.list()[i], style);
      }
      return out + "]";
    }
    case Value::Kind::kMap: {
      std::string out = "{";
      for (size_t i = 0; i < v.map().size(); ++i) {
        if (i) out += ", ";
        out += v.map()[i].first + ": " + CellText(g, v.map()[i].second, style);
      }
      return out + "}";
    }
  }
  return "";
}

// The relationships a row shows, for the quotes below it.
void RelationsOf(const Value& v, std::vector<RelationId>* out) {
  if (v.kind() == Value::Kind::kRelationship) out->push_back(v.relation());
  if (v.kind() == Value::Kind::kPath) {
    for (const Hop& h : v.path().hops) out->push_back(h.relation);
  }
  if (v.kind() == Value::Kind::kList) {
    for (const Value& x : v.list()) RelationsOf(x, out);
  }
}

std::string Padded(const std::string& s, size_t width) {
  const size_t n = CountCodePoints(s);
  return s + std::string(width > n ? width - n : 0, ' ');
}

std::string TrimRight(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

}  // namespace

std::string RenderQueryText(const Graph& g, const cypher::QueryAnswer& answer, size_t row_limit, const TextStyle& style) {
  std::vector<std::vector<std::string>> cells;
  std::vector<size_t> width;
  for (const std::string& c : answer.columns) width.push_back(CountCodePoints(c));
  for (const cypher::ValueList& row : answer.rows) {
    std::vector<std::string>& line = cells.emplace_back();
    for (size_t i = 0; i < row.size(); ++i) {
      line.push_back(CellText(g, row[i], style));
      width[i] = std::max(width[i], CountCodePoints(line.back()));
    }
  }
  std::string out, header, rule;
  for (size_t i = 0; i < answer.columns.size(); ++i) {
    if (i) {
      header += "  ";
      rule += "  ";
    }
    header += Padded(answer.columns[i], width[i]);
    rule += std::string(width[i], '-');
  }
  out += TrimRight(header) + "\n" + rule + "\n";
  for (size_t r = 0; r < cells.size(); ++r) {
    std::string line;
    for (size_t i = 0; i < cells[r].size(); ++i) {
      if (i) line += "  ";
      line += Padded(cells[r][i], width[i]);
    }
    out += TrimRight(line) + "\n";
    std::vector<RelationId> relations;
    for (const Value& v : answer.rows[r]) RelationsOf(v, &relations);
    for (RelationId rel : relations) {
      for (const Evidence& e : g.relation_evidence(rel)) {
        out += "    " + (e.quote.empty() ? e.locator : style.Quote(e.quote)) + " " + style.Dash() + " " + e.source + "\n";
      }
    }
  }
  const size_t n = answer.rows.size();
  out += "\n";
  if (n == 0) {
    out += "no rows\n";
  } else {
    out += std::to_string(n);
    out += n == 1 ? " row\n" : " rows\n";
  }
  if (answer.truncated) {
    out += "(stopped at the limit of " + std::to_string(row_limit) + " rows; more exist: raise --limit)\n";
  }
  return out;
}

void WriteValueJson(const Graph& g, const Value& v, JsonOut* out) {
  switch (v.kind()) {
    case Value::Kind::kNull: out->Null(); return;
    case Value::Kind::kBool: out->Bool(v.boolean()); return;
    case Value::Kind::kInt: out->Int(v.integer()); return;
    case Value::Kind::kFloat:
      if (std::isfinite(v.number())) {
        out->Double(v.number());
      } else {
        out->Null();  // JSON has no NaN or infinity
      }
      return;
    case Value::Kind::kString: out->String(v.string()); return;
    case Value::Kind::kNode:
      out->StartObject();
      out->Key("entity");
      out->String(g.entity_id(v.node()));
      out->Key("name");
      out->String(g.entity_name(v.node()));
      out->Field("type", g.entity_type_name(v.node()));
      out->EndObject();
      return;
    case Value::Kind::kRelationship: out->HopObject(g, v.relationship()); return;
    case Value::Kind::kPath: {
      Path p(v.path().start, v.path().hops, static_cast<double>(v.path().hops.size()));
      out->StartObject();
      out->Key("length");
      out->Int(static_cast<int64_t>(p.hops.size()));
      out->Key("entities");
      out->StartArray();
      for (EntityId e : p.Entities()) out->String(g.entity_id(e));
      out->EndArray();
      out->Key("hops");
      out->StartArray();
      for (const Hop& h : p.hops) out->HopObject(g, h);
      out->EndArray();
      out->EndObject();
      return;
    }
    case Value::Kind::kList:
      out->StartArray();
      for (const Value& x : v.list()) WriteValueJson(g, x, out);
      out->EndArray();
      return;
    case Value::Kind::kMap:
      out->StartObject();
      for (const auto& [k, x] : v.map()) {
        out->Key(k);
        WriteValueJson(g, x, out);
      }
      out->EndObject();
      return;
  }
}

std::string RenderQueryJson(const Graph& g, const std::string& text, const cypher::ValueMap& params,
                            const cypher::QueryAnswer& answer, bool pretty) {
  JsonOut json(pretty);
  json.StartObject();
  json.Key("casegraph");
  json.Int(1);
  json.Key("query");
  json.StartObject();
  json.Field("command", "query");
  json.Field("text", text);
  json.Key("params");
  WriteValueJson(g, Value::Map(params), &json);
  json.EndObject();
  json.Key("columns");
  json.StringArray(answer.columns);
  json.Key("rows");
  json.StartArray();
  for (const cypher::ValueList& row : answer.rows) {
    json.StartArray();
    for (const Value& v : row) WriteValueJson(g, v, &json);
    json.EndArray();
  }
  json.EndArray();
  json.Key("truncated");
  json.Bool(answer.truncated);
  return json.End();
}

namespace {

std::string CsvCell(const Graph& g, const Value& v) {
  std::string text;
  switch (v.kind()) {
    case Value::Kind::kNull: return "";
    case Value::Kind::kNode: text = std::string(g.entity_id(v.node())); break;
    case Value::Kind::kRelationship: text = g.relation_id(v.relation()); break;
    case Value::Kind::kPath:
    case Value::Kind::kList:
    case Value::Kind::kMap: {
      JsonOut json(false);
      WriteValueJson(g, v, &json);
      text = json.Text();
      break;
    }
    default: text = CellText(g, v, TextStyle());
  }
  return CsvField(text);
}

}  // namespace

std::string RenderQueryCsv(const Graph& g, const cypher::QueryAnswer& answer) {
  std::string out;
  for (size_t i = 0; i < answer.columns.size(); ++i) {
    if (i) out += ',';
    out += CsvField(answer.columns[i]);
  }
  out += '\n';
  for (const cypher::ValueList& row : answer.rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      out += CsvCell(g, row[i]);
    }
    out += '\n';
  }
  return out;
}

}  // namespace casegraph
