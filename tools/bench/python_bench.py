#!/usr/bin/env python3
"""The Python module's cost beside batch, on one graph (README "Performance", Python):
  - a path query: the mean time of g.path(a, b, directed=True) over the query pairs (5 times
    each), in one process with the graph loaded once, beside `casegraph batch` answering the same
    lines (its time for them less its time for no line, per line);
  - loading a snapshot: casegraph.load(SNAPSHOT) in process, beside the whole `casegraph -g SNAPSHOT
    batch` with no line less `casegraph --version` (the process alone).
Each is run ROUNDS times, alternating; the best round of each is reported, and all rounds.
Usage: python_bench.py CASEGRAPH SNAPSHOT PAIRS_CSV [ROUNDS]   (PYTHONPATH=build/python)"""
import csv
import json
import statistics
import subprocess
import sys
import time

import casegraph

casegraph_bin, snapshot, pairs_file = sys.argv[1:4]
rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 3
with open(pairs_file, newline="") as f:
    pairs = [(r["src"], r["dst"]) for r in csv.DictReader(f)]
lines = "".join(json.dumps({"command": "path", "from": a, "to": b, "directed": True}) + "\n" for a, b in pairs) * 5


def wall(args, stdin=""):
    start = time.perf_counter()
    subprocess.run(args, input=stdin, text=True, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


results = {"python_path_us": [], "batch_path_us": [], "python_load_ms": [], "cli_load_ms": []}
answers_agree = True
for _ in range(rounds):
    start = time.perf_counter()
    g = casegraph.load(snapshot)
    results["python_load_ms"].append((time.perf_counter() - start) * 1000)
    times = []
    for a, b in pairs * 5:
        start = time.perf_counter()
        g.path(a, b, directed=True)
        times.append(time.perf_counter() - start)
    results["python_path_us"].append(statistics.mean(times) * 1e6)
    empty = min(wall([casegraph_bin, "-g", snapshot, "batch"]) for _ in range(3))
    full = wall([casegraph_bin, "-g", snapshot, "batch"], lines)
    results["batch_path_us"].append((full - empty) / (len(pairs) * 5) * 1e6)
    process = min(wall([casegraph_bin, "--version"]) for _ in range(3))
    results["cli_load_ms"].append((empty - process) * 1000)
    del g

# The answers: the module's and batch's for every pair, compared once.
g = casegraph.load(snapshot)
batch = subprocess.run([casegraph_bin, "-g", snapshot, "batch"], input=lines, text=True, capture_output=True, check=True)
for (a, b), line in zip(pairs, batch.stdout.splitlines()):
    answers_agree &= g.path(a, b, directed=True) == json.loads(line)

best = {k: min(v) for k, v in results.items()}
print(json.dumps({"rounds": results, "best": best, "answers_agree": answers_agree}, indent=1))
print(f"path, directed: g.path {best['python_path_us']:.1f} us (mean call), batch {best['batch_path_us']:.1f} us per line: "
      f"{best['python_path_us'] / best['batch_path_us']:.2f}x (target <= 1.3x)")
print(f"snapshot load: casegraph.load {best['python_load_ms']:.1f} ms, the command line's {best['cli_load_ms']:.1f} ms: "
      f"{best['python_load_ms'] / best['cli_load_ms']:.2f}x")
print(f"answers agree: {answers_agree}")
sys.exit(0 if answers_agree else 1)
