#!/usr/bin/env bash
# casegraph diff as git's diff driver, in a scratch repository: .gitattributes names the driver,
# git config says how to run it, and `git diff` / `git log -p` show what changed in the records
# rather than in the lines. Also the difftool form. Usage: diff_git_test.sh CASEGRAPH
set -euo pipefail
casegraph=$(realpath "$1")
repo=$(mktemp -d)
trap 'rm -rf "$repo"' EXIT
cd "$repo"
git init -q
git config user.email test@example.org
git config user.name test
fail() { echo "FAIL: $*"; exit 1; }

cat > case.json <<'JSON'
{
  "casegraph": 1,
  "entities": [
    { "id": "vestager", "name": "Margrethe Vestager", "type": "person" },
    { "id": "google", "name": "Google LLC", "type": "company" }
  ],
  "relations": [ { "id": "android", "type": "lawsuit", "from": "vestager", "to": "google", "date": "2018-07-18" } ]
}
JSON
git add case.json && git commit -qm first

echo '*.json diff=casegraph' > .gitattributes
git config diff.casegraph.command "$casegraph diff"

# Only the layout changes: the driver says the records are the same.
python3 -c 'import json; d = json.load(open("case.json")); json.dump(d, open("case.json", "w"), indent=8, sort_keys=True)'
out=$(git diff)
grep -q "casegraph diff case.json: the records are the same" <<<"$out" || fail "layout change reported as: $out"
git commit -qam relaid

# A real change: a status, a new entity, a new relation.
python3 - <<'PY'
import json
d = json.load(open("case.json"))
d["relations"][0]["status"] = "fact"
d["entities"].append({"id": "adsense", "name": "AdSense", "type": "product"})
d["relations"].append({"id": "adsense-fine", "type": "lawsuit", "from": "vestager", "to": "adsense", "date": "2019-03-20"})
json.dump(d, open("case.json", "w"), indent=2)
PY
out=$(git diff)
grep -qx "casegraph diff case.json" <<<"$out" || fail "no header in: $out"
grep -qx '+ entity adsense: AdSense (product)' <<<"$out" || fail "added entity missing: $out"
grep -qx '+ relation adsense-fine: vestager -\[lawsuit\]-> adsense (2019-03-20, reported)' <<<"$out" || fail "added relation missing: $out"
grep -qx '    status: "reported" -> "fact"' <<<"$out" || fail "changed status missing: $out"
git commit -qam second

# git log -p and git show use the driver too (--ext-diff is the default for them with a driver).
git log -p --ext-diff -1 | grep -q '~ relation android' || fail "git log -p does not use the driver"

# A file added in a commit: git passes /dev/null as the old version.
cp case.json other.json && git add other.json
git diff --cached | grep -qx '+ entity vestager: Margrethe Vestager (person)' || fail "a new file is not all added"
git commit -qm third

# The difftool form, without .gitattributes: casegraph diff LOCAL REMOTE, its exit status kept.
rm .gitattributes && git config --unset diff.casegraph.command
out=$(git difftool --no-prompt --extcmd="$casegraph diff" HEAD~2 HEAD -- case.json)
grep -q '+ entity adsense' <<<"$out" || fail "difftool: $out"
if git difftool --no-prompt --trust-exit-code --extcmd="$casegraph diff" HEAD~2 HEAD -- case.json >/dev/null 2>&1; then
  fail "difftool with --trust-exit-code should fail when the versions differ"
fi
echo "ok: git diff, git log -p and git difftool show record changes"
