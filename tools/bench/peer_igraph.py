#!/usr/bin/env python3
"""python-igraph peer: get_shortest_paths to one target (a BFS that stops there) and
neighborhood_size with mindist=1 for k-hop counts."""
import time
import igraph
import peer_common

a = peer_common.args("igraph")
t0 = time.perf_counter()
index = {}
def node(x):
    i = index.get(x)
    if i is None:
        i = index[x] = len(index)
    return i
ends = [(node(s), node(t)) for s, t in peer_common.edges(a.edges, a.via)]
for s, t in peer_common.pairs(a.queries):
    node(s)
    node(t)
g = igraph.Graph(n=len(index), edges=ends, directed=True)
del ends
load = time.perf_counter() - t0

def answer(mode, workload, s, t):
    m = igraph.OUT if mode == "directed" else igraph.ALL
    if workload == "sp":
        path = g.get_shortest_paths(index[s], to=index[t], mode=m, output="vpath")[0]
        return len(path) - 1 if path else -1
    return g.neighborhood_size(index[s], order=int(workload[4:]), mode=m, mindist=1)

peer_common.run(a, "igraph", load, answer)
