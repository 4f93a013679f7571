// `timeline` answers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "graph/graph.h"
#include "render/describe.h"
#include "render/text_style.h"

namespace casegraph {

std::string RenderTimelineText(const Graph& g, std::optional<EntityId> entity, const std::vector<RelationId>& events,
                               const TextStyle& style = TextStyle());
std::string RenderTimelineJson(const Graph& g, const QueryEcho& query, const std::vector<RelationId>& events,
                               bool pretty = true);

}  // namespace casegraph
