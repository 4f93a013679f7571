#!/usr/bin/env bash
# Nothing lost: kills `export -o`, `fmt` and `build -o` at random moments while they write, and checks that
# the target is always either the old file, intact, or the complete new one, never a torn file.
# Usage: kill_write_test.sh CASEGRAPH
set -euo pipefail
casegraph=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# A case large enough that writing it takes a while: 20,000 entities in a chain.
awk 'BEGIN {
  printf "{\"casegraph\":1,\"entities\":["
  for (i = 0; i < 20000; i++) printf "%s{\"id\":\"e%d\",\"name\":\"Entity %d\",\"type\":\"t\"}", (i ? "," : ""), i, i
  printf "],\"relations\":["
  for (i = 1; i < 20000; i++) printf "%s{\"type\":\"cites\",\"from\":\"e%d\",\"to\":\"e%d\",\"date\":\"2021-03\"}", (i > 1 ? "," : ""), i - 1, i
  printf "]}\n"
}' >"$dir/big.json"

start=$(date +%s%N)
"$casegraph" -g "$dir/big.json" export --to dot -o "$dir/reference.dot"
cp "$dir/big.json" "$dir/messy.json"
"$casegraph" fmt "$dir/messy.json" >/dev/null
cp "$dir/messy.json" "$dir/reference.json"
"$casegraph" -g "$dir/big.json" build -o "$dir/reference.snapshot" >/dev/null
# Kills land at random moments within the time one such command takes here (a third of the three).
window=$(( ($(date +%s%N) - start) / 3000000 + 1 ))
pause() { local ms=$((RANDOM % window)); sleep "$(printf "%d.%03d" $((ms / 1000)) $((ms % 1000)))"; }

killed=0
for i in $(seq 1 20); do
  # export -o over an existing file
  printf 'the old picture\n' >"$dir/out.dot"
  "$casegraph" -g "$dir/big.json" export --to dot -o "$dir/out.dot" &
  pid=$!
  pause
  kill -9 "$pid" 2>/dev/null && killed=$((killed + 1)) || true
  wait "$pid" 2>/dev/null || true
  if ! cmp -s "$dir/out.dot" "$dir/reference.dot" && [ "$(cat "$dir/out.dot")" != "the old picture" ]; then
    echo "export: torn file after kill $i"; exit 1
  fi
  # fmt over the original case file
  cp "$dir/big.json" "$dir/case.json"
  "$casegraph" fmt "$dir/case.json" >/dev/null &
  pid=$!
  pause
  kill -9 "$pid" 2>/dev/null && killed=$((killed + 1)) || true
  wait "$pid" 2>/dev/null || true
  if ! cmp -s "$dir/case.json" "$dir/big.json" && ! cmp -s "$dir/case.json" "$dir/reference.json"; then
    echo "fmt: torn file after kill $i"; exit 1
  fi
  # build -o over an existing snapshot: the old one, or one that opens as the new
  cp "$dir/reference.snapshot" "$dir/old.snapshot"
  printf 'not yet\n' >"$dir/g.snapshot"
  "$casegraph" -g "$dir/big.json" build -o "$dir/g.snapshot" >/dev/null &
  pid=$!
  pause
  kill -9 "$pid" 2>/dev/null && killed=$((killed + 1)) || true
  wait "$pid" 2>/dev/null || true
  if ! grep -qx "not yet" "$dir/g.snapshot" && ! "$casegraph" -g "$dir/g.snapshot" stats >/dev/null; then
    echo "build: torn snapshot after kill $i"; exit 1
  fi
  rm -f "$dir"/*.tmp-*
done
echo "ok: 60 writes, $killed killed while running; every target old or complete"
[ "$killed" -ge 10 ]  # enough kills landed while a write was under way
