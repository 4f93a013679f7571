#include "render/describe.h"

#include <cstdio>

namespace casegraph {

std::string RelationDateText(const Relation& r, bool unicode) {
  if (r.date) return r.date->text;
  if (r.start && r.end) return r.start->text + (unicode ? " – " : " - ") + r.end->text;
  if (r.start) return "since " + r.start->text;
  if (r.end) return "until " + r.end->text;
  return "undated";
}

std::string NumberText(double d) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", d);
  return buffer;
}

const std::string& DirectionLabel(const Graph& g, RelationId r, bool forward) {
  const RelationType& t = g.relation_type_info(g.relation_type(r));
  return forward ? t.label : t.inverse;
}

}  // namespace casegraph
