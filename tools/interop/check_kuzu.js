#!/usr/bin/env node
// Loads casegraph's CSV export (neo4j-admin header format) into Kuzu with COPY FROM and checks
// that Kuzu's shortest-path lengths equal casegraph's, both directed and in any direction.
// Usage: KUZU_MODULE=.../node_modules/kuzu node check_kuzu.js CASEGRAPH GRAPH_PATH PAIRS
"use strict";
const { execFileSync, spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const kuzu = require(process.env.KUZU_MODULE);

const [binary, graph, pairCount] = process.argv.slice(2);

function casegraph(...args) {
  return spawnSync(binary, ["-g", graph, ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
}

// A small deterministic generator, so the pairs are the same on every run.
function* lcg(seed) {
  let x = seed >>> 0;
  for (;;) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    yield x;
  }
}

async function main() {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "casegraph-kuzu-"));
  const dir = path.join(scratch, "csv");
  execFileSync(binary, ["-g", graph, "export", "--to", "csv", "-o", dir]);
  const db = new kuzu.Database(path.join(scratch, "db"));
  const conn = new kuzu.Connection(db);
  await conn.query("CREATE NODE TABLE Entity(id STRING, name STRING, kind STRING, description STRING, " +
                   "aliases STRING, attributes STRING, labels STRING, PRIMARY KEY(id))");
  await conn.query("CREATE REL TABLE Rel(FROM Entity TO Entity, kind STRING, rid STRING, label STRING, " +
                   "on_date STRING, start_date STRING, end_date STRING, status STRING, weight DOUBLE, " +
                   "symmetric BOOLEAN, source STRING, quote STRING, attributes STRING)");
  await conn.query(`COPY Entity FROM '${dir}/nodes.csv' (HEADER=true, PARALLEL=false)`);
  await conn.query(`COPY Rel FROM '${dir}/relationships.csv' (HEADER=true, PARALLEL=false)`);
  const ids = (await (await conn.query("MATCH (e:Entity) RETURN e.id AS id ORDER BY id")).getAll()).map((r) => r.id);
  const stats = JSON.parse(casegraph("stats", "--format", "json").stdout);
  const relCount = (await (await conn.query("MATCH ()-[r:Rel]->() RETURN count(r) AS n")).getAll())[0].n;
  let failures = 0;
  if (ids.length !== stats.entities || Number(relCount) !== stats.relations) {
    console.log(`  counts differ: kuzu ${ids.length} nodes / ${relCount} rels, casegraph ${stats.entities} / ${stats.relations}`);
    failures++;
  }
  // casegraph follows symmetric relations both ways even when directed; Kuzu does not know of
  // them. Directed lengths are therefore compared without symmetric relations on both sides.
  const symmetric = (await (await conn.query("MATCH ()-[r:Rel]->() WHERE r.symmetric RETURN DISTINCT r.kind AS k")).getAll())
    .map((r) => r.k);
  const notVia = symmetric.length ? ["--not-via", symmetric.join(",")] : [];
  const random = lcg(42);
  const n = Number(pairCount);
  let compared = 0, reachable = 0;
  for (let i = 0; i < n; i++) {
    const a = ids[random.next().value % ids.length];
    const b = ids[random.next().value % ids.length];
    if (a === b) continue;
    for (const directed of [true, false]) {
      const pattern = directed ? "-[r:Rel* SHORTEST 1..30 (e, n | WHERE e.symmetric = false)]->"
                               : "-[r:Rel* SHORTEST 1..30]-";
      const rows = await (await conn.query(
        `MATCH (x:Entity {id: '${a}'})${pattern}(y:Entity {id: '${b}'}) RETURN length(r) AS n`)).getAll();
      const kuzuLength = rows.length ? Number(rows[0].n) : null;
      const run = casegraph("path", a, b, "--format", "json", ...(directed ? ["--directed", ...notVia] : []));
      const answer = JSON.parse(run.stdout);
      const ours = answer.paths.length ? answer.paths[0].length : null;
      compared++;
      if (ours !== null) reachable++;
      if (ours !== kuzuLength) {
        console.log(`  ${a} -> ${b} (${directed ? "directed" : "any direction"}): kuzu ${kuzuLength}, casegraph ${ours}`);
        failures++;
      }
    }
  }
  console.log(`kuzu: ${graph}: ${ids.length} nodes, ${relCount} relationships; ${compared} shortest-path lengths ` +
              `compared (${reachable} reachable): ${failures ? "FAILED" : "ok"}`);
  fs.rmSync(scratch, { recursive: true, force: true });
  process.exit(failures ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
