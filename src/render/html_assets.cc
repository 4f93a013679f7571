// The interactive page's script and style sheet, written for casegraph (no framework, nothing
// fetched): panels for entities and relations, search, filters by status, type and date, the path
// between two entities, zoom and pan. Every user string reaches the page through textContent.
#include "render/html_render.h"

namespace casegraph {

const char* const kHtmlScript = R"JS((function () {
  "use strict";
  const started = performance.now();
  const data = JSON.parse(document.getElementById("case-data").textContent);
  const view = document.getElementById("view");
  const drawing = casegraphDrawing(view);
  const panel = document.getElementById("panel");
  const controls = document.getElementById("controls");
  const kStatuses = ["fact", "reported", "alleged", "claimed", "denied"];

  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const relations = data.relations;
  const nodeOf = new Map([...drawing.nodes].filter(([id]) => entities.has(id)));
  const edgeOf = drawing.edges;

  // ---- elements, built with textContent only: no user string is ever parsed as markup
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "text") e.textContent = v; else e.setAttribute(k, v);
    }
    for (const c of children) if (c) e.append(c);
    return e;
  }
  function safeUrl(url) {
    const u = (url || "").trim().toLowerCase();
    return u.startsWith("http://") || u.startsWith("https://") || u.startsWith("mailto:") ? url.trim() : "";
  }

  // ---- search: ids, names and aliases, case and accents aside, as `casegraph find` ranks them
  const fold = (s) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
    .replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d\u00ab\u00bb]/g, '"').replace(/\s+/g, " ").trim();
  const keys = data.entities.map((e) => ({ e, keys: [e.id, e.name, ...e.aliases].map(fold) }));
  function find(text) {
    const q = fold(text);
    if (!q) return [];
    const rank = (k) => k === q ? 0 : k.startsWith(q) ? 1 : (" " + k).includes(" " + q) ? 2 : k.includes(q) ? 3 : 9;
    return keys.map(({ e, keys }) => ({ e, r: Math.min(...keys.map(rank)) })).filter((x) => x.r < 9)
      .sort((a, b) => a.r - b.r).map((x) => x.e);
  }

  // ---- filters: statuses, relation types, and dates with the command line's semantics
  const state = { statuses: new Set(kStatuses), types: new Set(relations.map((r) => r.type)), asOf: "", from: "", to: "" };
  function passesTime(r) {
    if (state.asOf) {  // events begun by then; spans begun and not ended before; undated always
      if (!r.dated) return true;
      const d = state.asOf;
      if (r.first && r.first > d) return false;
      return !r.span || !r.last || r.last >= d;
    }
    if (state.from || state.to) {  // overlaps the window; undated do not
      if (!r.dated) return false;
      if (state.to && r.first && r.first > state.to) return false;
      if (state.from && r.last && r.last < state.from) return false;
    }
    return true;
  }
  const linked = new Set(relations.flatMap((r) => [r.from, r.to]));
  const visible = (r) => state.statuses.has(r.status) && state.types.has(r.type) && passesTime(r);
  function applyFilters() {
    const used = new Set();
    for (const r of relations) {
      const shown = visible(r);
      edgeOf.get(r.id)?.classList.toggle("greyed", !shown);
      if (shown) { used.add(r.from); used.add(r.to); }
    }
    for (const [id, g] of nodeOf) g.classList.toggle("greyed", !used.has(id) && linked.has(id));
  }

  // ---- panels
  function evidenceList(r) {
    const list = el("ul", { class: "evidence" });
    for (const ev of r.evidence) {
      const url = safeUrl(ev.url);
      const source = ev.title || ev.source;
      const cite = url ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer", text: source }) : el("span", { text: source });
      list.append(el("li", {}, ev.quote ? el("q", { text: ev.quote }) : el("span", { text: ev.locator }), " — ", cite));
    }
    if (!r.evidence.length) list.append(el("li", { class: "none", text: "no evidence recorded" }));
    return list;
  }
  function attributesTable(attrs) {
    const entries = Object.entries(attrs || {});
    if (!entries.length) return null;
    const t = el("table", { class: "attributes" });
    for (const [k, v] of entries) t.append(el("tr", {}, el("th", { text: k }), el("td", { text: v === null ? "null" : String(v) })));
    return t;
  }
  const nameOf = (id) => (entities.get(id) || { name: id }).name;
  function relationLine(r, from) {
    const forward = from === undefined || r.from === from;
    const other = forward ? r.to : r.from;
    const label = forward || r.symmetric ? r.label : r.inverse;
    const line = el("div", { class: "relation-line" },
      el("a", { href: "#", class: "relation", "data-relation": r.id, text: (from === undefined ? nameOf(r.from) + " " : "") + label + " " + nameOf(other) }),
      el("span", { class: "when", text: r.when ? " · " + r.when : "" }),
      el("span", { class: "status status-" + r.status, text: r.status }));
    return line;
  }
  function show(...children) {
    panel.replaceChildren(el("button", { class: "close", "aria-label": "Close", text: "×" }), ...children.filter(Boolean));
  }
  function showEntity(id) {
    const e = entities.get(id);
    if (!e) return;
    select(nodeOf.get(id));
    const items = el("ul", { class: "relations" });
    for (const r of relations.filter((r) => r.from === id || r.to === id)) {
      items.append(el("li", { class: visible(r) ? "" : "greyed" }, relationLine(r, id), evidenceList(r)));
    }
    show(el("h2", { text: e.name }), el("p", { class: "type", text: data.types[e.type] || e.type }),
      e.aliases.length ? el("p", { class: "aliases", text: "Also: " + e.aliases.join(", ") }) : null,
      e.description ? el("p", { class: "description", text: e.description }) : null,
      attributesTable(e.attributes), el("h3", { text: "Relations" }), items);
  }
  function showRelation(id) {
    const r = relations.find((x) => x.id === id);
    if (!r) return;
    select(edgeOf.get(id));
    show(el("h2", {}, relationLine(r)), el("p", { text: "Status: " + r.status + (r.when ? " · " + r.when : "") + " · weight " + r.weight }),
      attributesTable(r.attributes), el("h3", { text: "Evidence" }), evidenceList(r));
  }
  let selected = null;
  function select(g) {
    selected?.classList.remove("selected");
    selected = g || null;
    selected?.classList.add("selected");
  }

  // ---- path between two entities: fewest hops over the relations the filters show, any direction
  function shortestPath(a, b) {
    const prev = new Map([[a, null]]);
    let frontier = [a];
    const adjacent = new Map();
    for (const r of relations.filter(visible)) {
      for (const [x, y] of [[r.from, r.to], [r.to, r.from]]) {
        if (!adjacent.has(x)) adjacent.set(x, []);
        adjacent.get(x).push([r, y]);
      }
    }
    while (frontier.length && !prev.has(b)) {
      const next = [];
      for (const v of frontier) {
        for (const [r, u] of adjacent.get(v) || []) {
          if (!prev.has(u)) { prev.set(u, [v, r]); next.push(u); }
        }
      }
      frontier = next;
    }
    if (!prev.has(b)) return null;
    const hops = [];
    for (let v = b; v !== a; v = prev.get(v)[0]) hops.unshift({ from: prev.get(v)[0], relation: prev.get(v)[1] });
    return hops;
  }
  function showPath(a, b) {
    clearPath();
    const hops = a === b ? [] : shortestPath(a, b);
    if (!hops) {
      show(el("h2", { text: "No path" }), el("p", { text: "No path from " + nameOf(a) + " to " + nameOf(b) + " with these filters." }));
      return;
    }
    drawing.root.classList.add("path-shown");
    const list = el("ol", { class: "hops" });
    for (const h of hops) {
      edgeOf.get(h.relation.id)?.classList.add("on-path");
      nodeOf.get(h.from)?.classList.add("on-path");
      list.append(el("li", {}, relationLine(h.relation, h.from), evidenceList(h.relation)));
    }
    nodeOf.get(b)?.classList.add("on-path");
    show(el("h2", { text: nameOf(a) + " → " + nameOf(b) }), el("p", { text: hops.length + (hops.length === 1 ? " hop" : " hops") }), list);
    view.dataset.path = hops.map((h) => h.relation.id).join(" ");
  }
  function clearPath() {
    drawing.root.classList.remove("path-shown");
    for (const g of drawing.marked("on-path")) g.classList.remove("on-path");
    delete view.dataset.path;
  }

  // ---- zoom and pan: the box of the drawing shown
  const home = drawing.home;
  const setBox = (b) => drawing.setBox(b);
  function zoom(factor, cx = drawing.box.x + drawing.box.w / 2, cy = drawing.box.y + drawing.box.h / 2) {
    const box = drawing.box;
    setBox({ x: cx - (cx - box.x) * factor, y: cy - (cy - box.y) * factor, w: box.w * factor, h: box.h * factor });
  }
  function centre(g) {
    if (!g) return;
    const c = drawing.centreOf(g);
    const w = Math.min(drawing.box.w, home.w), h = Math.min(drawing.box.h, home.h);
    setBox({ x: c.x - w / 2, y: c.y - h / 2, w, h });
  }
  view.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const at = drawing.toDrawing(ev.clientX, ev.clientY);
    zoom(ev.deltaY > 0 ? 1.15 : 1 / 1.15, at.x, at.y);
  }, { passive: false });
  let drag = null;
  view.addEventListener("pointerdown", (ev) => { drag = { x: ev.clientX, y: ev.clientY, box: { ...drawing.box }, moved: false }; });
  view.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    const scale = drawing.toDrawing(1, 0).x - drawing.toDrawing(0, 0).x;  // drawing units per pixel
    if (Math.abs(ev.clientX - drag.x) + Math.abs(ev.clientY - drag.y) > 3) drag.moved = true;
    if (drag.moved) setBox({ ...drag.box, x: drag.box.x - (ev.clientX - drag.x) * scale, y: drag.box.y - (ev.clientY - drag.y) * scale });
  });
  view.addEventListener("pointerup", () => { setTimeout(() => { drag = null; }, 0); });

  // ---- clicks and keys
  drawing.onPick((kind, id, key) => {
    if (drag?.moved && !key) return;
    if (kind === "entity" && nodeOf.has(id)) showEntity(id);
    if (kind === "relation") showRelation(id);
  }, (id) => entities.get(id)?.name);
  panel.addEventListener("click", (ev) => {
    const a = ev.target.closest("[data-relation]");
    if (a) { ev.preventDefault(); showRelation(a.dataset.relation); }
    if (ev.target.closest(".close")) { panel.replaceChildren(); select(null); }
  });
  view.addEventListener("keydown", (ev) => {
    const box = drawing.box, step = box.w / 10;
    const keys = { "+": () => zoom(1 / 1.25), "=": () => zoom(1 / 1.25), "-": () => zoom(1.25), "0": () => setBox({ ...home }),
      ArrowLeft: () => setBox({ ...box, x: box.x - step }), ArrowRight: () => setBox({ ...box, x: box.x + step }),
      ArrowUp: () => setBox({ ...box, y: box.y - step }), ArrowDown: () => setBox({ ...box, y: box.y + step }) };
    if (keys[ev.key] && !(ev.target instanceof HTMLInputElement)) { ev.preventDefault(); keys[ev.key](); }
  });
  document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") { panel.replaceChildren(); select(null); clearPath(); } });

  // ---- the controls
  const search = el("input", { type: "search", id: "search", placeholder: "Find an entity (name, alias, id)", "aria-label": "Find an entity" });
  const results = el("ul", { id: "results", role: "listbox" });
  function pick(e) {
    results.replaceChildren();
    for (const g of drawing.marked("match")) g.classList.remove("match");
    nodeOf.get(e.id)?.classList.add("match");
    centre(nodeOf.get(e.id));
    showEntity(e.id);
  }
  search.addEventListener("input", () => {
    results.replaceChildren(...find(search.value).slice(0, 10).map((e) => {
      const li = el("li", { role: "option", tabindex: "0", text: e.name + " (" + e.id + ")" });
      li.addEventListener("click", () => pick(e));
      li.addEventListener("keydown", (ev) => { if (ev.key === "Enter") pick(e); });
      return li;
    }));
  });
  search.addEventListener("keydown", (ev) => { if (ev.key === "Enter") { const m = find(search.value); if (m.length) pick(m[0]); } });

  const statusBoxes = el("fieldset", { id: "statuses" }, el("legend", { text: "Status" }));
  for (const s of kStatuses) {
    const box = el("input", { type: "checkbox", value: s, id: "status-" + s });
    box.checked = true;
    box.addEventListener("change", () => { box.checked ? state.statuses.add(s) : state.statuses.delete(s); applyFilters(); });
    statusBoxes.append(el("label", {}, box, " " + s));
  }
  const typeBoxes = el("fieldset", { id: "types" }, el("legend", { text: "Relation types" }));
  for (const t of [...state.types].sort()) {
    const r = relations.find((x) => x.type === t);
    const box = el("input", { type: "checkbox", value: t, id: "type-" + t });
    box.checked = true;
    box.addEventListener("change", () => { box.checked ? state.types.add(t) : state.types.delete(t); applyFilters(); });
    typeBoxes.append(el("label", {}, box, " " + r.label));
  }
  const dates = el("fieldset", { id: "dates" }, el("legend", { text: "Dates" }));
  for (const [key, label] of [["asOf", "as of"], ["from", "from"], ["to", "to"]]) {
    const input = el("input", { type: "date", id: "date-" + key, "aria-label": label });
    input.addEventListener("change", () => { state[key] = input.value; applyFilters(); });
    dates.append(el("label", {}, label + " ", input));
  }
  const sorted = [...data.entities].sort((a, b) => a.name.localeCompare(b.name));
  const names = document.createDocumentFragment();
  for (const e of sorted) names.append(new Option(e.name, e.id));
  const chooser = (id, label, list) => {
    const select = el("select", { id, "aria-label": label }, new Option(label, ""));
    select.append(list);
    return select;
  };
  const fromSel = chooser("path-from", "from…", names.cloneNode(true)), toSel = chooser("path-to", "to…", names);
  const go = el("button", { id: "path-go", text: "Show path" });
  go.addEventListener("click", () => { if (fromSel.value && toSel.value) showPath(fromSel.value, toSel.value); });
  const clear = el("button", { id: "path-clear", text: "Clear" });
  clear.addEventListener("click", clearPath);
  const zooms = el("span", { class: "zoom" });
  for (const [text, fn] of [["+", () => zoom(1 / 1.25)], ["−", () => zoom(1.25)], ["fit", () => setBox({ ...home })]]) {
    const b = el("button", { text, "aria-label": text === "fit" ? "Fit the drawing" : "Zoom " + (text === "+" ? "in" : "out") });
    b.addEventListener("click", fn);
    zooms.append(b);
  }
  controls.append(el("div", { class: "find" }, search, results), statusBoxes, typeBoxes, dates,
    el("fieldset", { id: "path" }, el("legend", { text: "Path between" }), fromSel, toSel, go, clear), zooms);
  applyFilters();
  drawing.draw();
  document.body.dataset.scriptMs = String(Math.round(performance.now() - started));
  document.body.dataset.ready = "true";
})();
)JS";

