#!/usr/bin/env node
// Kuzu as the oracle of `casegraph query`: random case graphs and the bundled case are written as
// case files for casegraph and created in Kuzu (a node table per entity type, a relationship table
// per relation type), and the rows of each query shape are compared, casegraph's against those of
// the same question asked of Kuzu in Kuzu's dialect. Where the two differ by design the Kuzu text
// says so: Kuzu matches fixed patterns without relationship uniqueness (so it is told r1 <> r2)
// and variable-length ones as walks (so it is told TRAIL); it matches an undirected self-loop
// twice where openCypher (TCK Match2 [3]) and casegraph match it once, so undirected shapes run
// on graphs without self-relations; it does not know symmetric relation types, so the bundled
// case's directed shapes name relation types that are not symmetric.
// Usage: KUZU_MODULE=.../node_modules/kuzu node check_query_kuzu.js CASEGRAPH GRAPHS_DIR [RANDOM_GRAPHS]
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const kuzu = require(process.env.KUZU_MODULE);

const [binary, bundledDir, randomCount = "12"] = process.argv.slice(2);

function* lcg(seed) {
  let x = seed >>> 0;
  for (;;) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    yield x;
  }
}

// A random case: n entities of types person and org (some with age and city), m relations of
// types t0, t1, t2 with dates, statuses and weights; parallel relations always, self-relations
// when selfLoops.
function randomCase(seed, selfLoops) {
  const rnd = lcg(seed);
  const pick = (k) => rnd.next().value % k;
  const n = 3 + pick(8), m = 4 + pick(22);
  const entities = [];
  for (let i = 0; i < n; i++) {
    const e = { id: `e${i}`, name: `E${i}`, type: pick(2) ? "person" : "org", attributes: {} };
    if (pick(3) || i === 0) e.attributes.age = 20 + 5 * pick(6);  // e0 has both: the keys are known
    const city = i === 0 ? "Oslo" : ["Oslo", "Riga", null][pick(3)];
    if (city) e.attributes.city = city;
    entities.push(e);
  }
  const relations = [];
  for (let i = 0; i < m; i++) {
    let from = pick(n), to = pick(n);
    if (!selfLoops && from === to) to = (to + 1) % n;
    const r = { id: `r${i}`, type: `t${pick(3)}`, from: `e${from}`, to: `e${to}`,
                status: ["fact", "reported", "alleged", "claimed", "denied"][pick(5)], weight: 0.5 * (1 + pick(4)) };
    const date = [null, "2021", "2021-03", "2021-03-10", "2020-12"][pick(5)];
    if (date) r.date = date;
    relations.push(r);
  }
  const relation_types = {};
  for (const t of ["t0", "t1", "t2"]) relation_types[t] = { label: t, inverse: `${t} by` };
  const entity_types = { person: { label: "Person" }, org: { label: "Organisation" } };  // labels known, entities or not
  return { casegraph: 1, vocabulary: { entity_types, relation_types }, entities, relations };
}

// The bundled case's files, merged as casegraph merges them (one entity per id).
function bundledCase(dir) {
  const merged = { entities: new Map(), relations: [], symmetric: new Set() };
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const c = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    for (const e of c.entities || []) merged.entities.set(e.id, { ...merged.entities.get(e.id), ...e });
    for (const [id, t] of Object.entries((c.vocabulary || {}).relation_types || {})) if (t.symmetric) merged.symmetric.add(id);
    (c.relations || []).forEach((r, i) => merged.relations.push({ id: r.id || `${path.parse(file).name}#${i + 1}`, ...r }));
  }
  return { entities: [...merged.entities.values()], relations: merged.relations, symmetric: merged.symmetric };
}

const kept = [];
const lit = (v) => (typeof v === "string" ? `'${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'` : String(v));

