#!/usr/bin/env bash
# Checks that the working tree's CLI prints byte-identical JSON to a reference commit's on the
# sample account and the 10k inventory: the check behind "output byte-identical" in commits
# that only change speed.  bench/tools/same-output.sh [REF=HEAD]
set -euo pipefail
cd "$(dirname "$0")/../.."
ref=${1:-HEAD}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/ref" >/dev/null 2>&1; rm -rf "$work"' EXIT
git worktree add --detach "$work/ref" "$ref" >/dev/null 2>&1
ln -s "$PWD/node_modules" "$work/ref/node_modules"
(cd "$work/ref" && node scripts/build.mjs)
node scripts/build.mjs
for snapshot in examples/sample-account.json bench/out/inventory-10k.json; do
  node "$work/ref/dist/cli.cjs" audit --snapshot "$snapshot" --format json --fail-on none > "$work/before.json" || true
  node dist/cli.cjs audit --snapshot "$snapshot" --format json --fail-on none > "$work/after.json" || true
  if cmp -s "$work/before.json" "$work/after.json"; then echo "identical: $snapshot"; else echo "DIFFERENT: $snapshot"; exit 1; fi
done
