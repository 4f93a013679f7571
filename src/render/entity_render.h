// Entity answers: `show` (one entity and its relations) and `find` (matches by name).
#pragma once

#include <string>
#include <vector>

#include "graph/graph.h"
#include "graph/name_index.h"
#include "query/path.h"
#include "render/describe.h"
#include "render/text_style.h"

namespace casegraph {

/// One entity and the given relations at it (hops that start at it, see RelationsAt).
std::string RenderShowText(const Graph& g, EntityId v, const std::vector<Hop>& relations,
                           const TextStyle& style = TextStyle());
std::string RenderShowJson(const Graph& g, const QueryEcho& query, EntityId v, const std::vector<Hop>& relations,
                           bool pretty = true);

std::string RenderFindText(const Graph& g, const std::vector<NameMatch>& matches, const TextStyle& style = TextStyle());
/// suggestions: when nothing matches, the entities whose names are closest ("suggestions").
std::string RenderFindJson(const Graph& g, const QueryEcho& query, const std::vector<NameMatch>& matches,
                           const std::vector<EntityId>& suggestions = {}, bool pretty = true);

}  // namespace casegraph
