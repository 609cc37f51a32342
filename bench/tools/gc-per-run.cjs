// Garbage-collection time inside each evaluation of the 10k inventory: a fresh process runs the
// evaluation 5 times under --trace-gc and this sums V8's own pause figures per run. Scavenges
// (young generation) cost in proportion to what survives them, so this is the number to watch
// when a change keeps more alive during a run (findings, memos, indexes).
//   node bench/tools/gc-per-run.cjs [all|sg+nacl]
const { execFileSync } = require('node:child_process');
const flags = require('../../bin/cli/v8-tuning.json').flags;

if (process.argv[2] === '--child') {
  const e = require('../../dist/engine.cjs');
  const snap = e.parseSnapshot(JSON.parse(require('node:fs').readFileSync('bench/out/inventory-10k.json').toString('utf8')));
  const rules = process.argv[3] === 'sg+nacl' ? e.CATALOG.filter((r) => /^(SecurityGroup|NetworkAcl)$/.test(r.meta.resourceKind)) : e.CATALOG;
  for (let i = 0; i < 5; i++) {
    console.log(`RUN-START ${i}`);
    const a = performance.now();
    e.evaluate(rules, new e.SnapshotModel(snap), { settings: e.DEFAULT_SETTINGS, now: new Date() });
    console.log(`RUN-END ${i} ${Math.round(performance.now() - a)}`);
  }
} else {
  const part = process.argv[2] ?? 'all';
  const out = execFileSync(process.execPath, [...flags, '--trace-gc', __filename, '--child', part], { encoding: 'utf8', maxBuffer: 64 << 20 });
  let run = null;
  for (const line of out.split('\n')) {
    if (line.startsWith('RUN-START')) run = { scavenges: 0, scavengeMs: 0, other: 0, otherMs: 0 };
    else if (line.startsWith('RUN-END')) {
      const [, i, ms] = line.split(' ');
      console.log(`${part} run ${i}: ${ms} ms; ${run.scavenges} scavenges ${run.scavengeMs.toFixed(0)} ms; ${run.other} other GC ${run.otherMs.toFixed(0)} ms`);
      run = null;
    } else if (run) {
      const pause = /, ([0-9.]+) \/ [0-9.]+ ms/.exec(line);
      if (!pause) continue;
      if (line.includes('Scavenge')) {
        run.scavenges++;
        run.scavengeMs += Number(pause[1]);
      } else {
        run.other++;
        run.otherMs += Number(pause[1]);
      }
    }
  }
}
