#!/usr/bin/env python3
"""Progress on a terminal only: loads a CSV edge file with CASEGRAPH_PROGRESS_DELAY=0 (progress
from the start), once with stderr on a pseudo-terminal (progress shown, then cleared) and once
with stderr on a pipe (none). Usage: progress_pty_test.py CASEGRAPH
"""
import os
import pty
import random
import subprocess
import sys
import tempfile

casegraph = sys.argv[1]
work = tempfile.mkdtemp()
edges = os.path.join(work, "edges.csv")
rng = random.Random(3)
with open(edges, "w") as f:
    f.write("from,to\n")
    for _ in range(300000):
        f.write(f"n{rng.randrange(50000)},n{rng.randrange(50000)}\n")
env = dict(os.environ, CASEGRAPH_PROGRESS_DELAY="0")

pid, fd = pty.fork()
if pid == 0:
    os.environ.update(env)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # the answer elsewhere: only stderr is on the terminal
    os.execv(casegraph, [casegraph, "-g", edges, "stats"])
shown = b""
while True:
    try:
        data = os.read(fd, 65536)
    except OSError:
        break
    if not data:
        break
    shown += data
_, status = os.waitpid(pid, 0)
text = shown.decode("utf-8", "replace")
failures = []
if os.waitstatus_to_exitcode(status) != 0:
    failures.append(f"exit status {os.waitstatus_to_exitcode(status)}")
if "casegraph: reading 1 path" not in text:
    failures.append("no progress on the terminal: " + repr(text[:200]))
if not text.endswith("\r\x1b[K"):
    failures.append("the progress line is not cleared at the end: " + repr(text[-40:]))

piped = subprocess.run([casegraph, "-g", edges, "stats"], env=env, capture_output=True, text=True)
if piped.returncode != 0 or piped.stderr != "":
    failures.append("progress or errors on a pipe: " + repr(piped.stderr[:200]))

for f in failures:
    print("FAIL:", f)
print("ok" if not failures else f"{len(failures)} failures")
sys.exit(1 if failures else 0)
