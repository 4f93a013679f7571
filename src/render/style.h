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

EntityStyle StyleOfEntityType(const Graph& g, TypeId type);
RelationStyle StyleOfRelationType(const Graph& g, TypeId type);

}  // namespace casegraph
