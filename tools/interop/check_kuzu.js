#!/usr/bin/env node
// Loads casegraph's CSV export (neo4j-admin header format) into Kuzu by running the kuzu.cypher
// the export writes beside the CSV files, checks that every field of every entity and relation
// arrived as the JSON export has it, and that Kuzu's shortest-path lengths equal casegraph's,
// both directed and in any direction.
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
  // kuzu.cypher names the CSV files relative to its directory: run it from there.
  const here = process.cwd();
  process.chdir(dir);
  for (const statement of fs.readFileSync("kuzu.cypher", "utf8").split(";\n")) {
    const text = statement.split("\n").filter((l) => !l.startsWith("//")).join("\n").trim();
    if (text) await conn.query(text);
  }
  process.chdir(here);
  const ids = (await (await conn.query("MATCH (e:Entity) RETURN e.id AS id ORDER BY id")).getAll()).map((r) => r.id);
  const stats = JSON.parse(casegraph("stats", "--format", "json").stdout);
  const relCount = (await (await conn.query("MATCH ()-[r:Rel]->() RETURN count(r) AS n")).getAll())[0].n;
  let failures = 0;
  if (ids.length !== stats.entities || Number(relCount) !== stats.relations) {
    console.log(`  counts differ: kuzu ${ids.length} nodes / ${relCount} rels, casegraph ${stats.entities} / ${stats.relations}`);
    failures++;
  }
  failures += await compareFields(conn, JSON.parse(casegraph("export", "--to", "json").stdout));
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

// Every field of the JSON export, as Kuzu read it from the CSV files.
async function compareFields(conn, exported) {
  let failures = 0;
  const differ = (what, got, want) => {
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      if (failures++ < 5) console.log(`  ${what}: kuzu has ${JSON.stringify(got)}, the JSON export ${JSON.stringify(want)}`);
    }
  };
  const nodes = new Map((await (await conn.query("MATCH (e:Entity) RETURN e.*")).getAll()).map((r) => [r["e.id"], r]));
  for (const n of exported.nodes) {
    const k = nodes.get(n.id);
    if (!k) { differ(`entity ${n.id}`, null, n.id); continue; }
    differ(`entity ${n.id} name`, k["e.name"], n.name);
    differ(`entity ${n.id} type`, k["e.kind"], n.type);
    differ(`entity ${n.id} description`, k["e.description"] ?? "", n.description);
    differ(`entity ${n.id} aliases`, JSON.parse(k["e.aliases"]), n.aliases);
    differ(`entity ${n.id} attributes`, JSON.parse(k["e.attributes"]), n.attributes);
  }
  const rels = new Map((await (await conn.query("MATCH (a)-[r:Rel]->(b) RETURN a.id AS a, b.id AS b, r.*")).getAll())
    .map((r) => [r["r.rid"], r]));
  for (const l of exported.links) {
    const k = rels.get(l.key);
    if (!k) { differ(`relation ${l.key}`, null, l.key); continue; }
    differ(`relation ${l.key} ends`, [k.a, k.b], [l.source, l.target]);
    differ(`relation ${l.key} type`, k["r.kind"], l.type);
    differ(`relation ${l.key} status`, k["r.status"], l.status);
    differ(`relation ${l.key} weight`, k["r.weight"], l.weight);
    differ(`relation ${l.key} dates`, [k["r.on_date"] ?? null, k["r.start_date"] ?? null, k["r.end_date"] ?? null],
           [l.date ?? null, l.start ?? null, l.end ?? null]);
    differ(`relation ${l.key} attributes`, JSON.parse(k["r.attributes"]), l.attributes);
    // The CSV export writes evidence as a case file does: no "quote": null beside a locator.
    const asWritten = l.evidence.map((e) => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== null)));
    differ(`relation ${l.key} evidence`, JSON.parse(k["r.evidence"]), asWritten);
  }
  return failures;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
