"""What the Python peers share: arguments, the edge and pair files, timing, the JSON record
(the same fields casegraph_peer_bench writes)."""
import argparse, json, statistics, sys, time

def args(tool):
    ap = argparse.ArgumentParser(description=f"{tool}: shortest paths and k-hop counts")
    ap.add_argument("--edges", required=True)
    ap.add_argument("--queries", required=True)
    ap.add_argument("--dataset", required=True)
    ap.add_argument("--via", default=None, help="only follow relations of this type")
    ap.add_argument("--workloads", default="sp,khop2,khop3")
    ap.add_argument("--modes", default="directed,undirected")
    ap.add_argument("--out", default=None)
    return ap.parse_args()

def edges(path, via):
    with open(path) as f:
        f.readline()
        for line in f:
            s, t, kind = line.rstrip("\n").split(",")
            if via is None or kind == via:
                yield s, t

def pairs(path):
    with open(path) as f:
        f.readline()
        return [tuple(line.rstrip("\n").split(",")[:2]) for line in f if line.strip()]

def peak_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return -1.0

def run(a, tool, load_seconds, answer):
    """answer(mode, workload, src, dst) -> int; one record per mode and workload."""
    qs = pairs(a.queries)
    for workload in a.workloads.split(","):
        for mode in a.modes.split(","):
            answers, micros = [], []
            for s, t in qs:
                t0 = time.perf_counter()
                answers.append(answer(mode, workload, s, t))
                micros.append((time.perf_counter() - t0) * 1e6)
            srt = sorted(micros)
            rec = {"tool": tool, "dataset": a.dataset, "mode": mode, "workload": workload, "rel_type": a.via,
                   "load_seconds": round(load_seconds, 4), "peak_rss_mb": round(peak_mb(), 1), "queries": len(qs),
                   "total_query_seconds": sum(micros) / 1e6, "median_query_us": statistics.median(micros),
                   "p90_query_us": srt[int(0.9 * (len(srt) - 1))],
                   "unreachable": answers.count(-1) if workload == "sp" else None,
                   "answers": answers, "pairs": [f"{s}>{t}" for s, t in qs]}
            line = json.dumps(rec)
            print(line)
            if a.out:
                with open(a.out, "a") as f:
                    f.write(line + "\n")
            print(f"[{tool}] {a.dataset} {mode} {workload} load={load_seconds:.3f}s "
                  f"median={rec['median_query_us']:.1f}us peak={rec['peak_rss_mb']:.0f}MB", file=sys.stderr)
