#include "render/html_render.h"

#include "render/describe.h"
#include "render/json_writer.h"
#include "render/svg_shapes.h"
#include "render/xml_escape.h"

namespace casegraph {

namespace {

// JSON to stand inside <script>: nothing may look like a tag or end the script, whatever a name
// holds.
std::string ScriptSafe(const std::string& json) {
  std::string out;
  for (const char c : json) {
    switch (c) {
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default: out += c;
    }
  }
  for (const char* separator : {"\xE2\x80\xA8", "\xE2\x80\xA9"}) {  // U+2028, U+2029
    for (size_t at = out.find(separator); at != std::string::npos; at = out.find(separator, at)) {
      out.replace(at, 3, separator[2] == '\xA8' ? "\\u2028" : "\\u2029");
    }
  }
  return out;
}

std::string DayOrNull(Day d) { return d <= kFirstDay || d >= kLastDay ? "" : DayText(d); }

// The JSON the page reads: entities and relations of the subgraph with everything the panels show.
std::string PageData(const Graph& g, const Subgraph& s, const std::string& title) {
  JsonOut json(false);
  json.StartObject();
  json.Field("title", title);
  json.Key("entities");
  json.StartArray();
  for (EntityId v : s.entities) json.EntityObject(*g.entity(v));
  json.EndArray();
  json.Key("types");
  json.StartObject();
  for (const auto& [id, t] : g.model().vocabulary.entity_types) json.Field(id, t.label);
  json.EndObject();
  json.Key("relations");
  json.StartArray();
  for (RelationId r : s.relations) {
    const Transient<Relation> relation = g.relation(r);
    const Relation& rel = *relation;
    const RelationType& t = g.relation_type_info(g.relation_type(r));
    json.StartObject();
    json.Field("id", rel.id);
    json.Field("type", rel.type);
    json.Field("label", t.label);
    json.Field("inverse", t.inverse);
    json.Key("symmetric");
    json.Bool(t.symmetric);
    json.Field("from", rel.from);
    json.Field("to", rel.to);
    json.DateFields(rel);
    // The days the relation may cover, as the command line's time filters read them: "" for an
    // open end; undated relations have neither.
    const DayInterval& time = g.relation_time(r);
    json.Key("dated");
    json.Bool(time.dated);
    json.Key("span");
    json.Bool(time.span);
    json.Field("first", time.dated ? DayOrNull(time.first) : "");
    json.Field("last", time.dated ? DayOrNull(time.last) : "");
    json.Field("when", RelationDateText(rel));
    json.Field("status", ClaimStatusName(rel.status));
    json.Key("weight");
    json.Double(rel.weight);
    json.Key("attributes");
    json.AttributesObject(rel.attributes);
    json.Key("evidence");
    json.StartArray();
    for (const Evidence& e : rel.evidence) {
      json.StartObject();
      json.Field("source", e.source);
      json.Field("quote", e.quote);
      json.Field("locator", e.locator);
      const Source* src = g.FindSource(e.source);
      json.Field("title", src ? src->title : "");
      json.Field("url", src ? src->url : "");
      json.EndObject();
    }
    json.EndArray();
    json.Key("highlighted");
    json.Bool(s.highlighted.count(r) > 0);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  return ScriptSafe(json.Text());
}

// Graphviz's SVG without its XML declaration, doctype and comments (which repeat names), to
// stand inside HTML.
std::string InlineSvg(const std::string& svg) {
  const size_t start = svg.find("<svg");
  std::string out = start == std::string::npos ? svg : svg.substr(start);
  for (size_t at = out.find("<!--"); at != std::string::npos; at = out.find("<!--", at)) {
    const size_t end = out.find("-->", at);
    out.erase(at, end == std::string::npos ? std::string::npos : end + 3 - at);
  }
  return out;
}

}  // namespace

std::string RenderHtml(const Graph& g, const Subgraph& s, const std::string& svg, const std::string& title,
                       HtmlDrawing drawing) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  // No request may leave the file: a policy that allows only what is inline.
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "script-src 'unsafe-inline'; img-src data:\">\n";
  out += "<title>" + XmlEscape(title.empty() ? "casegraph" : title) + "</title>\n";
  out += "<style>\n" + std::string(kHtmlStyle) + "</style>\n</head>\n<body>\n";
  out += "<header>\n  <h1>" + XmlEscape(title.empty() ? "casegraph" : title) + "</h1>\n";
  out += "  <div id=\"controls\"></div>\n</header>\n";
  out += "<main>\n<div id=\"view\" tabindex=\"0\" aria-label=\"The case, drawn; +/- zoom, arrows pan, 0 fits\">\n";
  if (drawing == HtmlDrawing::kSvg) out += InlineSvg(svg);
  out += "</div>\n<aside id=\"panel\" aria-live=\"polite\"><p class=\"hint\">Click an entity or a relation to read its "
         "evidence.</p></aside>\n</main>\n";
  out += "<script type=\"application/json\" id=\"case-data\">" + PageData(g, s, title) + "</script>\n";
  if (drawing == HtmlDrawing::kCanvas) {
    out += "<script type=\"application/json\" id=\"drawing-data\">" + ScriptSafe(SvgShapesJson(svg)) + "</script>\n";
  }
  out += "<script>\n" + std::string(kHtmlDrawingScript) + std::string(kHtmlScript) + "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace casegraph
