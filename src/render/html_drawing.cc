// The interactive page's drawing: Graphviz's SVG as the browser draws it, or, for large cases,
// the shapes of that SVG painted on a canvas. Both give the page the same things: a mark per
// entity and per relation with a classList (greyed, selected, match, on-path), the box shown
// (zoom and pan), the drawing's point under the pointer, the centre of a mark, and clicks.
#include "render/html_render.h"

namespace casegraph {

const char* const kHtmlDrawingScript = R"JS(const casegraphDrawing = (function () {
  "use strict";

  function svgDrawing(view, svg) {
    const nodes = new Map(), edges = new Map();
    for (const g of svg.querySelectorAll("g.node")) {
      const t = g.querySelector("title");
      if (t) nodes.set(t.textContent, g);
    }
    for (const g of svg.querySelectorAll("g.edge")) if (g.id) edges.set(g.id, g);
    const base = svg.viewBox.baseVal;
    const home = { x: base.x, y: base.y, w: base.width, h: base.height };
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    const d = {
      nodes, edges, root: svg, home, box: { ...home },
      marked: (cls) => [...svg.querySelectorAll("." + cls)],
      setBox(b) { d.box = b; svg.setAttribute("viewBox", `${b.x} ${b.y} ${b.w} ${b.h}`); },
      draw() {},
      toDrawing(x, y) {
        const p = svg.createSVGPoint();
        p.x = x; p.y = y;
        return p.matrixTransform(svg.getScreenCTM().inverse());
      },
      centreOf(g) {
        // The element's box in the drawing's own coordinates (Graphviz wraps it in a transform).
        const b = g.getBBox();
        const m = svg.getScreenCTM().inverse().multiply(g.getScreenCTM());
        const p = svg.createSVGPoint();
        p.x = b.x + b.width / 2;
        p.y = b.y + b.height / 2;
        return p.matrixTransform(m);
      },
      onPick(pick, label) {
        for (const [id, g] of nodes) {
          if (!label(id)) continue;  // the legend
          g.setAttribute("tabindex", "0");
          g.setAttribute("role", "button");
          g.setAttribute("aria-label", label(id));
          g.addEventListener("click", (ev) => { ev.preventDefault(); ev.stopPropagation(); pick("entity", id); });
          g.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick("entity", id, true); } });
        }
        for (const [id, g] of edges) {
          g.addEventListener("click", (ev) => { ev.preventDefault(); ev.stopPropagation(); pick("relation", id); });
        }
      },
    };
    return d;
  }

  // ---- the canvas: the same shapes, painted in the SVG's order but relations before entities
  function canvasDrawing(view, layout) {
    const canvas = document.createElement("canvas");
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", "The case, drawn: find entities with the search box");
    view.append(canvas);
    const ctx = canvas.getContext("2d");
    const [sx, sy, tx, ty] = layout.transform;
    const [vx, vy, vw, vh] = layout.viewBox;
    const home = { x: vx, y: vy, w: vw, h: vh };
    let pending = false;
    const redraw = () => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => { pending = false; paint(); });
    };
    function classes() {
      const set = new Set();
      return {
        add(c) { set.add(c); redraw(); },
        remove(c) { set.delete(c); redraw(); },
        toggle(c, on = !set.has(c)) { if (on !== set.has(c)) { on ? set.add(c) : set.delete(c); redraw(); } return on; },
        contains: (c) => set.has(c),
      };
    }
    const shape = (s) => s.t !== undefined
      ? { text: s.t, x: s.x, y: s.y, fill: s.f || "black",
          align: s.a === "middle" ? "center" : s.a === "end" ? "right" : "left",
          font: `${s.fi || ""} ${s.fw || ""} ${parseFloat(s.fs) || 14}px ${s.ff || "serif"}` }
      : { path: new Path2D(s.d), fill: s.f === undefined ? "black" : s.f, stroke: s.st || "none",
          width: parseFloat(s.w) || 1, dash: (s.da || "").split(/[ ,]+/).filter(Boolean).join(","),
          fillOpacity: s.fo === undefined ? 1 : +s.fo, strokeOpacity: s.so === undefined ? 1 : +s.so };
    const nodes = new Map(), edges = new Map();
    const items = layout.items.map((it) => {
      const m = { kind: it.k, box: it.b, shapes: it.s.map(shape), classList: classes() };
      if (it.k === "node") nodes.set(it.title, m);
      if (it.k === "edge") edges.set(it.id, m);
      return m;
    });
    const rank = { graph: 0, cluster: 1, edge: 2, node: 3 };
    const order = items.map((m, i) => [m, i]).sort((a, b) => rank[a[0].kind] - rank[b[0].kind] || a[1] - b[1]).map((x) => x[0]);
    const root = { classList: classes() };
    const paintable = (c) => c && c !== "none" && c !== "transparent";

    // The box shown, fitted into the canvas as SVG's "xMidYMid meet" fits a viewBox.
    function fit() {
      const w = view.clientWidth, h = view.clientHeight, b = d.box;
      const k = Math.min(w / b.w, h / b.h);
      return { k, ox: (w - b.w * k) / 2 - b.x * k, oy: (h - b.h * k) / 2 - b.y * k };
    }
    function paint() {
      const dpr = window.devicePixelRatio || 1;
      const w = view.clientWidth, h = view.clientHeight;
      if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
        canvas.width = Math.round(w * dpr);
        canvas.height = Math.round(h * dpr);
        canvas.style.width = w + "px";
        canvas.style.height = h + "px";
      }
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.fillStyle = "white";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      const f = fit();
      ctx.setTransform(dpr * f.k * sx, 0, 0, dpr * f.k * sy, dpr * (f.ox + f.k * sx * tx), dpr * (f.oy + f.k * sy * ty));
      const pathShown = root.classList.contains("path-shown");
      // Setting a context's font or dash parses it: set each only when it changes.
      let font = "", dash = "";
      for (const m of order) {
        const c = m.classList, mark = m.kind === "node" || m.kind === "edge";
        const faded = c.contains("greyed") ? 0.15 : pathShown && mark && !c.contains("on-path") ? 0.2 : 1;
        // The page's style sheet, as it applies to the SVG: a selected or focused entity's outline,
        // a search match's, a path's wider line.
        const outline = c.contains("match") ? ["#ff7f0e", 4] : c.contains("selected") ? ["#d62728", 3] : null;
        for (const s of m.shapes) {
          ctx.globalAlpha = faded;
          if (s.text !== undefined) {
            ctx.fillStyle = s.fill;
            if (font !== s.font) ctx.font = font = s.font;
            ctx.textAlign = s.align;
            ctx.fillText(s.text, s.x, s.y);
            continue;
          }
          if (paintable(s.fill)) {
            if (s.fillOpacity !== 1) ctx.globalAlpha = faded * s.fillOpacity;
            ctx.fillStyle = s.fill;
            ctx.fill(s.path);
          }
          const stroke = outline ? outline[0] : s.stroke;
          if (!paintable(stroke)) continue;
          ctx.globalAlpha = faded * s.strokeOpacity;
          ctx.strokeStyle = stroke;
          ctx.lineWidth = outline ? outline[1] : m.kind === "edge" && c.contains("on-path") && s.fill === "none" ? 4 : s.width;
          if (dash !== s.dash) ctx.setLineDash(s.dash.length ? s.dash.split(",").map(Number) : []);
          dash = s.dash;
          ctx.stroke(s.path);
        }
      }
      ctx.globalAlpha = 1;
      ctx.setLineDash([]);
    }
    // A point of the viewBox to the drawing's own coordinates, where the shapes are.
    const inner = (p) => ({ x: p.x / sx - tx, y: p.y / sy - ty });
    function hit(clientX, clientY) {
      const p = inner(d.toDrawing(clientX, clientY));
      const within = (b, pad) => p.x >= b[0] - pad && p.x <= b[2] + pad && p.y >= b[1] - pad && p.y <= b[3] + pad;
      for (const [id, m] of [...nodes].reverse()) if (within(m.box, 0)) return ["entity", id];
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      const pad = 6 / (fit().k * Math.abs(sx));  // six pixels either side of a line
      ctx.lineWidth = 2 * pad;
      let found = null;
      for (const [id, m] of edges) {
        if (within(m.box, pad) && m.shapes.some((s) => s.path && (ctx.isPointInStroke(s.path, p.x, p.y) || ctx.isPointInPath(s.path, p.x, p.y)))) found = ["relation", id];
      }
      ctx.restore();
      return found;
    }
    const d = {
      nodes, edges, root, home, box: { ...home },
      marked: (cls) => items.filter((m) => m.classList.contains(cls)),
      setBox(b) { d.box = b; redraw(); },
      toDrawing(x, y) {
        const r = canvas.getBoundingClientRect(), f = fit();
        return { x: (x - r.left - f.ox) / f.k, y: (y - r.top - f.oy) / f.k };
      },
      centreOf: (m) => ({ x: ((m.box[0] + m.box[2]) / 2 + tx) * sx, y: ((m.box[1] + m.box[3]) / 2 + ty) * sy }),
      onPick(pick) {
        canvas.addEventListener("click", (ev) => {
          const found = hit(ev.clientX, ev.clientY);
          if (found) pick(...found);
        });
      },
    };
    // Painted once the page has laid out its controls (draw), then when the view's size changes.
    let size = [0, 0];
    d.draw = () => { size = [view.clientWidth, view.clientHeight]; paint(); };
    new ResizeObserver(() => {
      if (size[0] === view.clientWidth && size[1] === view.clientHeight) return;
      size = [view.clientWidth, view.clientHeight];
      redraw();
    }).observe(view);
    return d;
  }

  return (view) => {
    const layout = document.getElementById("drawing-data");
    return layout ? canvasDrawing(view, JSON.parse(layout.textContent)) : svgDrawing(view, view.querySelector("svg"));
  };
})();
)JS";

}  // namespace casegraph
