#!/usr/bin/env python3
"""The pattern-query table of tools/bench/run_queries: per dataset and workload, each tool's best
time over rounds and repeats, casegraph's ratio to Kuzu asking the same question (and to Kuzu's
walk count, another answer, for reference), and whether the answers agree; shortestPath beside
path. Exit status 1 if an answer differs or a target is missed (3x Kuzu; shortestPath within
1.5x of path).

Usage: query_report.py RESULTS.jsonl
"""
import json, sys

best, answers = {}, {}
for line in open(sys.argv[1]):
    r = json.loads(line)
    key = (r["dataset"], r["workload"], r["tool"])
    best[key] = min(best.get(key, float("inf")), r["best_seconds"])
    answers.setdefault(key, r["answers"])

ok = True
print("| dataset | pattern | casegraph | Kuzu, same question | casegraph faster | Kuzu, walks (another count) | faster | answers |")
print("|---|---|---:|---:|---:|---:|---:|---|")
datasets = sorted({k[0] for k in best}, key=lambda d: (d != "bitcoin-otc", d))
for ds in datasets:
    for w in ("2-hop", "3-hop", "2-hop undirected", "co-cited"):
        ours, kuzu, walks = best.get((ds, w, "casegraph")), best.get((ds, w, "kuzu")), best.get((ds, w, "kuzu walks"))
        if ours is None or kuzu is None:
            continue
        agree = answers[(ds, w, "casegraph")] == answers[(ds, w, "kuzu")]
        ratio = kuzu / ours
        ok = ok and agree and ratio >= 3
        walk = f"{1e3 * walks:.1f} ms | {walks / ours:.1f}x" if walks else "- | -"
        print(f"| {ds} | {w} | {1e3 * ours:.1f} ms | {1e3 * kuzu:.1f} ms | {ratio:.1f}x | {walk} | "
              f"{'agree' if agree else 'DIFFER'} ({answers[(ds, w, 'casegraph')][0]:,}) |")
print()
print("| dataset | shortestPath (200 pairs) | path (same pairs) | ratio | lengths |")
print("|---|---:|---:|---:|---|")
for ds in datasets:
    sp, p = best.get((ds, "shortestPath", "casegraph")), best.get((ds, "path", "casegraph"))
    if sp is None or p is None:
        continue
    agree = answers[(ds, "shortestPath", "casegraph")] == answers[(ds, "path", "casegraph")]
    ok = ok and agree and sp / p <= 1.5
    print(f"| {ds} | {1e3 * sp:.1f} ms | {1e3 * p:.1f} ms | {sp / p:.2f} | {'agree' if agree else 'DIFFER'} |")
sys.exit(0 if ok else 1)
