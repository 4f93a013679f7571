#!/usr/bin/env python3
"""Converts the benchmark datasets (shipped in the npm package kuzu@0.11.3) to casegraph CSV
edge files, and draws fixed-seed query pairs.

Writes DIR/<dataset>/edges.csv (header from,to,type), nodes.csv (header id, for Kuzu) and
pairs.csv (header src,dst,kind). Pairs: 85% uniform random pairs of distinct nodes, 10% whose
source is a sink (no path in directed mode), 5% whose ends lie in different weakly connected
components (no path in either mode; none when the graph is connected). Seed 42.

Usage: prepare.py DATASET_ROOT OUT_DIR [--pairs N] DATASET...
"""
import argparse, os, random, sys

def rows(root, name):
    """(src, dst, type) of each edge, ids as the decimal strings of the source files."""
    snap = os.path.join(root, "snap")
    if name in ("email-Eu-core", "wiki-Vote"):
        with open(os.path.join(snap, name, "edges.csv")) as f:
            for line in f:
                p = line.strip().split(",")
                if len(p) >= 2:
                    yield p[0], p[1], "rel"
    elif name == "bitcoin-otc":  # src,dst,rating,time: the rating's sign is the relation type
        with open(os.path.join(snap, name, "edges.csv")) as f:
            for line in f:
                p = line.strip().split(",")
                if len(p) >= 3:
                    yield p[0], p[1], "trust" if int(p[2]) > 0 else "distrust"
    elif name == "amazon0601":  # tab separated, CRLF, no header
        with open(os.path.join(snap, name, "csv", "amazon-edges.csv"), newline="") as f:
            for line in f:
                p = line.rstrip("\r\n").split("\t")
                if len(p) >= 2:
                    yield p[0], p[1], "rel"
    elif name == "ldbc-sf01-knows":  # two files, '|' separated, one header line each
        for part in ("Person_knows_Person.csv", "Person_knows_Person_1.csv"):
            with open(os.path.join(root, "ldbc-sf01", part)) as f:
                f.readline()
                for line in f:
                    p = line.strip().split("|")
                    if len(p) >= 2:
                        yield p[0], p[1], "knows"
    else:
        sys.exit(f"unknown dataset {name}")

def find(parent, x):
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("out")
    ap.add_argument("--pairs", type=int, default=200)
    ap.add_argument("datasets", nargs="+")
    a = ap.parse_args()
    for name in a.datasets:
        d = os.path.join(a.out, name)
        os.makedirs(d, exist_ok=True)
        if os.path.exists(os.path.join(d, "pairs.csv")):
            continue
        index, nodes, out_degree, ends = {}, [], [], []
        def node(x):
            i = index.get(x)
            if i is None:
                i = index[x] = len(nodes)
                nodes.append(x)
                out_degree.append(0)
            return i
        with open(os.path.join(d, "edges.csv.tmp"), "w") as out:
            out.write("from,to,type\n")
            for s, t, kind in rows(a.root, name):
                out.write(f"{s},{t},{kind}\n")
                i, j = node(s), node(t)
                out_degree[i] += 1
                ends.append((i, j))
        parent = list(range(len(nodes)))
        for i, j in ends:
            ri, rj = find(parent, i), find(parent, j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
        component = [find(parent, i) for i in range(len(nodes))]
        rng = random.Random(42)
        sinks = [i for i in range(len(nodes)) if out_degree[i] == 0]
        pairs = []
        n_sink = a.pairs // 10 if sinks else 0
        n_cross = a.pairs // 20 if len(set(component)) > 1 else 0
        for _ in range(n_sink):
            s, t = rng.choice(sinks), rng.randrange(len(nodes))
            while t == s:
                t = rng.randrange(len(nodes))
            pairs.append((s, t, "sink"))
        for _ in range(n_cross):
            while True:
                s, t = rng.randrange(len(nodes)), rng.randrange(len(nodes))
                if component[s] != component[t]:
                    break
            pairs.append((s, t, "cross"))
        while len(pairs) < a.pairs:
            s, t = rng.randrange(len(nodes)), rng.randrange(len(nodes))
            if s != t:
                pairs.append((s, t, "random"))
        rng.shuffle(pairs)
        with open(os.path.join(d, "nodes.csv"), "w") as out:
            out.write("id\n")
            out.writelines(x + "\n" for x in nodes)
        with open(os.path.join(d, "pairs.csv.tmp"), "w") as out:
            out.write("src,dst,kind\n")
            out.writelines(f"{nodes[s]},{nodes[t]},{k}\n" for s, t, k in pairs)
        os.replace(os.path.join(d, "edges.csv.tmp"), os.path.join(d, "edges.csv"))
        os.replace(os.path.join(d, "pairs.csv.tmp"), os.path.join(d, "pairs.csv"))
        print(f"{name}: {len(ends)} edges, {len(nodes)} nodes, {len(set(component))} components, "
              f"{len(sinks)} sinks", file=sys.stderr)

if __name__ == "__main__":
    main()
