#!/usr/bin/env python3
"""Renumbers a prepared dataset's entities in breadth-first order, for trying whether locality of
numbering speeds up casegraph's searches.

Usage: relabel_bfs.py SRC_DIR OUT_DIR
SRC_DIR holds edges.csv (from,to,type) and pairs.csv (src,dst,kind) as tools/bench/prepare.py
writes them; OUT_DIR gets both renumbered: entities are numbered by a breadth-first search over
the relations taken both ways (each component from its first-mentioned entity), the rows sorted by
their new `from` (each entity's rows keep their order), and the query pairs renumbered alike, so
the same questions are asked of both numberings.
"""
import collections
import os
import sys


def main():
    src, out = sys.argv[1], sys.argv[2]
    rows, adjacency, first_seen = [], collections.defaultdict(list), {}
    with open(os.path.join(src, "edges.csv")) as f:
        header = f.readline()
        for line in f:
            a, b, t = line.rstrip("\n").split(",")
            rows.append((a, b, t))
            adjacency[a].append(b)
            adjacency[b].append(a)
            first_seen.setdefault(a, len(first_seen))
            first_seen.setdefault(b, len(first_seen))
    number = {}
    for start in first_seen:
        if start in number:
            continue
        number[start] = len(number)
        queue = collections.deque([start])
        while queue:
            for v in adjacency[queue.popleft()]:
                if v not in number:
                    number[v] = len(number)
                    queue.append(v)
    rows.sort(key=lambda r: number[r[0]])
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "edges.csv"), "w") as f:
        f.write(header)
        for a, b, t in rows:
            f.write(f"{number[a]},{number[b]},{t}\n")
    with open(os.path.join(src, "pairs.csv")) as f, open(os.path.join(out, "pairs.csv"), "w") as g:
        g.write(f.readline())
        for line in f:
            a, b, kind = line.rstrip("\n").split(",")
            g.write(f"{number[a]},{number[b]},{kind}\n")


if __name__ == "__main__":
    main()
