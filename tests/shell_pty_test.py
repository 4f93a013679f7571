#!/usr/bin/env python3
"""Drives `casegraph shell` through a pseudo-terminal: tab completion of commands and entity
names, line editing (Ctrl-A, backspace), and history kept across sessions (the Up key).
Usage: shell_pty_test.py CASEGRAPH GRAPH_DIR
"""
import os
import pty
import select
import sys
import tempfile
import time

casegraph, graph = sys.argv[1], sys.argv[2]
home = tempfile.mkdtemp()


def session(keys, no_color=False):
    """Runs one shell session typing `keys` (a list of strings, sent one after another) and
    returns everything the terminal showed."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["HOME"] = home
        os.environ["TERM"] = "xterm"
        os.environ.pop("NO_COLOR", None)
        if no_color:
            os.environ["NO_COLOR"] = "1"
        os.execv(casegraph, [casegraph, "-g", graph, "shell"])
    shown = b""

    def read(timeout):
        nonlocal shown
        end = time.time() + timeout
        while time.time() < end:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    data = os.read(fd, 65536)
                except OSError:
                    return
                if not data:
                    return
                shown += data

    read(1.0)
    for k in keys:
        os.write(fd, k.encode())
        read(0.6)
    os.write(fd, b":quit\r")
    read(1.0)
    os.waitpid(pid, 0)
    return shown.decode("utf-8", "replace")


failures = []


def expect(what, text, needle):
    if needle not in text:
        failures.append(f"{what}: {needle!r} not shown")


first = session(["pa\t", "Navalny NC\t", "\r", "how Twitter", "\x01s", "\r", "find twitx\x7f\r"])
expect("completion of a command and an entity", first, "Alexei Navalny → National Center on Sexual Exploitation: 3 hops")
expect("editing with Ctrl-A, and colour on a terminal", first, "\x1b[1mTwitter\x1b[0m [twitter] · platform")
expect("backspace", first, "twitter-rules\tTwitter Rules (policy)")
second = session(["\x1b[A", "\r"])  # Up: the last line of the first session
expect("history across sessions", second, "twitter-rules\tTwitter Rules (policy)")
history = open(os.path.join(home, ".casegraph_history"), encoding="utf-8").read()
expect("history file", history, "Navalny")  # libedit writes spaces as \040
quoted = session(["show Alexei\t", "\r"])
expect("a name with a space completes quoted", quoted, "Alexei Navalny\x1b[0m [navalny] · person")
plain = session(["show Twitter\r"], no_color=True)
expect("NO_COLOR: plain ASCII on a terminal", plain, "Twitter [twitter] | platform")

for f in failures:
    print("FAIL:", f)
if not failures:
    print("ok: completion, editing, history, colour and NO_COLOR through a pseudo-terminal")
sys.exit(1 if failures else 0)
