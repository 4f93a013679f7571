#!/usr/bin/env node
// The interactive view (export --to html) in a real browser: Debian's Chromium driven by
// puppeteer-core. Opens the page of the bundled case, of names made to break HTML, and of a
// generated 2,000-entity case, and checks: no request leaves the file, no script error, every
// entity drawn; clicking an entity shows its quotes; search by an alias finds the entity; status
// and date filters grey exactly the relations the command line's filters leave out; the path
// picker draws a shortest path that `casegraph path --all` also finds. Screenshots of each state
// go to OUTDIR; timings (open, click) are printed, not asserted.
// Usage: NODE_MODULES=.../node_modules node html_view_test.js CASEGRAPH SOURCE_DIR OUTDIR
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const [binary, source, outdir] = process.argv.slice(2);
let puppeteer;
try {
  puppeteer = require(`${process.env.NODE_MODULES}/puppeteer-core`);
} catch (e) {
  console.log(`FAIL: npm puppeteer-core is not installed in ${process.env.NODE_MODULES} (tools/setup installs it)`);
  process.exit(1);
}
fs.mkdirSync(outdir, { recursive: true });
const cg = (graph, ...args) => execFileSync(binary, ["-g", graph, ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
const cgJson = (graph, ...args) => {
  try {
    return JSON.parse(cg(graph, ...args, ...(args[0] === "export" ? [] : ["--format", "json"])));
  } catch (e) {
    return JSON.parse(e.stdout);  // exit status 1: nothing found, still an answer
  }
};
let failures = 0;
const check = (ok, what) => {
  if (!ok) {
    failures++;
    console.log("FAIL: " + what);
  }
};
const sameSet = (a, b) => a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");

async function open(browser, file) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  const problems = { requests: [], errors: [], dialogs: [] };
  await page.setRequestInterception(true);
  page.on("request", (r) => {
    if (r.url() === "file://" + file || r.url().startsWith("data:")) return r.continue();
    problems.requests.push(r.url());
    r.abort();
  });
  page.on("pageerror", (e) => problems.errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") problems.errors.push(m.text()); });
  page.on("dialog", (d) => { problems.dialogs.push(d.message()); d.dismiss(); });
  const started = Date.now();
  await page.goto("file://" + file);
  await page.waitForSelector("body[data-ready]", { timeout: 20000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));  // painted
  const scriptMs = await page.$eval("body", (b) => b.dataset.scriptMs);
  return { page, problems, openMs: Date.now() - started, scriptMs };
}

async function greyedRelations(page) {
  return page.$$eval("g.edge.greyed", (gs) => gs.map((g) => g.id));
}

// Where a large case's page paints each entity on its canvas, computed here from the shapes the
// file embeds (not from the page's script): a point inside the entity's box, above its label, in
// page coordinates, unless a later entity's box covers it.
async function canvasPoints(page, file) {
  const html = fs.readFileSync(file, "utf8");
  const start = html.indexOf('<script type="application/json" id="drawing-data">');
  const layout = JSON.parse(html.slice(html.indexOf(">", start) + 1, html.indexOf("</script>", start)));
  const rect = await page.$eval("#view canvas", (c) => { const r = c.getBoundingClientRect(); return { x: r.left, y: r.top, w: r.width, h: r.height }; });
  const [vx, vy, vw, vh] = layout.viewBox, [sx, sy, tx, ty] = layout.transform;
  const k = Math.min(rect.w / vw, rect.h / vh), ox = (rect.w - vw * k) / 2 - vx * k, oy = (rect.h - vh * k) / 2 - vy * k;
  const nodes = layout.items.filter((it) => it.k === "node");
  return {
    layout,
    points: nodes.map((it, i) => {
      const [x0, y0, x1, y1] = it.b, x = (x0 + x1) / 2, y = y0 + (y1 - y0) * 0.18;
      const covered = nodes.slice(i + 1).some((o) => x >= o.b[0] && x <= o.b[2] && y >= o.b[1] && y <= o.b[3]);
      const fill = it.s.find((s) => s.d !== undefined)?.f;
      return { id: it.title, fill, covered, x: rect.x + ox + k * sx * (x + tx), y: rect.y + oy + k * sy * (y + ty) };
    }),
  };
}

async function common(browser, name, graph, file) {
  const { page, problems, openMs, scriptMs } = await open(browser, file);
  const exported = cgJson(graph, "export", "--to", "json");
  const first = exported.nodes[0];
  let clickAt = null;
  if (await page.$("#view canvas")) {
    // A large case, painted on a canvas: every entity and relation is among its shapes, and each
    // entity's colour is on the canvas where its box is.
    // Sampled at a size where an entity's box is tens of pixels high, between its edge and label.
    await page.setViewport({ width: 3200, height: 3200 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const { layout, points } = await canvasPoints(page, file);
    check(sameSet(layout.items.filter((it) => it.k === "edge").map((it) => it.id), exported.links.map((l) => l.key)),
          `${name}: every relation among the drawing's shapes`);
    const ids = new Set(points.map((p) => p.id));
    check(exported.nodes.every((n) => ids.has(n.id)), `${name}: every entity among the drawing's shapes`);
    const colours = await page.$eval("#view canvas", (c, ps) => {
      const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data, r = c.getBoundingClientRect();
      const scale = c.width / r.width;
      return ps.map((p) => {
        const at = (Math.round((p.y - r.top) * scale) * c.width + Math.round((p.x - r.left) * scale)) * 4;
        return "#" + [0, 1, 2].map((i) => data[at + i].toString(16).padStart(2, "0")).join("");
      });
    }, points);
    const entityPoints = points.filter((p) => exported.nodes.some((n) => n.id === p.id));
    const wrong = entityPoints.filter((p) => !p.covered && colours[points.indexOf(p)] !== p.fill.toLowerCase());
    const covered = entityPoints.filter((p) => p.covered).length;
    check(wrong.length === 0, `${name}: ${wrong.length} entities not painted in their colour: ` +
          wrong.slice(0, 3).map((p) => `${p.id} ${colours[points.indexOf(p)]} not ${p.fill}`).join(", "));
    console.log(`${name}: ${entityPoints.length - covered} entities found painted in their colour on the canvas, ${covered} under another`);
    clickAt = entityPoints.find((p) => !p.covered);
    await page.setViewport({ width: 1400, height: 900 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    Object.assign(clickAt, (await canvasPoints(page, file)).points.find((p) => p.id === clickAt.id));
  } else {
    const drawn = await page.$$eval("g.node[role=button]", (gs) => gs.length);
    check(drawn === exported.nodes.length, `${name}: ${drawn} entities drawn, the case has ${exported.nodes.length}`);
    const edges = await page.$$eval("g.edge", (gs) => gs.map((g) => g.id));
    check(sameSet(edges, exported.links.map((l) => l.key)), `${name}: every relation drawn`);
  }
  // A click on an entity opens its panel; timed.
  const target = clickAt ? exported.nodes.find((n) => n.id === clickAt.id) : first;
  const started = Date.now();
  if (clickAt) {
    await page.mouse.click(clickAt.x, clickAt.y);
  } else {
    await page.evaluate((id) => {
      const g = [...document.querySelectorAll("g.node")].find((n) => n.querySelector("title").textContent === id);
      g.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    }, first.id);
  }
  await page.waitForFunction((n) => document.querySelector("#panel h2")?.textContent === n, { timeout: 5000 }, target.name);
  const clickMs = Date.now() - started;
  await page.screenshot({ path: path.join(outdir, `html-${name}-entity.png`) });
  check(problems.requests.length === 0, `${name}: requests left the file: ${problems.requests}`);
  check(problems.errors.length === 0, `${name}: script errors: ${problems.errors}`);
  check(problems.dialogs.length === 0, `${name}: dialogs opened: ${problems.dialogs}`);
  const size = fs.statSync(file).size;
  console.log(`${name}: ${exported.nodes.length} entities, ${exported.links.length} relations, ${(size / 1024).toFixed(0)} KB; ` +
              `opened in ${openMs} ms (the page's script ${scriptMs} ms of it), a click answered in ${clickMs} ms`);
  return { page, exported, size };
}

async function main() {
  const scratch = fs.mkdtempSync("/tmp/casegraph-html-");
  const pages = {};
  for (const [name, graph] of [["case", `${source}/graphs`], ["hostile", `${source}/tests/data/hostile/html.json`]]) {
    pages[name] = { graph, file: path.join(scratch, name + ".html") };
    cg(graph, "export", "--to", "html", "-o", pages[name].file);
  }
  const generated = path.join(scratch, "generated.json");
  execFileSync(path.join(path.dirname(binary), "tools/bench/casegraph_generate_case"), ["2000", "3000", generated]);
  pages.generated = { graph: generated, file: path.join(scratch, "generated.html") };
  cg(generated, "export", "--to", "html", "-o", pages.generated.file);

  let browser;
  try {
    browser = await puppeteer.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu"] });
  } catch (e) {
    console.log(`FAIL: Chromium (/usr/bin/chromium, Debian package chromium) does not start: ${e.message}`);
    process.exit(1);
  }

  // The bundled case: every interaction against the command line's answers.
  const graph = pages.case.graph;
  const { page, exported, size } = await common(browser, "case", graph, pages.case.file);
  check(size < 300 * 1024, `case: the page is ${size} bytes, over 300 KB`);
  // Its panel shows the quotes of its relations.
  const withQuotes = exported.nodes.find((n) => cgJson(graph, "show", n.id).relations.some((r) => r.evidence.some((e) => e.quote)));
  const shown = cgJson(graph, "show", withQuotes.id);
  await page.evaluate((id) => {
    const g = [...document.querySelectorAll("g.node")].find((n) => n.querySelector("title").textContent === id);
    g.dispatchEvent(new MouseEvent("click", { bubbles: true }));
  }, withQuotes.id);
  const quotes = await page.$$eval("#panel q", (qs) => qs.map((q) => q.textContent));
  const expectedQuotes = shown.relations.flatMap((r) => r.evidence.filter((e) => e.quote).map((e) => e.quote));
  check(sameSet(quotes, expectedQuotes), `case: ${withQuotes.id}'s panel shows ${quotes.length} quotes, show has ${expectedQuotes.length}`);
  // Search by an alias, typed in another case and without its accents where it has any.
  const aliased = exported.nodes.find((n) => n.aliases.some((a) => /[^\x00-\x7f]/.test(a))) || exported.nodes.find((n) => n.aliases.length);
  const alias = aliased.aliases.find((a) => /[^\x00-\x7f]/.test(a)) || aliased.aliases[0];
  const typed = alias.normalize("NFKD").replace(/\p{M}/gu, "").toUpperCase();
  await page.type("#search", typed);
  await page.keyboard.press("Enter");
  await page.waitForFunction((n) => document.querySelector("#panel h2")?.textContent === n, { timeout: 5000 }, aliased.name);
  const found = cgJson(graph, "find", alias).matches?.map((m) => m.id) || [];
  check(found.length === 0 || found[0] === aliased.id, `case: find '${alias}' gives ${found[0]}, the page ${aliased.id}`);
  await page.screenshot({ path: path.join(outdir, "html-case-search.png") });
  // A status filter greys exactly what `--status` leaves out.
  await page.click("#status-reported");
  const kept = cgJson(graph, "export", "--to", "json", "--status", "fact,alleged,claimed,denied").links.map((l) => l.key);
  check(sameSet(await greyedRelations(page), exported.links.map((l) => l.key).filter((k) => !kept.includes(k))),
        "case: unticking 'reported' greys the reported relations");
  await page.screenshot({ path: path.join(outdir, "html-case-status-filter.png") });
  await page.click("#status-reported");
  check((await greyedRelations(page)).length === 0, "case: ticking it again greys nothing");
  // Dates, as of a day and in a window, as the command line reads them.
  for (const [inputs, flags] of [[{ asOf: "2021-03-09" }, ["--as-of", "2021-03-09"]],
                                 [{ from: "2021-03-10", to: "2021-03-31" }, ["--from", "2021-03-10", "--until", "2021-03-31"]]]) {
    await page.evaluate((inputs) => {
      for (const key of ["asOf", "from", "to"]) {
        const input = document.getElementById("date-" + key);
        input.value = inputs[key] || "";
        input.dispatchEvent(new Event("change"));
      }
    }, inputs);
    const inWindow = cgJson(graph, "export", "--to", "json", ...flags).links.map((l) => l.key);
    check(sameSet(await greyedRelations(page), exported.links.map((l) => l.key).filter((k) => !inWindow.includes(k))),
          `case: dates ${flags.join(" ")} grey what the command line leaves out`);
  }
  await page.screenshot({ path: path.join(outdir, "html-case-date-filter.png") });
  await page.evaluate(() => {
    for (const key of ["asOf", "from", "to"]) {
      const input = document.getElementById("date-" + key);
      input.value = "";
      input.dispatchEvent(new Event("change"));
    }
  });
  // The path picker: a shortest path, one of those `path --all` finds, as long as `path`'s.
  for (const [a, b] of [["navalny", "ncose"], ["roskomnadzor", "twitter-cse-policy"]]) {
    await page.select("#path-from", a);
    await page.select("#path-to", b);
    await page.click("#path-go");
    const hops = (await page.$eval("#view", (v) => v.dataset.path || "")).split(" ").filter(Boolean);
    const all = cgJson(graph, "path", a, b, "--all", "--limit", "1000").paths.map((p) => p.hops.map((h) => h.relation).join(" "));
    const shortest = cgJson(graph, "path", a, b).paths[0];
    check(hops.length === shortest.length, `case: path ${a} -> ${b} has ${hops.length} hops, casegraph path ${shortest.length}`);
    check(all.includes(hops.join(" ")), `case: path ${a} -> ${b} (${hops}) is one of casegraph path --all's`);
    const lit = await page.$$eval("g.edge.on-path", (gs) => gs.map((g) => g.id));
    check(sameSet(lit, hops), `case: the path's relations are drawn highlighted`);
  }
  await page.screenshot({ path: path.join(outdir, "html-case-path.png") });
  // Zoom by keyboard changes the view; 0 fits it again.
  const viewBox = () => page.$eval("#view svg", (s) => s.getAttribute("viewBox").trim().split(/\s+/).map(Number).join(" "));
  await page.focus("#view");
  await page.keyboard.press("0");
  const before = await viewBox();
  await page.keyboard.press("+");
  const zoomed = await viewBox();
  await page.keyboard.press("0");
  check(zoomed !== before && (await viewBox()) === before, `case: + zooms (${before} -> ${zoomed}), 0 fits`);
  await page.close();

  // Names made to break the page stay text.
  const hostile = await common(browser, "hostile", pages.hostile.graph, pages.hostile.file);
  for (const n of hostile.exported.nodes) {
    await hostile.page.evaluate((id) => {
      const g = [...document.querySelectorAll("g.node")].find((x) => x.querySelector("title").textContent === id);
      g.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    }, n.id);
    const h2 = await hostile.page.$eval("#panel h2", (h) => h.textContent);
    check(h2 === n.name, `hostile: ${n.id}'s name shown as ${JSON.stringify(h2)}`);
  }
  const links = await hostile.page.$$eval("#panel a[href], a[href]", (as) => as.map((a) => a.getAttribute("href")));
  check(!links.some((h) => /^\s*javascript:/i.test(h)), `hostile: a javascript: link: ${links}`);
  const injected = await hostile.page.$$eval("img, [onerror], [onload]", (xs) => xs.length);
  check(injected === 0, "hostile: no element or handler injected");
  await hostile.page.close();

  // 2,000 entities: drawn whole, and answering.
  const big = await common(browser, "generated", pages.generated.graph, pages.generated.file);
  {
    const [a, b] = [big.exported.links[0].source, big.exported.links[big.exported.links.length - 1].target];
    await big.page.select("#path-from", a);
    await big.page.select("#path-to", b);
    await big.page.click("#path-go");
    const hops = (await big.page.$eval("#view", (v) => v.dataset.path || "")).split(" ").filter(Boolean);
    const shortest = cgJson(pages.generated.graph, "path", a, b).paths?.[0];
    check(shortest && hops.length === shortest.length, `generated: path ${a} -> ${b} has ${hops.length} hops, casegraph path ${shortest?.length}`);
    await big.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await big.page.screenshot({ path: path.join(outdir, "html-generated-path.png") });
  }
  await big.page.close();
  await browser.close();
  fs.rmSync(scratch, { recursive: true, force: true });
  console.log(failures ? `${failures} checks FAILED` : "ok: the interactive view, in Chromium");
  process.exit(failures ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
