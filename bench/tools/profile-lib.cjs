// Shared by the profile tools: the 10k inventory, the rule subset, and profile summaries.
const { readFileSync } = require('node:fs');

const engine = require('../../dist/engine-unminified.cjs');

function setUp(pattern) {
  const snap = engine.parseSnapshot(JSON.parse(readFileSync(process.env.INVENTORY ?? 'bench/out/inventory-10k.json', 'utf8')));
  const re = new RegExp(pattern ?? '.');
  const rules = engine.CATALOG.filter((r) => re.test(r.meta.id));
  const run = () => engine.evaluate(rules, new engine.SnapshotModel(snap), { settings: engine.DEFAULT_SETTINGS, now: new Date() });
  return { run };
}

/** Self and inclusive time per function of a CPU profile, divided by `runs`. */
function printCpuProfile(profile, runs, top = Number(process.env.TOP ?? 30)) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfById = new Map();
  profile.samples.forEach((id, i) => selfById.set(id, (selfById.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const self = new Map();
  const inclusive = new Map();
  const walk = (node, seen) => {
    const key = `${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber + 1}`;
    let t = selfById.get(node.id) ?? 0;
    self.set(key, (self.get(key) ?? 0) + t);
    const inner = new Set(seen).add(key);
    for (const child of node.children ?? []) t += walk(byId.get(child), inner);
    if (!seen.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + t);
    return t;
  };
  walk(profile.nodes[0], new Set());
  const show = (title, map) => {
    console.log(`--- ${title} (ms per run; line numbers are in dist/engine-unminified.cjs)`);
    [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).forEach(([k, v]) => console.log((v / 1000 / runs).toFixed(1).padStart(7), k));
  };
  show('self', self);
  show('inclusive', inclusive);
}

module.exports = { setUp, printCpuProfile };
