#!/usr/bin/env python3
"""NetworkX peer: nx.shortest_path_length (a bidirectional BFS) and
single_source_shortest_path_length with a cutoff for k-hop counts."""
import time
import networkx as nx
import peer_common

a = peer_common.args("networkx")
t0 = time.perf_counter()
g = nx.DiGraph()
g.add_edges_from(peer_common.edges(a.edges, a.via))
for s, t in peer_common.pairs(a.queries):  # query ends with no relation of the filtered type
    g.add_node(s)
    g.add_node(t)
load = time.perf_counter() - t0
u = g.to_undirected(as_view=False) if "undirected" in a.modes else None

def answer(mode, workload, s, t):
    h = g if mode == "directed" else u
    if workload == "sp":
        try:
            return nx.shortest_path_length(h, s, t)
        except nx.NetworkXNoPath:
            return -1
    return len(nx.single_source_shortest_path_length(h, s, cutoff=int(workload[4:]))) - 1

peer_common.run(a, "networkx", load, answer)