// Creates the case in a fresh Kuzu database: node tables by entity type, relationship tables by
// relation type over every pair of node tables.
async function loadKuzu(c) {
  const db = new kuzu.Database(":memory:", 1 << 30, true, false, 2 ** 33);  // bounded: many live at once
  const conn = new kuzu.Connection(db);
  // One thread: Kuzu 0.11.3 answers some aggregations over list predicates differently from run
  // to run when it runs them in parallel (collect(...) then all/none on the list), so its answers
  // would not be an oracle.
  conn.setMaxNumThreadForExec(1);
  const run = async (text) => (await conn.query(text)).getAll();
  const declared = Object.keys(((c.vocabulary || {}).entity_types) || {});
  const labels = [...new Set(c.entities.map((e) => e.type).concat(declared))].sort();
  const keys = [...new Set(c.entities.flatMap((e) => Object.keys(e.attributes || {})))].filter((k) => ["age", "city"].includes(k));
  for (const l of labels) {
    await run(`CREATE NODE TABLE \`${l}\`(id STRING, name STRING, age INT64, city STRING, PRIMARY KEY(id))`);
  }
  // Every pair of node tables when there are few; else the pairs the relations of the type join.
  const type = new Map(c.entities.map((e) => [e.id, e.type]));
  const all = labels.flatMap((a) => labels.map((b) => [a, b]));
  for (const t of [...new Set(c.relations.map((r) => r.type).concat(["t0", "t1", "t2"]))].sort()) {
    const used = c.relations.filter((r) => r.type === t).map((r) => [type.get(r.from), type.get(r.to)]);
    const pairs = labels.length <= 3 || !used.length ? all : [...new Map(used.map((p) => [p.join(" "), p])).values()];
    const from = pairs.map(([a, b]) => `FROM \`${a}\` TO \`${b}\``).join(", ");
    await run(`CREATE REL TABLE \`${t}\`(${from}, rid STRING, date STRING, status STRING, weight DOUBLE)`);
  }
  for (const e of c.entities) {
    const props = [`id: ${lit(e.id)}`, `name: ${lit(e.name)}`];
    for (const k of keys) if ((e.attributes || {})[k] !== undefined) props.push(`${k}: ${lit(e.attributes[k])}`);
    await run(`CREATE (:\`${e.type}\` {${props.join(", ")}})`);
  }
  for (const r of c.relations) {
    const props = [`rid: ${lit(r.id)}`, `status: ${lit(r.status || "reported")}`, `weight: ${Number(r.weight || 1).toFixed(2)}`];
    if (r.date) props.push(`date: ${lit(r.date)}`);
    await run(`MATCH (a:\`${type.get(r.from)}\` {id: ${lit(r.from)}}), (b:\`${type.get(r.to)}\` {id: ${lit(r.to)}}) ` +
              `CREATE (a)-[:\`${r.type}\` {${props.join(", ")}}]->(b)`);
  }
  kept.push(db, conn);  // never closed nor collected while the check runs: either crashes Kuzu 0.11.3
  return { run };
}

// A cell as text both sides agree on: numbers by value, lists item by item.
function cell(v) {
  if (v === null || v === undefined) return "null";
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : v.toPrecision(12);
  if (Array.isArray(v)) return `[${v.map(cell).join(",")}]`;
  return JSON.stringify(v);
}

