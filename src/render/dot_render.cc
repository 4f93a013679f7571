#include "render/dot_render.h"

#include <cctype>
#include <cstring>
#include <set>

#include "render/describe.h"
#include "render/xml_escape.h"
#include "render/style.h"

namespace casegraph {

namespace {

// A DOT string; entities: '&' as '&amp;', since Graphviz reads entities in labels and tooltips
// ("&amp;" written in a name would be drawn as "&"). A URL is copied as it is, so it has none.
std::string Quoted(std::string_view text, bool entities) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '&':
        out += entities ? "&amp;" : "&";
        break;
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') out += c;
    }
  }
  return out + "\"";
}

// Text in the legend's HTML-like label: HTML-escaped, and each backslash doubled, since Graphviz
// substitutes \N, \G and the like even there ("\N" in a type label would become "#legend").
std::string LegendText(const std::string& text) {
  std::string out;
  for (char c : XmlEscape(text)) {
    if (c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::string DotQuote(std::string_view text) { return Quoted(text, true); }

namespace {

// A source's URL as a link Graphviz can copy into SVG as it is: only http, https and mailto
// links (anything else, such as javascript:, is no link: ""), every byte that may not stand in an
// attribute or a URL percent-encoded, and '&' written as the entity '&amp;' (Graphviz copies a
// URL into xlink:href without escaping it, so a bare '&' would leave the SVG ill-formed).
std::string LinkUrl(std::string_view url) {
  std::string lower;
  for (char c : url.substr(0, 8)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.rfind("http://", 0) != 0 && lower.rfind("https://", 0) != 0 && lower.rfind("mailto:", 0) != 0) return "";
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : url) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c == '&') {
      out += "&amp;";
    } else if (c <= 0x20 || c >= 0x7f || std::strchr("\"'<>\\^`{|}", c)) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += ch;
    }
  }
  return out;
}

std::string EdgeTooltip(const Relation& r) {
  if (r.evidence.empty()) return "";
  const Evidence& e = r.evidence.front();
  return e.quote.empty() ? e.source + ": " + e.locator : e.quote;
}

}  // namespace

std::string RenderDot(const Graph& g, const Subgraph& s, const std::string& title, bool relation_labels) {
  std::string out = "digraph casegraph {\n";
  out += "  graph [rankdir=LR, fontname=\"Helvetica\", label=" + DotQuote(title) + ", labelloc=t];\n";
  // Dense drawings use square corners: a rounded box is five times the SVG of a square one.
  out += std::string("  node [fontname=\"Helvetica\", style=\"") + (relation_labels ? "filled,rounded" : "filled") +
         "\", shape=box];\n";
  out += "  edge [fontname=\"Helvetica\", fontsize=10];\n";
  std::set<TypeId> entity_types, relation_types;
  std::set<ClaimStatus> statuses;
  // With a highlighted path, its entities get a bold border and everything else is greyed out.
  std::set<EntityId> on_path;
  for (RelationId r : s.highlighted) {
    on_path.insert(g.relation_from(r));
    on_path.insert(g.relation_to(r));
  }
  const bool dim = !s.highlighted.empty();
  for (EntityId v : s.entities) {
    const Transient<Entity> entity = g.entity(v);
    const Entity& e = *entity;
    const EntityStyle style = StyleOfEntityType(g, g.entity_type(v));
    entity_types.insert(g.entity_type(v));
    out += "  " + DotQuote(e.id) + " [label=" + DotQuote(e.name) + ", fillcolor=" + DotQuote(style.color) +
           ", shape=" + DotQuote(style.shape) + ", tooltip=" + DotQuote(e.description.empty() ? e.name : e.description);
    if (on_path.count(v)) out += ", penwidth=2.5";
    else if (dim) out += ", color=\"gray60\", fontcolor=\"gray35\"";
    out += "];\n";
  }
  for (RelationId r : s.relations) {
    const Transient<Relation> relation = g.relation(r);
    const Relation& rel = *relation;
    const TypeId type = g.relation_type(r);
    relation_types.insert(type);
    const ClaimStatus status = g.relation_status(r);
    statuses.insert(status);
    std::string label = DirectionLabel(g, r, true);
    if (status == ClaimStatus::kDenied) label += " (denied)";
    if (rel.IsDated()) {
      label += '\n';
      label += RelationDateText(rel);
    }
    const bool bold = s.highlighted.count(r) > 0;
    if (!relation_labels && !bold) label = status == ClaimStatus::kDenied ? "(denied)" : "";
    const std::string color = dim && !bold ? "gray75" : StyleOfRelationType(g, type).color;
    out += "  " + DotQuote(rel.from) + " -> " + DotQuote(rel.to) + " [id=" + DotQuote(rel.id) +
           (label.empty() ? "" : ", label=" + DotQuote(label)) + ", color=" + DotQuote(color);
    if (dim && !bold) out += ", fontcolor=\"gray50\"";
    if (const std::string tip = EdgeTooltip(rel); !tip.empty()) out += ", tooltip=" + DotQuote(tip);
    if (!rel.evidence.empty()) {
      if (const Source* src = g.FindSource(rel.evidence.front().source)) {
        if (const std::string url = LinkUrl(src->url); !url.empty()) out += ", URL=" + Quoted(url, false);
      }
    }
    if (g.is_symmetric(type)) out += ", dir=none";
    const StatusLine line = StatusLineOf(status);
    std::string style = line.style;
    if (bold) style += style.empty() ? "bold" : ",bold";
    if (!style.empty()) out += ", style=" + DotQuote(style);
    if (bold) out += ", penwidth=" + std::to_string(2 * line.penwidth + 1) + ".5, fontname=\"Helvetica-Bold\"";  // 3.5 or 5.5
    else if (line.penwidth != 1) out += ", penwidth=" + std::to_string(line.penwidth);
    out += "];\n";
  }
  // The legend: one table node (an HTML-like label, so every string in it is HTML-escaped) listing
  // the entity types drawn, filled in their colours, and the relation types drawn, in theirs.
  out += "  subgraph cluster_legend {\n    label=\"Legend\";\n    style=dashed;\n";
  std::string table = "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"2\" CELLPADDING=\"4\">";
  for (TypeId t : entity_types) {
    const EntityStyle style = StyleOfEntityType(g, t);
    table += "<TR><TD BGCOLOR=\"" + XmlEscape(style.color) + "\">" + LegendText(style.label) + "</TD></TR>";
  }
  for (TypeId t : relation_types) {
    table += "<TR><TD BORDER=\"0\"><FONT COLOR=\"" + XmlEscape(StyleOfRelationType(g, t).color) + "\">&#8594; " +
             LegendText(g.relation_type_info(t).label) + "</FONT></TD></TR>";
  }
  // How sure a relation is, by its line: the statuses drawn, each with its line's look.
  for (ClaimStatus st : statuses) {
    table += "<TR><TD BORDER=\"0\" ALIGN=\"LEFT\">" + XmlEscape(StatusLineOf(st).legend) + "</TD></TR>";
  }
  table += "</TABLE>";
  out += "    \"#legend\" [shape=plaintext, style=\"\", label=<" + table + ">];\n";
  out += "  }\n}\n";
  return out;
}

}  // namespace casegraph
