#include "render/dot_render.h"

#include <set>

#include "render/describe.h"

namespace casegraph {

std::string DotQuote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default: out += c;
    }
  }
  return out + "\"";
}

std::string RenderPathsDot(const Graph& g, const PathAnswer& answer) {
  std::set<EntityId> entities;
  std::set<RelationId> relations;
  for (const Path& p : answer.paths) {
    for (EntityId v : p.Entities()) entities.insert(v);
    for (const Hop& h : p.hops) relations.insert(h.relation);
  }
  std::string out = "digraph paths {\n  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n"
                    "  edge [fontname=\"Helvetica\", fontsize=10];\n";
  for (EntityId v : entities) {
    const Entity& e = g.entity(v);
    out += "  " + DotQuote(e.id) + " [label=" + DotQuote(e.name + "\n(" + e.type + ")") + "];\n";
  }
  for (RelationId r : relations) {
    const Relation& rel = g.relation(r);
    std::string label = DirectionLabel(g, r, true);
    if (rel.IsDated()) {
      label += '\n';
      label += RelationDateText(rel);
    }
    out += "  " + DotQuote(rel.from) + " -> " + DotQuote(rel.to) + " [label=" + DotQuote(label);
    if (!rel.evidence.empty()) out += ", tooltip=" + DotQuote(rel.evidence.front().quote);
    if (g.is_symmetric(g.relation_type(r))) out += ", dir=both";
    out += "];\n";
  }
  return out + "}\n";
}

}  // namespace casegraph
