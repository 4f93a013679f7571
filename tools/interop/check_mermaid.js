#!/usr/bin/env node
// Renders casegraph's Mermaid export with Mermaid itself, in Chromium (Debian's, driven by
// puppeteer-core), and checks that every entity's name and every relation's label is drawn as
// written (no markup, line break or lost character) and that each relation's line has the style
// of its status (fact heavy, alleged heavy dashed, claimed dashed, denied dotted, reported plain).
// Usage: NODE_MODULES=.../node_modules [SCREENSHOTS=DIR] node check_mermaid.js CASEGRAPH GRAPH_PATH...
// (with SCREENSHOTS, a PNG of each drawing is written there)
"use strict";
const { execFileSync } = require("child_process");
const modules = process.env.NODE_MODULES;
const puppeteer = require(`${modules}/puppeteer-core`);

const [binary, ...graphs] = process.argv.slice(2);
const casegraph = (graph, ...args) => execFileSync(binary, ["-g", graph, ...args], { encoding: "utf8" });

// What a label should read: control characters dropped, line breaks and tabs as spaces.
const drawn = (s) => s.replace(/[\n\r\t]/g, " ").replace(/[\x00-\x1f]/g, "");

const kStatusStyle = {
  fact: "stroke-width:3px", reported: null, alleged: "stroke-width:3px;stroke-dasharray:6 4",
  claimed: "stroke-dasharray:6 4", denied: "stroke-dasharray:2 3",
};

async function check(page, graph) {
  const text = casegraph(graph, "export", "--to", "mermaid");
  const exported = JSON.parse(casegraph(graph, "export", "--to", "json"));
  const labels = JSON.parse(casegraph(graph, "export", "--to", "json")).links;
  const seen = await page.evaluate(async (text) => {
    const { svg } = await mermaid.render("d" + Math.floor(Math.random() * 1e9), text);
    const out = document.getElementById("out");
    out.innerHTML = svg;
    const nodes = {};
    for (const n of out.querySelectorAll("g.node")) {
      const m = /flowchart-(n\d+)-/.exec(n.id);
      if (m) nodes[m[1]] = n.querySelector(".nodeLabel").textContent;
    }
    const edges = [...out.querySelectorAll("g.edgeLabel")].map((e) => e.textContent);
    const styles = [...out.querySelectorAll("path.flowchart-link")].map((p) => {
      // Mermaid writes the link's style twice, each ending in fill:none; keep the first.
      const style = (p.getAttribute("style") || "").split(";;;")[0].replace(/;?fill:none$/, "").replace(/^;+|;+$/g, "");
      return style === "" ? null : style;
    });
    return { nodes, edges, styles };
  }, text);
  const failures = [];
  exported.nodes.forEach((n, i) => {
    const got = seen.nodes["n" + i];
    if (got !== drawn(n.name)) failures.push(`entity ${n.id}: drawn ${JSON.stringify(got)}, named ${JSON.stringify(n.name)}`);
  });
  // Edge labels: as written, entity codes read as their characters; each holds its type's label.
  const decode = (t) => t.replace(/#(\w+);/g, (_, c) =>
    ({ quot: '"', lt: "<", gt: ">", amp: "&" })[c] ?? String.fromCodePoint(Number(c)));
  const written = text.split("\n").map((l) => /\|"(.*)"\|/.exec(l)).filter(Boolean).map((m) => decode(m[1]));
  if (JSON.stringify([...seen.edges].sort()) !== JSON.stringify([...written].sort())) {
    failures.push(`edge labels drawn ${JSON.stringify(seen.edges)}, written ${JSON.stringify(written)}`);
  }
  labels.forEach((l, i) => {
    if (!written[i] || !written[i].startsWith(drawn(l.label))) failures.push(`relation ${l.key}: label ${JSON.stringify(written[i])}`);
  });
  labels.forEach((l, i) => {
    const want = kStatusStyle[l.status];
    if (seen.styles[i] !== want) failures.push(`relation ${l.key} (${l.status}): line style ${seen.styles[i]}, expected ${want}`);
  });
  if (process.env.SCREENSHOTS) {  // a picture of each, to look at
    const file = `${process.env.SCREENSHOTS}/mermaid-${graph.replace(/[^A-Za-z0-9.-]+/g, "_")}.png`;
    await (await page.$("#out svg")).screenshot({ path: file });
  }
  console.log(`mermaid: ${graph}: ${exported.nodes.length} entities, ${labels.length} relations drawn: ${failures.length ? "FAILED" : "ok"}`);
  for (const f of failures.slice(0, 8)) console.log("  " + f);
  return failures.length === 0;
}

async function main() {
  let browser;
  try {
    browser = await puppeteer.launch({ executablePath: "/usr/bin/chromium", headless: true,
                                       args: ["--no-sandbox", "--disable-gpu"] });
  } catch (e) {
    console.log(`mermaid: Chromium (/usr/bin/chromium, Debian package chromium) does not start: ${e.message}`);
    process.exit(1);
  }
  const page = await browser.newPage();
  await page.setContent("<!doctype html><html><body><div id=out></div></body></html>");
  await page.addScriptTag({ path: `${modules}/mermaid/dist/mermaid.min.js` });
  await page.evaluate(() => mermaid.initialize({ startOnLoad: false, securityLevel: "strict" }));
  let ok = true;
  for (const g of graphs) ok = (await check(page, g)) && ok;
  await browser.close();
  process.exit(ok ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
