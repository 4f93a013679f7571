#!/usr/bin/env python3
"""Pictures that no input can break, and that show how sure each relation is.

Exports SVG (through Graphviz) of the bundled case, the hostile-names graph and a case with every
status and hostile source URLs; parses each with a strict XML parser (expat); checks that no
attribute was injected and every link is http, https or mailto; and on the statuses case that the
five statuses are drawn with five distinct line styles, the denied relation marked in its label,
the legend naming each style, and names and type labels (in the legend too) drawn as written.
Usage: pictures_test.py CASEGRAPH SOURCE_DIR"""
import subprocess
import sys
import xml.etree.ElementTree as ET

casegraph, source = sys.argv[1:3]
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def svg_of(graph, *extra):
    run = subprocess.run([casegraph, "-g", graph, "export", "--to", "svg", *extra], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    try:
        return ET.fromstring(run.stdout)
    except ET.ParseError as e:
        failures.append(f"{graph}: SVG is not well-formed XML: {e}")
        return None


for graph in ["graphs", "tests/data/hostile/hostile.json", "tests/data/statuses"]:
    root = svg_of(f"{source}/{graph}")
    if root is None:
        continue
    for element in root.iter():
        for name, value in element.attrib.items():
            check(not name.lower().startswith("on"), f"{graph}: injected attribute {name}={value!r}")
            if name == XLINK:
                check(value.split(":", 1)[0] in ("http", "https", "mailto"), f"{graph}: link {value!r}")
                check('"' not in value and " " not in value, f"{graph}: link not encoded: {value!r}")

root = svg_of(f"{source}/tests/data/statuses")
styles = {}
for g in root.iter(f"{SVG}g"):
    if g.get("class") != "edge":
        continue
    title = g.find(f"{SVG}title").text
    path = g.find(f".//{SVG}path")
    styles[title] = (path.get("stroke-dasharray"), path.get("stroke-width"))
    labels = " ".join(t.text or "" for t in g.iter(f"{SVG}text"))
    if title == "court->agency":
        check("(denied)" in labels, f"the denied relation is not marked: {labels!r}")
check(len(styles) == 5, f"five relations drawn, found {sorted(styles)}")
check(len(set(styles.values())) == 5, f"five distinct line styles, found {styles}")
legend = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
for word in ["fact (heavy, solid)", "reported (solid)", "alleged (heavy, dashed)", "claimed (dashed)", "denied (dotted"]:
    check(word in legend, f"the legend does not explain '{word}'")
texts = [t.text or "" for t in root.iter(f"{SVG}text")]
check("Court \\N \\G" in texts and "Critic <b>&amp;</b>" in texts, f"names drawn as written: {texts}")
check("→ stated \\N \\G about" in texts, f"Graphviz escapes in the legend drawn as written: {texts}")
links = sorted({a.get(XLINK) for a in root.iter(f"{SVG}a") if a.get(XLINK)})
check(links == ["https://example.org/case?a=1&b=2", "https://x.example/%22%20onmouseover=%22alert(1)",
                "mailto:desk@example.org"], f"links as expected: {links}")

for f in failures:
    print("FAIL:", f)
if not failures:
    print("ok: SVG well-formed with hostile input; five statuses, five line styles; links safe")
sys.exit(1 if failures else 0)
