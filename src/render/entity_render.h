// Entity answers: `show` (one entity and its relations) and `find` (matches by name).
#pragma once

#include <string>
#include <vector>

#include "graph/graph.h"
#include "graph/name_index.h"
#include "query/path.h"
#include "render/describe.h"

namespace casegraph {

std::string RenderShowText(const Graph& g, EntityId v);
std::string RenderShowJson(const Graph& g, const QueryEcho& query, EntityId v, bool pretty = true);

std::string RenderFindText(const Graph& g, const std::vector<NameMatch>& matches);
std::string RenderFindJson(const Graph& g, const QueryEcho& query, const std::vector<NameMatch>& matches,
                           bool pretty = true);

/// Every relation at v as a hop that starts at v (out-relations forward, in-relations backward),
/// in relation order; a self-relation appears once.
std::vector<Hop> HopsAt(const Graph& g, EntityId v);

}  // namespace casegraph
