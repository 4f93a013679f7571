#!/usr/bin/env bash
# For every pair of the case's main actors: the shortest connection, and its weakest piece of
# evidence (the hop with the least established status: denied < claimed < alleged < reported <
# fact). One casegraph batch answers every pair; jq writes the questions and reads the answers.
# Usage: tools/examples/weakest-links.sh [CASEGRAPH] [GRAPH]
set -euo pipefail
cd "$(dirname "$0")/../.."
casegraph="${1:-build/casegraph}"
graph="${2:-graphs}"
actors='["roskomnadzor", "twitter", "ncose", "navalny", "putin", "vadim-subbotin", "lotuseaters"]'

jq -nc --argjson a "$actors" '
  [range(0; $a | length) as $i | range($i + 1; $a | length) as $j | {command: "path", from: $a[$i], to: $a[$j]}]
  | .[]' |
  "$casegraph" -g "$graph" batch |
  jq -r '
    def strength: {"denied": 0, "claimed": 1, "alleged": 2, "reported": 3, "fact": 4}[.status];
    if .error then "error: \(.error)"
    elif (.paths | length) == 0 then "\(.query.from) - \(.query.to): not connected"
    else .paths[0] as $p
      | ($p.hops | min_by(strength)) as $weak
      | "\(.query.from) - \(.query.to): \($p.length) hop\(if $p.length == 1 then "" else "s" end); weakest: \($weak.from) \($weak.label) \($weak.to) [\($weak.status)]"
        + (if $weak.evidence[0].quote then "\n    \"\($weak.evidence[0].quote)\"" else "" end)
    end'
