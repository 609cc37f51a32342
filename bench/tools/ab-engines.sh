#!/usr/bin/env bash
# First-run and warm evaluation of two engine bundles, alternating process by process, so both see
# the same machine state (this shared VM drifts 10-20% within an hour; runs taken apart in time do
# not compare). Build each side with `node scripts/build.mjs` and copy dist/engine.cjs away first.
#   bench/tools/ab-engines.sh A.cjs B.cjs [N=8] [all|sg+nacl]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${3:-8}
PART=${4:-all}
flags=$(node -p "require('./bin/cli/v8-tuning.json').flags.join(' ')")
script='
const e = require(require("path").resolve(process.argv[1]));
const snap = e.parseSnapshot(JSON.parse(require("fs").readFileSync("bench/out/inventory-10k.json").toString()));
const rules = process.argv[2] === "sg+nacl" ? e.CATALOG.filter((r) => /^(SecurityGroup|NetworkAcl)$/.test(r.meta.resourceKind)) : e.CATALOG;
const run = () => { const a = performance.now(); e.evaluate(rules, new e.SnapshotModel(snap), { settings: e.DEFAULT_SETTINGS, now: new Date() }); return performance.now() - a; };
const first = run();
const warm = [run(), run(), run()].sort((x, y) => x - y)[1];
console.log(Math.round(first), Math.round(warm));'
for _ in $(seq "$N"); do
  for bundle in "$1" "$2"; do
    # shellcheck disable=SC2086
    echo "$bundle $(node $flags -e "$script" "$bundle" "$PART")"
  done
done | awk '
  { first[$1] = first[$1] " " $2; warm[$1] = warm[$1] " " $3 }
  END { for (b in first) print b "\n  first run:" first[b] "\n  warm:     " warm[b] }'
