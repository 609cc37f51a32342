#!/usr/bin/env bash
# Median first-run evaluation time over N fresh processes (default 6), for the whole catalog and
# for the SG+NACL rules, with the CLI's V8 flags plus any given as arguments. A quick A/B between
# full `npm run bench` runs; build first (`node scripts/build.mjs`).
#   bench/tools/first-runs.sh [extra V8 flags...]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${N:-6}
flags=$(node -p "require('./bin/cli/v8-tuning.json').flags.join(' ')")
script='
const e = require("./dist/engine.cjs");
const snap = e.parseSnapshot(JSON.parse(require("fs").readFileSync("bench/out/inventory-10k.json", "utf8")));
const rules = process.argv[1] === "sg+nacl" ? e.CATALOG.filter((r) => /^(SecurityGroup|NetworkAcl)$/.test(r.meta.resourceKind)) : e.CATALOG;
const a = performance.now();
e.evaluate(rules, new e.SnapshotModel(snap), { settings: e.DEFAULT_SETTINGS, now: new Date() });
console.log(Math.round(performance.now() - a));'
for part in all sg+nacl; do
  # shellcheck disable=SC2086
  times=$(for _ in $(seq "$N"); do node $flags "$@" -e "$script" "$part"; done | sort -n)
  echo "$part: median $(echo "$times" | sed -n "$(( (N + 1) / 2 ))p") ms of $(echo $times)"
done
