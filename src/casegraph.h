// casegraph's library in one header: load a case (case files, CSV edge files, FollowTheMoney
// files or a snapshot) into an immutable graph, resolve what people call its entities, and ask
// it for paths, timelines, neighbourhoods, rankings and brokers, each answer carrying the
// relations that make it, with their dates, statuses and evidence. Errors are Status values.
//
//   casegraph::Result<std::shared_ptr<const casegraph::Graph>> g = casegraph::LoadGraph({"graphs"});
//   casegraph::Resolution from = g.value()->Resolve("Navalny");
//
// tools/examples/connect.cc is a whole program. Link with casegraph::core (find_package(casegraph)).
#pragma once

#include "graph/graph.h"
#include "graph/name_index.h"
#include "io/graph_loader.h"
#include "model/case.h"
#include "model/status.h"
#include "model/version.h"
#include "query/brokers.h"
#include "query/filter.h"
#include "query/neighbourhood.h"
#include "query/path.h"
#include "query/ranking.h"
#include "query/relations_at.h"
#include "query/stats.h"
#include "query/subgraph.h"
#include "query/time_filter.h"
#include "query/timeline.h"
#include "render/describe.h"
