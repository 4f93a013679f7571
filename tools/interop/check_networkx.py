#!/usr/bin/env python3
"""Reads casegraph's GraphML and node-link JSON exports with NetworkX and checks them against
casegraph's own counts and names.

Usage: check_networkx.py CASEGRAPH GRAPH_PATH... (each graph path is exported and checked)
Standard library and NetworkX only.
"""
import csv
import json
import os
import subprocess
import sys
import tempfile

import networkx as nx


def casegraph(binary, graph, *args):
    out = subprocess.run([binary, "-g", graph, *args], check=True, capture_output=True, text=True)
    return out.stdout


def node_link(data):
    # NetworkX 3.4 renamed node_link_graph's `link` argument to `edges`; older ones only have `link`.
    try:
        return nx.node_link_graph(data, edges="links")
    except TypeError:
        return nx.node_link_graph(data, link="links")


def xml_text(s):
    # XML 1.0 cannot hold control characters other than tab and line breaks.
    return "".join(c for c in s if c >= " " or c in "\t\n\r")


def graphml_fields(g, exported, symmetric):
    """Every field of the JSON export, as NetworkX read it from the GraphML export; symmetric (which
    the JSON export does not say) as the CSV export says it."""
    failures = []

    def differ(what, got, want):
        if got != want and len(failures) < 5:
            failures.append(f"graphml: {what}: {got!r}, the JSON export has {want!r}")

    for node in exported["nodes"]:
        data = g.nodes[node["id"]]
        differ(f"entity {node['id']} type", data.get("type"), node["type"])
        differ(f"entity {node['id']} description", data.get("description", ""), xml_text(node["description"]))
        differ(f"entity {node['id']} aliases", json.loads(data.get("aliases", "[]")), node["aliases"])
        differ(f"entity {node['id']} attributes", json.loads(data.get("attributes", "{}")), node["attributes"])
    edges = {data["edge.relation"]: data for _, _, data in g.edges(data=True)}
    for link in exported["links"]:
        data = edges.get(link["key"], {})
        differ(f"relation {link['key']} status", data.get("edge.status"), link["status"])
        differ(f"relation {link['key']} dates", [data.get("edge." + k) for k in ("date", "start", "end")],
               [link.get(k) for k in ("date", "start", "end")])
        differ(f"relation {link['key']} weight", data.get("edge.weight"), link["weight"])
        # written as a case file writes evidence: no "quote": null beside a locator
        as_written = [{k: v for k, v in e.items() if v is not None} for e in link["evidence"]]
        differ(f"relation {link['key']} evidence", json.loads(data.get("edge.evidence", "[]")), as_written)
        differ(f"relation {link['key']} attributes", json.loads(data.get("edge.attributes", "{}")), link["attributes"])
        differ(f"relation {link['key']} symmetric", data.get("edge.symmetric"), symmetric[link["key"]])
    return failures


def check(binary, graph):
    stats = json.loads(casegraph(binary, graph, "stats", "--format", "json"))
    names = {}
    exported = json.loads(casegraph(binary, graph, "export", "--to", "json"))
    for node in exported["nodes"]:
        names[node["id"]] = node["name"]
    failures = []
    with tempfile.TemporaryDirectory() as scratch:
        graphml = os.path.join(scratch, "case.graphml")
        subprocess.run([binary, "-g", graph, "export", "--to", "graphml", "-o", graphml], check=True)
        csv_dir = os.path.join(scratch, "csv")
        subprocess.run([binary, "-g", graph, "export", "--to", "csv", "-o", csv_dir], check=True)
        with open(os.path.join(csv_dir, "relationships.csv"), newline="", encoding="utf-8") as f:
            symmetric = {row["id"]: row["symmetric:boolean"] == "true" for row in csv.DictReader(f)}
        readers = {
            "graphml": nx.read_graphml(graphml, force_multigraph=True),
            "node-link json": node_link(exported),
        }
        for name, g in readers.items():
            if not g.is_directed() or not g.is_multigraph():
                failures.append(f"{name}: not read as a directed multigraph")
            if g.number_of_nodes() != stats["entities"]:
                failures.append(f"{name}: {g.number_of_nodes()} nodes, casegraph has {stats['entities']} entities")
            if g.number_of_edges() != stats["relations"]:
                failures.append(f"{name}: {g.number_of_edges()} edges, casegraph has {stats['relations']} relations")
            for node_id, data in g.nodes(data=True):
                expected = names.get(node_id)
                if name == "graphml" and expected is not None:
                    # XML 1.0 cannot hold control characters other than tab and line breaks.
                    expected = "".join(c for c in expected if c >= " " or c in "\t\n\r")
                if data.get("name") != expected:
                    failures.append(f"{name}: node {node_id!r} has name {data.get('name')!r}, expected {expected!r}")
                    break
            if name == "graphml":
                failures += graphml_fields(g, exported, symmetric)
            types = {data.get("type") for _, _, data in g.edges(data=True)} if name != "graphml" else \
                {data.get("edge.type") for _, _, data in g.edges(data=True)}
            if types != set(stats["relation_types"]):
                failures.append(f"{name}: relation types {sorted(types)} differ from {sorted(stats['relation_types'])}")
    print(f"networkx {nx.__version__}: {graph}: {stats['entities']} nodes, {stats['relations']} edges:",
          "ok" if not failures else "FAILED")
    for f in failures:
        print("  " + f)
    return not failures


def main():
    binary, graphs = sys.argv[1], sys.argv[2:]
    results = [check(binary, g) for g in graphs]
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
