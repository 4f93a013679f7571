#include <cstring>
#include <map>

#include "render/describe.h"
#include "render/export_render.h"
#include "render/style.h"

namespace casegraph {

namespace {

// Text inside a Mermaid quoted label, so that it renders as written (checked by rendering with
// Mermaid itself, tools/interop/check_mermaid.js): quotes, angle brackets, ampersands, hashes,
// pipes, backticks and backslashes as entity codes (a backslash before n would be a line break);
// line breaks as spaces; and the first letter of "style" and "classDef" as a code too, since
// Mermaid's pre-pass drops the last ';' of a line where "style...:...#...;" matches, which would
// break the codes.
std::string MermaidText(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (text.compare(i, 5, "style") == 0) {
      out += "#115;";
      continue;
    }
    if (text.compare(i, 8, "classDef") == 0) {
      out += "#99;";
      continue;
    }
    switch (c) {
      case '"': out += "#quot;"; break;
      case '<': out += "#lt;"; break;
      case '>': out += "#gt;"; break;
      case '&': out += "#amp;"; break;
      case '#': out += "#35;"; break;
      case '|': out += "#124;"; break;
      case '`': out += "#96;"; break;
      case '\\': out += "#92;"; break;
      case '\n': case '\r': case '\t': out += ' '; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20) out += c;
    }
  }
  return out;
}

// A relation's line by its status, as DOT draws it: heavy for fact and alleged, dashed for
// alleged and claimed, dotted for denied; "" for reported (Mermaid's default line).
std::string LinkStyle(ClaimStatus status) {
  const StatusLine line = StatusLineOf(status);
  std::string style;
  if (line.penwidth > 1) style = "stroke-width:3px";
  if (std::strcmp(line.style, "dashed") == 0) style += std::string(style.empty() ? "" : ",") + "stroke-dasharray:6 4";
  if (std::strcmp(line.style, "dotted") == 0) style += std::string(style.empty() ? "" : ",") + "stroke-dasharray:2 3";
  return style;
}

}  // namespace

std::string RenderMermaid(const Graph& g, const Subgraph& s) {
  std::string out = "flowchart LR\n";
  std::map<EntityId, std::string> node;
  for (EntityId v : s.entities) {
    std::string id(1, 'n');
    id += std::to_string(node.size());
    node[v] = id;
    out += "  " + id + "[\"" + MermaidText(std::string(g.entity_name(v))) + "\"]\n";
  }
  std::string styles;
  size_t link = 0;
  for (RelationId r : s.relations) {
    const Transient<Relation> relation = g.relation(r);
    const Relation& rel = *relation;
    std::string label = g.relation_type_info(g.relation_type(r)).label;
    if (rel.IsDated()) {
      label += " · ";
      label += RelationDateText(rel);
    }
    if (rel.status == ClaimStatus::kDenied) label += " (denied)";
    if (const std::string style = LinkStyle(rel.status); !style.empty()) {
      styles += "  linkStyle " + std::to_string(link) + " " + style + "\n";
    }
    ++link;
    const char* arrow = s.highlighted.count(r) ? " ==>" : " -->";
    if (g.is_symmetric(g.relation_type(r))) arrow = s.highlighted.count(r) ? " ===" : " ---";
    out += "  " + node[g.relation_from(r)] + arrow + "|\"" + MermaidText(label) + "\"| " + node[g.relation_to(r)] + "\n";
  }
  if (!styles.empty()) {
    out += "  %% lines by status: fact heavy, reported plain, alleged heavy dashed, claimed dashed, denied dotted\n";
    out += styles;
  }
  return out;
}

}  // namespace casegraph