// Query shapes on the random graphs: [casegraph's text, Kuzu's text, undirected?]. Every answer
// column is named c0, c1, ... on both sides.
const U = true;
const randomShapes = [
  ["MATCH (a)-[r]->(b) RETURN a.id AS c0, b.id AS c1, r.id AS c2", "MATCH (a)-[r]->(b) RETURN a.id AS c0, b.id AS c1, r.rid AS c2"],
  ["MATCH (a:person)-[r:t0]->(b:org) RETURN a.id AS c0, b.id AS c1", "MATCH (a:person)-[r:t0]->(b:org) RETURN a.id AS c0, b.id AS c1"],
  ["MATCH (a)-[r:t0|t1]->(b) RETURN r.id AS c0, type(r) AS c1", "MATCH (a)-[r:t0|t1]->(b) RETURN r.rid AS c0, label(r) AS c1"],
  ["MATCH (a)-[r]-(b) RETURN a.id AS c0, b.id AS c1, r.id AS c2", "MATCH (a)-[r]-(b) RETURN a.id AS c0, b.id AS c1, r.rid AS c2", U],
  ["MATCH (a)-[r1]->(b)-[r2]->(c) RETURN count(*) AS c0", "MATCH (a)-[r1]->(b)-[r2]->(c) WHERE r1.rid <> r2.rid RETURN count(*) AS c0"],
  ["MATCH (a)-[r1:t0]->(b)<-[r2]-(c) RETURN a.id AS c0, c.id AS c1", "MATCH (a)-[r1:t0]->(b)<-[r2]-(c) WHERE r1.rid <> r2.rid RETURN a.id AS c0, c.id AS c1"],
  ["MATCH (a)-[r1]->(b)-[r2]->(c)-[r3]->(a) RETURN count(*) AS c0",
   "MATCH (a)-[r1]->(b)-[r2]->(c)-[r3]->(a) WHERE r1.rid <> r2.rid AND r2.rid <> r3.rid AND r1.rid <> r3.rid RETURN count(*) AS c0"],
  ["MATCH (a)-[r1]->(b), (c)-[r2]->(d) WHERE a.id = c.id RETURN a.id AS c0, count(*) AS c1",
   "MATCH (a)-[r1]->(b), (c)-[r2]->(d) WHERE a.id = c.id AND r1.rid <> r2.rid RETURN a.id AS c0, count(*) AS c1"],
  ["MATCH (a) OPTIONAL MATCH (a)-[r:t0]->(b) RETURN a.id AS c0, count(b) AS c1", "MATCH (a) OPTIONAL MATCH (a)-[r:t0]->(b) RETURN a.id AS c0, count(b) AS c1"],
  ["MATCH (a) WHERE NOT EXISTS { MATCH (a)-[:t1]->() } RETURN a.id AS c0", "MATCH (a) WHERE NOT EXISTS { MATCH (a)-[:t1]->() } RETURN a.id AS c0"],
  ["MATCH (a)-[*1..2]->(b) RETURN a.id AS c0, b.id AS c1, count(*) AS c2", "MATCH (a)-[* TRAIL 1..2]->(b) RETURN a.id AS c0, b.id AS c1, count(*) AS c2"],
  ["MATCH (a)-[*1..3]-(b) RETURN count(*) AS c0", "MATCH (a)-[* TRAIL 1..3]-(b) RETURN count(*) AS c0", U],
  ["MATCH (a:person)-[:t0*2..3]->(b) RETURN a.id AS c0, count(*) AS c1", "MATCH (a:person)-[:t0* TRAIL 2..3]->(b) RETURN a.id AS c0, count(*) AS c1"],
  ["MATCH (a) RETURN labels(a)[0] AS c0, count(*) AS c1", "MATCH (a) RETURN label(a) AS c0, count(*) AS c1"],
  ["MATCH (a) WHERE a.age > 30 RETURN a.id AS c0", "MATCH (a) WHERE a.age > 30 RETURN a.id AS c0"],
  ["MATCH (a) WHERE a.city IS NULL RETURN a.id AS c0", "MATCH (a) WHERE a.city IS NULL RETURN a.id AS c0"],
  ["MATCH (a) WHERE a.age IS NULL OR a.city = 'Oslo' RETURN a.id AS c0", "MATCH (a) WHERE a.age IS NULL OR a.city = 'Oslo' RETURN a.id AS c0"],
  // sum() of no number: 0 in openCypher (and Neo4j), null in Kuzu.
  ["MATCH (a) RETURN a.city AS c0, count(*) AS c1, sum(a.age) AS c2, min(a.age) AS c3, max(a.age) AS c4",
   "MATCH (a) RETURN a.city AS c0, count(*) AS c1, coalesce(sum(a.age), 0) AS c2, min(a.age) AS c3, max(a.age) AS c4"],
  ["MATCH (a) RETURN labels(a)[0] AS c0, avg(a.age) AS c1", "MATCH (a) RETURN label(a) AS c0, avg(a.age) AS c1"],
  ["MATCH (a)-[r]->(b) WHERE r.date IS NOT NULL RETURN r.id AS c0, r.date AS c1", "MATCH (a)-[r]->(b) WHERE r.date IS NOT NULL RETURN r.rid AS c0, r.date AS c1"],
  ["MATCH ()-[r]->() RETURN r.status AS c0, count(*) AS c1", "MATCH ()-[r]->() RETURN r.status AS c0, count(*) AS c1"],
  ["MATCH (a)-[r]->(b) WHERE r.weight > 1 RETURN a.id AS c0, sum(r.weight) AS c1", "MATCH (a)-[r]->(b) WHERE r.weight > 1 RETURN a.id AS c0, sum(r.weight) AS c1"],
  ["MATCH (a)-[r]->(b) WITH a, count(r) AS d WHERE d > 1 RETURN a.id AS c0, d AS c1", "MATCH (a)-[r]->(b) WITH a, count(r) AS d WHERE d > 1 RETURN a.id AS c0, d AS c1"],
  ["MATCH (a) WITH a ORDER BY a.id LIMIT 3 RETURN a.id AS c0", "MATCH (a) WITH a ORDER BY a.id LIMIT 3 RETURN a.id AS c0"],
  ["MATCH (a)-[r]->(b) RETURN DISTINCT a.id AS c0, b.id AS c1", "MATCH (a)-[r]->(b) RETURN DISTINCT a.id AS c0, b.id AS c1"],
  ["MATCH (a)-[r]->(b) RETURN count(DISTINCT b.id) AS c0", "MATCH (a)-[r]->(b) RETURN count(DISTINCT b.id) AS c0"],
  ["UNWIND [1, 2, 3] AS x MATCH (a) WHERE a.age > x * 10 RETURN x AS c0, count(*) AS c1", "UNWIND [1, 2, 3] AS x MATCH (a) WHERE a.age > x * 10 RETURN x AS c0, count(*) AS c1"],
  ["MATCH (a {id: 'e0'})-[*1..3]->(b) RETURN DISTINCT b.id AS c0", "MATCH (a {id: 'e0'})-[* TRAIL 1..3]->(b) RETURN DISTINCT b.id AS c0"],
  ["MATCH (a:person) RETURN a.id AS c0 UNION MATCH (b)-[:t0]->(c) RETURN c.id AS c0", "MATCH (a:person) RETURN a.id AS c0 UNION MATCH (b)-[:t0]->(c) RETURN c.id AS c0"],
  ["MATCH (a:person) RETURN a.id AS c0 UNION ALL MATCH (b)-[:t0]->(c) RETURN c.id AS c0", "MATCH (a:person) RETURN a.id AS c0 UNION ALL MATCH (b)-[:t0]->(c) RETURN c.id AS c0"],
  ["MATCH (a)-[r]->(b) WHERE a.id < b.id RETURN a.id AS c0, b.id AS c1, r.id AS c2", "MATCH (a)-[r]->(b) WHERE a.id < b.id RETURN a.id AS c0, b.id AS c1, r.rid AS c2"],
  ["MATCH (a)-[r]->(a) RETURN a.id AS c0, r.id AS c1", "MATCH (a)-[r]->(a) RETURN a.id AS c0, r.rid AS c1"],
  ["MATCH (a)-[r1]->(b) MATCH (b)-[r2]->(c) RETURN count(*) AS c0", "MATCH (a)-[r1]->(b) MATCH (b)-[r2]->(c) RETURN count(*) AS c0"],
  ["MATCH (a)-[r:t2]->(b) WHERE r.status IN ['fact', 'alleged'] RETURN r.id AS c0", "MATCH (a)-[r:t2]->(b) WHERE r.status IN ['fact', 'alleged'] RETURN r.rid AS c0"],
  ["MATCH (a {id: 'e0'}), (b) WHERE b.id <> 'e0' MATCH p = shortestPath((a)-[*]->(b)) RETURN b.id AS c0, length(p) AS c1",
   "MATCH (a {id: 'e0'})-[r* SHORTEST 1..30]->(b) WHERE b.id <> 'e0' RETURN b.id AS c0, length(r) AS c1"],
  ["MATCH (a {id: 'e1'}), (b) WHERE b.id <> 'e1' MATCH p = shortestPath((a)-[:t0|t1*]-(b)) RETURN b.id AS c0, length(p) AS c1",
   "MATCH (a {id: 'e1'})-[r:t0|t1* SHORTEST 1..30]-(b) WHERE b.id <> 'e1' RETURN b.id AS c0, length(r) AS c1", U],
  ["MATCH (a) OPTIONAL MATCH (a)-[r1]->(b)-[r2]->(c) RETURN a.id AS c0, count(c) AS c1",
   "MATCH (a) OPTIONAL MATCH (a)-[r1]->(b)-[r2]->(c) WHERE r1.rid <> r2.rid RETURN a.id AS c0, count(c) AS c1"],
  ["MATCH (a)-[r]->(b) RETURN a.id AS c0, size(collect(DISTINCT b.id)) AS c1", "MATCH (a)-[r]->(b) RETURN a.id AS c0, size(collect(DISTINCT b.id)) AS c1"],
  ["MATCH (a) RETURN CASE WHEN a.age >= 35 THEN 'old' ELSE 'young' END AS c0, count(*) AS c1",
   "MATCH (a) RETURN CASE WHEN a.age >= 35 THEN 'old' ELSE 'young' END AS c0, count(*) AS c1"],
  ["MATCH (a) WHERE a.name STARTS WITH 'E1' OR a.name ENDS WITH '2' OR a.name CONTAINS '5' RETURN a.id AS c0",
   "MATCH (a) WHERE a.name STARTS WITH 'E1' OR a.name ENDS WITH '2' OR a.name CONTAINS '5' RETURN a.id AS c0"],
  ["MATCH (a) RETURN coalesce(a.city, 'none') AS c0, count(*) AS c1", "MATCH (a) RETURN coalesce(a.city, 'none') AS c0, count(*) AS c1"],
  ["MATCH (a)-[r]->(b) WHERE a:person AND NOT b:person RETURN count(*) AS c0", "MATCH (a)-[r]->(b) WHERE label(a) = 'person' AND label(b) <> 'person' RETURN count(*) AS c0"],
  ["MATCH (a) RETURN a.id AS c0 ORDER BY a.id DESC SKIP 1 LIMIT 2", "MATCH (a) RETURN a.id AS c0 ORDER BY a.id DESC SKIP 1 LIMIT 2", false, true],
  ["MATCH (a) WHERE EXISTS { MATCH (a)-[r]->(b) WHERE r.status = 'fact' } RETURN a.id AS c0",
   "MATCH (a) WHERE EXISTS { MATCH (a)-[r]->(b) WHERE r.status = 'fact' } RETURN a.id AS c0"],
  ["MATCH (a)-[:t0]->(b) WITH b, count(*) AS k MATCH (b)-[s:t1]->(c) RETURN b.id AS c0, k AS c1, count(s) AS c2",
   "MATCH (a)-[:t0]->(b) WITH b, count(*) AS k MATCH (b)-[s:t1]->(c) RETURN b.id AS c0, k AS c1, count(s) AS c2"],
  ["MATCH (a) RETURN toUpper(a.city) AS c0, toLower(a.name) AS c1", "MATCH (a) RETURN upper(a.city) AS c0, lower(a.name) AS c1"],
  ["MATCH (a)-[r]->(b) RETURN a.age + 1 AS c0, r.weight * 2 AS c1, b.age - a.age AS c2", "MATCH (a)-[r]->(b) RETURN a.age + 1 AS c0, r.weight * 2 AS c1, b.age - a.age AS c2"],
  ["MATCH (a)-[r]->(b) WHERE r.date >= '2021' RETURN r.id AS c0 ORDER BY r.id", "MATCH (a)-[r]->(b) WHERE r.date >= '2021' RETURN r.rid AS c0 ORDER BY r.rid", false, true],
  ["MATCH (a)-[r1:t0]->(b)-[r2:t0]->(c) RETURN a.id AS c0, c.id AS c1, count(*) AS c2",
   "MATCH (a)-[r1:t0]->(b)-[r2:t0]->(c) WHERE r1.rid <> r2.rid RETURN a.id AS c0, c.id AS c1, count(*) AS c2"],
  ["MATCH (a)-[r1]-(b)-[r2]-(c) RETURN count(*) AS c0", "MATCH (a)-[r1]-(b)-[r2]-(c) WHERE r1.rid <> r2.rid RETURN count(*) AS c0", U],
  ["MATCH (a)-[r1]->(b)-[r2:t0|t1]->(c)-[r3]->(d) RETURN count(*) AS c0",
   "MATCH (a)-[r1]->(b)-[r2:t0|t1]->(c)-[r3]->(d) WHERE r1.rid <> r2.rid AND r2.rid <> r3.rid AND r1.rid <> r3.rid RETURN count(*) AS c0"],
  ["MATCH (a:person)<-[r1]-(b)-[r2]->(c)<-[r3]-(d:org) RETURN count(*) AS c0",
   "MATCH (a:person)<-[r1]-(b)-[r2]->(c)<-[r3]-(d:org) WHERE r1.rid <> r2.rid AND r2.rid <> r3.rid AND r1.rid <> r3.rid RETURN count(*) AS c0"],
  // Quantifiers over lists without nulls (Kuzu takes a null condition as false; openCypher as null).
  ["MATCH (a)-[r]->(b) WITH a, collect(b.age) AS ages RETURN a.id AS c0, any(x IN ages WHERE x > 35) AS c1, all(x IN ages WHERE x > 25) AS c2, " +
   "none(x IN ages WHERE x < 25) AS c3, single(x IN ages WHERE x > 40) AS c4",
   "MATCH (a)-[r]->(b) WITH a, collect(b.age) AS ages RETURN a.id AS c0, any(x IN ages WHERE x > 35) AS c1, all(x IN ages WHERE x > 25) AS c2, " +
   "none(x IN ages WHERE x < 25) AS c3, single(x IN ages WHERE x > 40) AS c4"],
];