const char* const kHtmlStyle = R"CSS(body { margin: 0; font: 14px/1.4 Helvetica, Arial, sans-serif; color: #222; display: flex; flex-direction: column; height: 100vh; }
header { padding: 6px 12px; border-bottom: 1px solid #ccc; background: #f7f7f7; }
h1 { font-size: 17px; margin: 2px 0 6px; }
#controls { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-start; }
fieldset { border: 1px solid #ccc; padding: 2px 6px; margin: 0; }
legend { font-size: 12px; color: #555; }
label { margin-right: 6px; white-space: nowrap; }
#types { max-width: 40em; }
.find { position: relative; }
#search { width: 18em; padding: 4px; }
#results { position: absolute; z-index: 2; list-style: none; margin: 0; padding: 0; background: #fff; border: 1px solid #aaa; max-height: 20em; overflow: auto; }
#results:empty { display: none; }
#results li { padding: 3px 8px; cursor: pointer; }
#results li:hover, #results li:focus { background: #e8f0fe; }
main { flex: 1; display: flex; min-height: 0; }
#view { flex: 1; overflow: hidden; cursor: grab; }
#view:focus { outline: 2px solid #4a90d9; }
#view svg, #view canvas { width: 100%; height: 100%; display: block; }
#panel { width: 26em; overflow: auto; border-left: 1px solid #ccc; padding: 8px 12px; }
#panel h2 { font-size: 16px; margin: 4px 0; }
#panel .close { float: right; }
.evidence { margin: 2px 0 8px; padding-left: 18px; }
.evidence q { font-style: italic; }
.status { margin-left: 6px; padding: 0 4px; border-radius: 3px; font-size: 12px; background: #eee; }
.status-fact { background: #d4edda; } .status-alleged, .status-claimed { background: #fff3cd; } .status-denied { background: #f8d7da; }
table.attributes th { text-align: left; padding-right: 8px; color: #555; }
g.node, g.edge { cursor: pointer; }
g.node:focus { outline: none; }
g.node:focus :is(polygon, ellipse, path), g.selected :is(polygon, ellipse, path) { stroke: #d62728; stroke-width: 3; }
g.greyed { opacity: 0.15; }
g.match :is(polygon, ellipse, path) { stroke: #ff7f0e; stroke-width: 4; }
svg.path-shown g.node:not(.on-path), svg.path-shown g.edge:not(.on-path) { opacity: 0.2; }
g.edge.on-path path { stroke-width: 4; }
@media print {
  header #controls, #panel .close { display: none; }
  body { display: block; height: auto; }
  main { display: block; }
  #view { overflow: visible; }
  #panel { width: auto; border: none; page-break-before: always; }
}
)CSS";

}  // namespace casegraph
