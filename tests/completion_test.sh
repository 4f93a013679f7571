#!/usr/bin/env bash
# Sources the bash completion script casegraph generates and completes a few command lines.
# Usage: completion_test.sh CASEGRAPH GRAPH_DIR
set -uo pipefail
casegraph=$1
graph=$2
PATH="$(dirname "$casegraph"):$PATH"
source <("$casegraph" completion bash)
status=0
complete_line() {  # complete_line WORD... : the last word is the one being completed
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _casegraph
  printf '%s\n' "${COMPREPLY[@]}"
}
expect() {  # expect WHAT EXPECTED-LINE -- WORD...
  local what=$1 want=$2
  shift 3
  if ! complete_line "$@" | grep -qxF -- "$want"; then
    echo "FAIL: $what: '$want' not among: $(complete_line "$@" | tr '\n' ' ')"
    status=1
  fi
}
expect "commands" "path" -- casegraph pa
expect "options of path" "--directed" -- casegraph path --dir
expect "options of export" "--around" -- casegraph export --ar
expect "an alias" "Navalny" -- casegraph -g "$graph" path Nav
expect "a name with a space, quoted" 'Alexei\ Navalny' -- casegraph -g "$graph" show Alex
expect "a Cyrillic alias" "Роскомнадзор" -- casegraph -g "$graph" neighbors Роск
# In a query (bash splits words at ':' and '(' by default; zsh's bashcompinit may not).
expect "a label after ':'" "regulator" -- casegraph -g "$graph" query 'MATCH (n' : reg
expect "a label in one word" "(n:regulator" -- casegraph -g "$graph" query '(n:reg'
expect "a relationship type" "[r:throttle" -- casegraph -g "$graph" query '[r:thr'
expect "a property" "n.name" -- casegraph -g "$graph" query 'n.na'
expect "a function" "shortestPath" -- casegraph -g "$graph" query short
expect "a keyword" "OPTIONAL" -- casegraph query OPT
expect "help topics" "format" -- casegraph help for
expect "shells" "fish" -- casegraph completion fi
[ $status -eq 0 ] && echo "ok: bash completion of commands, options, entity names and query words"
exit $status