// Shapes on the bundled case: undirected ones (a symmetric relation and any other match alike),
// and directed ones over relation types that are not symmetric.
const bundledShapes = [
  ["MATCH (a)-[r]-(b) RETURN a.id AS c0, b.id AS c1, r.id AS c2", "MATCH (a)-[r]-(b) RETURN a.id AS c0, b.id AS c1, r.rid AS c2"],
  ["MATCH (a)-[r:lawsuit]->(b) RETURN a.name AS c0, b.name AS c1, r.date AS c2", "MATCH (a)-[r:lawsuit]->(b) RETURN a.name AS c0, b.name AS c1, r.date AS c2"],
  ["MATCH (a:regulator)-[t:throttle]->(p:platform)<-[s:lawsuit]-(n) RETURN a.name AS c0, p.name AS c1, n.name AS c2",
   "MATCH (a:regulator)-[t:throttle]->(p:platform)<-[s:lawsuit]-(n) RETURN a.name AS c0, p.name AS c1, n.name AS c2"],
  ["MATCH (a) WHERE NOT EXISTS { MATCH (a)-[:lawsuit]->() } RETURN a.id AS c0", "MATCH (a) WHERE NOT EXISTS { MATCH (a)-[:lawsuit]->() } RETURN a.id AS c0"],
  ["MATCH (a)-[*1..3]-(b) RETURN a.id AS c0, count(*) AS c1", "MATCH (a)-[* TRAIL 1..3]-(b) RETURN a.id AS c0, count(*) AS c1"],
  ["MATCH (a {id: 'navalny'}), (b) WHERE b.id <> 'navalny' MATCH p = shortestPath((a)-[*]-(b)) RETURN b.id AS c0, length(p) AS c1",
   "MATCH (a {id: 'navalny'})-[r* SHORTEST 1..30]-(b) WHERE b.id <> 'navalny' RETURN b.id AS c0, length(r) AS c1"],
  ["MATCH (a) RETURN labels(a)[0] AS c0, count(*) AS c1", "MATCH (a) RETURN label(a) AS c0, count(*) AS c1"],
  ["MATCH (a)-[r]-(b) RETURN r.status AS c0, count(*) AS c1", "MATCH (a)-[r]-(b) RETURN r.status AS c0, count(*) AS c1"],
  ["MATCH (a)-[r1]-(b)-[r2]-(c) WHERE a.id < c.id RETURN a.id AS c0, c.id AS c1, count(*) AS c2",
   "MATCH (a)-[r1]-(b)-[r2]-(c) WHERE a.id < c.id AND r1.rid <> r2.rid RETURN a.id AS c0, c.id AS c1, count(*) AS c2"],
  ["MATCH (a)-[:ban_threat|demand|lawsuit]->(t {id: 'twitter'}) RETURN a.name AS c0, count(*) AS c1",
   "MATCH (a)-[:ban_threat|demand|lawsuit]->(t {id: 'twitter'}) RETURN a.name AS c0, count(*) AS c1"],
];

