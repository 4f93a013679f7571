#!/usr/bin/env python3
"""For every pair of a state actor (a regulator or a government) and a platform: the shortest
connection, how many hops it takes, and its weakest piece of evidence (the hop with the least
established status: denied < claimed < alleged < reported < fact), as a pandas DataFrame.

Usage: PYTHONPATH=build/python tools/examples/connections.py [GRAPH]   (default: graphs)"""
import os
import sys

try:
    import casegraph
except ImportError:  # run from a checkout: the module built into build/python
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "build", "python"))
    import casegraph
import pandas

STRENGTH = {"denied": 0, "claimed": 1, "alleged": 2, "reported": 3, "fact": 4}

g = casegraph.load(sys.argv[1] if len(sys.argv) > 1 else "graphs")
actors = g.query("MATCH (a) WHERE a:regulator OR a:government RETURN a.id AS id ORDER BY id")
platforms = g.query("MATCH (p:platform) RETURN p.id AS id ORDER BY id")

rows = []
for a in actors:
    for p in platforms:
        answer = g.path(a["id"], p["id"])
        if not answer["paths"]:
            rows.append({"actor": a["id"], "platform": p["id"], "hops": None})
            continue
        hops = answer["paths"][0]["hops"]
        weakest = min(hops, key=lambda h: STRENGTH[h["status"]])
        quote = weakest["evidence"][0]["quote"] if weakest["evidence"] else ""
        rows.append({"actor": a["id"], "platform": p["id"], "hops": len(hops),
                     "weakest": f'{weakest["from"]} {weakest["label"]} {weakest["to"]}',
                     "status": weakest["status"], "quote": quote[:60] + ("..." if len(quote) > 60 else "")})

frame = pandas.DataFrame(rows)
pandas.set_option("display.width", 200)
print(frame.to_string(index=False))
print(f"\n{len(frame)} pairs; weakest links by status: " +
      ", ".join(f"{s} {n}" for s, n in frame["status"].value_counts().sort_index().items()))
