#!/usr/bin/env python3
"""batch reads standard input by blocks: answers come one per non-blank line, in order, however
the lines fall across reads — a file (large reads), a pipe fed in small pieces, a last line with
no line break, blank and CRLF lines, lines longer than a read.
Usage: batch_stdin_test.py CASEGRAPH SOURCE_DIR"""
import json, os, subprocess, sys, tempfile, threading

binary, source = sys.argv[1], sys.argv[2]
graph = os.path.join(source, "graphs")
ids = [e["id"] for e in json.loads(subprocess.run([binary, "-g", graph, "export", "--to", "json"],
                                                  capture_output=True, text=True, check=True).stdout)["nodes"]]
lines, expected = [], []
for i in range(3000):
    entity = ids[i % len(ids)]
    pad = " " * (70000 if i == 1234 else i % 7)  # one line longer than a 64 KB read
    lines.append(pad + json.dumps({"command": "neighbors", "entity": entity, "count": True}) + ("\r" if i % 5 == 0 else ""))
    expected.append(entity)
    if i % 11 == 0:
        lines.append("   ")
text = "\n".join(lines)  # no line break after the last line
failures = 0

def check(answer_text, how):
    global failures
    answers = [json.loads(l) for l in answer_text.splitlines()]
    got = [a.get("query", {}).get("entity") for a in answers]
    if got != expected:
        failures += 1
        print(f"FAIL: {how}: {len(got)} answers, {sum(g == e for g, e in zip(got, expected))} in place of {len(expected)}")

with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
    f.write(text)
with open(f.name) as stdin:
    check(subprocess.run([binary, "-g", graph, "batch"], stdin=stdin, capture_output=True, text=True).stdout, "from a file")
os.unlink(f.name)
p = subprocess.Popen([binary, "-g", graph, "batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
data = text.encode()

def feed():  # pieces that split lines and characters anywhere
    for at in range(0, len(data), 4093):
        p.stdin.write(data[at:at + 4093])
        p.stdin.flush()
    p.stdin.close()

writer = threading.Thread(target=feed)
writer.start()
check(p.stdout.read().decode(), "from a pipe in 4,093-byte pieces")
writer.join()
p.wait()
print(f"{failures} checks FAILED" if failures else "ok: batch reads standard input by blocks")
sys.exit(1 if failures else 0)