function casegraphAnswers(caseDir, texts) {
  const input = texts.map((t) => JSON.stringify({ command: "query", text: t })).join("\n") + "\n";
  const run = spawnSync(binary, ["-g", caseDir, "batch"], { input, encoding: "utf8", maxBuffer: 1 << 28 });
  return run.stdout.trim().split("\n").map((line) => JSON.parse(line));
}

async function compare(label, c, caseDir, shapes) {
  const k = await loadKuzu(c);
  const answers = casegraphAnswers(caseDir, shapes.map((s) => s[0]));
  let failures = 0;
  for (let i = 0; i < shapes.length; i++) {
    const [ours, theirs, , ordered] = shapes[i];
    const a = answers[i];
    if (a.error) {
      console.log(`  ${label}: casegraph refused ${ours}: ${a.error}`);
      failures++;
      continue;
    }
    const columns = a.columns;
    const mine = a.rows.map((row) => row.map(cell).join(" | "));
    const kuzuRows = (await k.run(theirs)).map((row) => columns.map((col) => cell(row[col])).join(" | "));
    if (!ordered) {
      mine.sort();
      kuzuRows.sort();
    }
    if (JSON.stringify(mine) !== JSON.stringify(kuzuRows)) {
      console.log(`  ${label}: ${ours}\n    casegraph: ${JSON.stringify(mine)}\n    kuzu:      ${JSON.stringify(kuzuRows)}`);
      failures++;
    }
  }

  return failures;
}

async function main() {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "casegraph-query-kuzu-"));
  let failures = 0, compared = 0;
  for (let g = 0; g < Number(randomCount); g++) {
    const selfLoops = g % 2 === 1;
    const c = randomCase(1000 + g, selfLoops);
    const dir = path.join(scratch, `g${g}`);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "case.json"), JSON.stringify(c));
    const shapes = randomShapes.filter((s) => !(selfLoops && s[2]));  // Kuzu: an undirected self-loop twice
    failures += await compare(`random graph ${g}`, c, dir, shapes);
    compared += shapes.length;
  }
  const b = bundledCase(bundledDir);
  failures += await compare("bundled case", b, bundledDir, bundledShapes);
  compared += bundledShapes.length;
  fs.rmSync(scratch, { recursive: true, force: true });
  console.log(`kuzu query oracle: ${randomShapes.length} shapes on ${randomCount} random graphs, ${bundledShapes.length} on the ` +
              `bundled case; ${compared} answers compared: ${failures ? `${failures} FAILED` : "all rows agree"}`);
  process.exit(failures ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
