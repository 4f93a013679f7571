#!/usr/bin/env python3
"""Who holds the case together? Ranks entities by betweenness, lists the brokers (entities and
relations whose removal splits the case), and for the top broker shows what it connects, with the
evidence. All through one `casegraph batch` process (standard library only).

Usage: tools/examples/brokers.py [CASEGRAPH] [GRAPH]
"""
import json
import subprocess
import sys


def ask(casegraph, graph, queries):
    lines = "".join(json.dumps(q) + "\n" for q in queries)
    run = subprocess.run([casegraph, "-g", graph, "batch"], input=lines, capture_output=True, text=True, check=True)
    return [json.loads(line) for line in run.stdout.splitlines()]


def main():
    casegraph = sys.argv[1] if len(sys.argv) > 1 else "build/casegraph"
    graph = sys.argv[2] if len(sys.argv) > 2 else "graphs"
    ranking, brokers = ask(casegraph, graph, [
        {"command": "rank", "by": "betweenness", "top": 5},
        {"command": "brokers"},
    ])
    print("Most between (betweenness centrality):")
    for place, entry in enumerate(ranking["ranking"], 1):
        print(f"  {place}. {entry['name']:<40} {entry['score']:.2f}")
    points = brokers["articulation_points"]
    print(f"\nBrokers: removing any of these splits the case: {', '.join(p['name'] for p in points)}")
    print("Bridges: single relations that alone hold a part of the case on:")
    for hop in brokers["bridges"]:
        print(f"  {hop['from']} {hop['label']} {hop['to']} ({hop['date'] or 'undated'}, {hop['status']})")
    top = ranking["ranking"][0]
    neighbours, = ask(casegraph, graph, [{"command": "neighbors", "entity": top["entity"]}])
    print(f"\n{top['name']} connects {len(neighbours['neighbours'])} entities directly:")
    for n in neighbours["neighbours"]:
        hop = n["reached_by"][0]
        quote = next((e["quote"] for e in hop["evidence"] if e.get("quote")), None)
        print(f"  {n['name']}: {top['name']} {hop['label']} {n['name']}"
              + (f' - "{quote[:80]}{"..." if len(quote) > 80 else ""}"' if quote else ""))


if __name__ == "__main__":
    main()
