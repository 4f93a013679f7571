#!/usr/bin/env node
// Kuzu peer (npm kuzu@0.11.3): nodes and relations loaded with COPY FROM, then prepared
// queries: [* SHORTEST 1..30] for path lengths, count(DISTINCT b) over [* SHORTEST 1..k] for
// k-hop counts; the relation-type filter inside the pattern.
// Usage: KUZU_MODULE=.../node_modules/kuzu node peer_kuzu.js --edges E --nodes N --queries Q
//        --dataset D [--via TYPE] [--workloads sp,khop2,khop3] [--modes directed,undirected] [--out F]
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const kuzu = require(process.env.KUZU_MODULE);

const opt = { workloads: "sp,khop2,khop3", modes: "directed,undirected", via: null, out: null };
for (let i = 2; i + 1 < process.argv.length; i += 2) opt[process.argv[i].slice(2)] = process.argv[i + 1];

function peakMb() {
  const m = fs.readFileSync("/proc/self/status", "utf8").match(/VmHWM:\s+(\d+)/);
  return m ? Number(m[1]) / 1024 : -1;
}

async function main() {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "casegraph-bench-kuzu-"));
  const t0 = process.hrtime.bigint();
  const db = new kuzu.Database(path.join(scratch, "db"));
  const conn = new kuzu.Connection(db);
  await conn.query("CREATE NODE TABLE N(id STRING, PRIMARY KEY(id))");
  await conn.query("CREATE REL TABLE E(FROM N TO N, type STRING)");
  await conn.query(`COPY N FROM '${opt.nodes}' (HEADER=true)`);
  await conn.query(`COPY E FROM '${opt.edges}' (HEADER=true)`);
  const load = Number(process.hrtime.bigint() - t0) / 1e9;
  const pairs = fs.readFileSync(opt.queries, "utf8").trim().split("\n").slice(1).map((l) => l.split(",").slice(0, 2));
  const filter = opt.via ? ` (r, n | WHERE r.type = '${opt.via}')` : "";
  for (const workload of opt.workloads.split(",")) {
    for (const mode of opt.modes.split(",")) {
      const arrow = mode === "directed" ? "->" : "-";
      const q = workload === "sp"
          ? `MATCH p = (a:N {id: $s})-[:E* SHORTEST 1..30${filter}]${arrow}(b:N {id: $t}) RETURN length(p) AS v`
          : `MATCH (a:N {id: $s})-[:E* SHORTEST 1..${workload.slice(4)}${filter}]${arrow}(b:N) RETURN count(DISTINCT b) AS v`;
      const stmt = await conn.prepare(q);
      const answers = [], micros = [];
      for (const [s, t] of pairs) {
        const a = process.hrtime.bigint();
        const rows = await (await conn.execute(stmt, workload === "sp" ? { s, t } : { s })).getAll();
        micros.push(Number(process.hrtime.bigint() - a) / 1e3);
        answers.push(rows.length ? Number(rows[0].v) : -1);
      }
      const sorted = [...micros].sort((x, y) => x - y);
      const mid = sorted.length >> 1;
      const rec = { tool: "kuzu", dataset: opt.dataset, mode, workload, rel_type: opt.via, load_seconds: load,
                    peak_rss_mb: peakMb(), queries: pairs.length, total_query_seconds: micros.reduce((x, y) => x + y, 0) / 1e6,
                    median_query_us: sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2,
                    p90_query_us: sorted[Math.floor(0.9 * (sorted.length - 1))],
                    unreachable: workload === "sp" ? answers.filter((x) => x === -1).length : null,
                    answers, pairs: pairs.map(([s, t]) => `${s}>${t}`) };
      const line = JSON.stringify(rec);
      console.log(line);
      if (opt.out) fs.appendFileSync(opt.out, line + "\n");
      console.error(`[kuzu] ${opt.dataset} ${mode} ${workload} load=${load.toFixed(3)}s median=${rec.median_query_us.toFixed(1)}us peak=${peakMb().toFixed(0)}MB`);
    }
  }
  fs.rmSync(scratch, { recursive: true, force: true });
}

main().catch((e) => { console.error(e); process.exit(1); });
