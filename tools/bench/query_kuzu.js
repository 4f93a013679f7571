#!/usr/bin/env node
// Kuzu's side of the pattern-query comparison (tools/bench/run), npm kuzu@0.11.3: the edge file
// loaded with COPY FROM into one node table and a relationship table per relation type (the
// schema that suits Kuzu best), then each count asked --repeat times, timed around the query
// alone. Two texts per workload: the same question as casegraph's (openCypher's relationship
// uniqueness, which Kuzu does not apply to fixed patterns, written out as id(r1) <> id(r2) ...),
// and Kuzu's plain pattern, which counts walks: a different answer, timed for reference.
// Usage: KUZU_MODULE=.../node_modules/kuzu node query_kuzu.js --edges E --nodes N --type T
//        [--dataset D] [--repeat N] [--out F]
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const kuzu = require(process.env.KUZU_MODULE);

const opt = { repeat: "5", dataset: "", out: null };
for (let i = 2; i + 1 < process.argv.length; i += 2) opt[process.argv[i].slice(2)] = process.argv[i + 1];

// name, the same question as casegraph's, the walk count.
const workloads = [
  ["2-hop", "MATCH (a)-[r1:T]->(b)-[r2:T]->(c) WHERE id(r1) <> id(r2) RETURN count(*) AS n",
   "MATCH (a)-[:T]->(b)-[:T]->(c) RETURN count(*) AS n"],
  ["3-hop", "MATCH (a)-[r1:T]->(b)-[r2:T]->(c)-[r3:T]->(d) WHERE id(r1) <> id(r2) AND id(r2) <> id(r3) AND id(r1) <> id(r3) RETURN count(*) AS n",
   "MATCH (a)-[:T]->(b)-[:T]->(c)-[:T]->(d) RETURN count(*) AS n"],
  ["2-hop undirected", "MATCH (a)-[r1:T]-(b)-[r2:T]-(c) WHERE id(r1) <> id(r2) RETURN count(*) AS n",
   "MATCH (a)-[:T]-(b)-[:T]-(c) RETURN count(*) AS n"],
  ["co-cited", "MATCH (a)-[r1:T]->(b)<-[r2:T]-(c) WHERE id(r1) <> id(r2) RETURN count(*) AS n",
   "MATCH (a)-[:T]->(b)<-[:T]-(c) RETURN count(*) AS n"],
];

async function main() {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "casegraph-query-kuzu-"));
  const t0 = process.hrtime.bigint();
  const db = new kuzu.Database(path.join(scratch, "db"));
  const conn = new kuzu.Connection(db);
  // One CSV per relation type (from,to), for COPY into that type's table.
  const lines = fs.readFileSync(opt.edges, "utf8").split("\n");
  const byType = new Map();
  for (const line of lines.slice(1)) {
    const p = line.split(",");
    if (p.length < 3) continue;
    if (!byType.has(p[2])) byType.set(p[2], []);
    byType.get(p[2]).push(`${p[0]},${p[1]}`);
  }
  await conn.query("CREATE NODE TABLE N(id STRING, PRIMARY KEY(id))");
  await conn.query(`COPY N FROM '${opt.nodes}' (HEADER=true)`);
  for (const [type, rows] of byType) {
    const file = path.join(scratch, `${type}.csv`);
    fs.writeFileSync(file, "from,to\n" + rows.join("\n") + "\n");
    await conn.query(`CREATE REL TABLE \`${type}\`(FROM N TO N)`);
    await conn.query(`COPY \`${type}\` FROM '${file}' (HEADER=true)`);
  }
  const load = Number(process.hrtime.bigint() - t0) / 1e9;
  for (const [name, same, walks] of workloads) {
    for (const [variant, text] of [["same question", same], ["walks", walks]]) {
      const q = text.replace(/:T\b/g, `:\`${opt.type}\``);
      const seconds = [];
      let answer = null;
      for (let r = 0; r < Number(opt.repeat); r++) {
        const a = process.hrtime.bigint();
        const rows = await (await conn.query(q)).getAll();
        seconds.push(Number(process.hrtime.bigint() - a) / 1e9);
        answer = Number(rows[0].n);
        if (seconds[0] > 20) break;  // one run of a query this slow says enough (amazon0601's undirected 2-hop)
      }
      const sorted = [...seconds].sort((x, y) => x - y);
      const mid = sorted.length >> 1;
      const rec = { tool: variant === "walks" ? "kuzu walks" : "kuzu", dataset: opt.dataset, workload: name, query: q,
                    load_seconds: load, best_seconds: sorted[0],
                    median_seconds: sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2,
                    repeats: seconds.length, answers: [answer] };
      const line = JSON.stringify(rec);
      console.log(line);
      if (opt.out) fs.appendFileSync(opt.out, line + "\n");
      console.error(`[${rec.tool}] ${opt.dataset} ${name}: best ${(1e3 * rec.best_seconds).toFixed(1)} ms, answer ${answer}`);
    }
  }
  fs.rmSync(scratch, { recursive: true, force: true });
}

main().catch((e) => { console.error(e); process.exit(1); });
