// How entity and relation types look in pictures: the vocabulary's colour and shape when it
// gives them, else a fixed palette by the type's position among the graph's types.
#pragma once

#include <string>

#include "graph/graph.h"

namespace casegraph {

struct EntityStyle {
  std::string label;  // the type's label ("Regulator"), or the type id
  std::string color;  // fill colour, "#rrggbb" or a Graphviz colour name
  std::string shape;  // a Graphviz shape
};

struct RelationStyle {
  std::string color;
};

/// How a relation's line shows its status, in every picture: a fact heavy and solid, reported
/// solid, alleged heavy and dashed, claimed dashed, denied dotted (and "(denied)" in its label).
struct StatusLine {
  const char* style;  // Graphviz's edge style: "", "dashed" or "dotted"
  int penwidth;
  const char* legend;  // the legend's line: a sample of the line and what it means
};
StatusLine StatusLineOf(ClaimStatus status);

EntityStyle StyleOfEntityType(const Graph& g, TypeId type);
RelationStyle StyleOfRelationType(const Graph& g, TypeId type);

}  // namespace casegraph
