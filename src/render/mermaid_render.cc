#include <map>

#include "render/describe.h"
#include "render/export_render.h"

namespace casegraph {

namespace {

// Text inside a Mermaid quoted label: quotes, angle brackets, ampersands, hashes and pipes as
// entity codes; line breaks as spaces; so that no content can close the label or start markup.
std::string MermaidText(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '"': out += "#quot;"; break;
      case '<': out += "#lt;"; break;
      case '>': out += "#gt;"; break;
      case '&': out += "#amp;"; break;
      case '#': out += "#35;"; break;
      case '|': out += "#124;"; break;
      case '`': out += "#96;"; break;
      case '\n': case '\r': case '\t': out += ' '; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20) out += c;
    }
  }
  return out;
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
  for (RelationId r : s.relations) {
    const Transient<Relation> relation = g.relation(r);
    const Relation& rel = *relation;
    std::string label = g.relation_type_info(g.relation_type(r)).label;
    if (rel.IsDated()) {
      label += " · ";
      label += RelationDateText(rel);
    }
    const char* arrow = s.highlighted.count(r) ? " ==>" : " -->";
    if (g.is_symmetric(g.relation_type(r))) arrow = s.highlighted.count(r) ? " ===" : " ---";
    out += "  " + node[g.relation_from(r)] + arrow + "|\"" + MermaidText(label) + "\"| " + node[g.relation_to(r)] + "\n";
  }
  return out;
}

}  // namespace casegraph
