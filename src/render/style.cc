#include "render/style.h"

namespace casegraph {

namespace {

// Light fills for entities, darker strokes for relations (ColorBrewer Set3 and Dark2 families).
const char* const kFills[] = {"#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
                              "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f"};
const char* const kStrokes[] = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02",
                                "#a6761d", "#666666", "#1f78b4", "#b2182b", "#35978f", "#8c510a"};
const char* const kShapes[] = {"box", "ellipse", "hexagon", "octagon", "component", "note", "house", "diamond"};

}  // namespace

EntityStyle StyleOfEntityType(const Graph& g, TypeId type) {
  const std::string& id = g.entity_type_names()[type];
  EntityStyle s{id, kFills[type % std::size(kFills)], kShapes[(type / std::size(kFills)) % std::size(kShapes)]};
  const auto& types = g.model().vocabulary.entity_types;
  if (auto it = types.find(id); it != types.end()) {
    if (!it->second.label.empty()) s.label = it->second.label;
    if (!it->second.color.empty()) s.color = it->second.color;
    if (!it->second.shape.empty()) s.shape = it->second.shape;
  }
  return s;
}

RelationStyle StyleOfRelationType(const Graph& g, TypeId type) {
  RelationStyle s{kStrokes[type % std::size(kStrokes)]};
  const RelationType& info = g.relation_type_info(type);
  if (!info.color.empty()) s.color = info.color;
  return s;
}

StatusLine StatusLineOf(ClaimStatus status) {
  switch (status) {
    case ClaimStatus::kFact: return {"", 2, "━━━ fact (heavy, solid)"};
    case ClaimStatus::kReported: return {"", 1, "─── reported (solid)"};
    case ClaimStatus::kAlleged: return {"dashed", 2, "━ ━ ━ alleged (heavy, dashed)"};
    case ClaimStatus::kClaimed: return {"dashed", 1, "- - - claimed (dashed)"};
    case ClaimStatus::kDenied: return {"dotted", 1, "· · · denied (dotted, marked in its label)"};
  }
  return {"", 1, ""};
}

}  // namespace casegraph
