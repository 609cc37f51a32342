// `npm run bench`: measures the engine and the CLI on the generated inventories and appends the
// results to BENCHMARKS.md with the command and the machine. Not a test: numbers are recorded,
// not asserted. Every measurement runs in a fresh process so it sees what a real run sees.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { generateInventory } from './generate.mjs';

const OUT = 'bench/out';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SIZES = [
  { name: '1k', groups: 1000, nacls: 100 },
  { name: '10k', groups: 10000, nacls: 1000 },
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const node = (args, opts = {}) => spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });

function inventory({ name, groups, nacls }) {
  const file = join(OUT, `inventory-${name}.json`);
  if (!existsSync(file)) {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(file, JSON.stringify(generateInventory({ groups, nacls, seed: 42 })));
  }
  return file;
}

/** Evaluation phases inside one fresh process: cold (first) run, then warm runs. */
function engineRun(file) {
  const script = `
    const { readFileSync } = require('node:fs');
    const e = require('./dist/engine.cjs');
    const t = () => performance.now();
    let a = t(); const raw = JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8')); const parse = t() - a;
    a = t(); const snap = e.parseSnapshot(raw); const validate = t() - a;
    const opts = { settings: e.DEFAULT_SETTINGS, now: new Date() };
    const runs = [];
    let findings = 0;
    for (let i = 0; i < ${ROUNDS + 1}; i++) { a = t(); findings = e.evaluate(e.CATALOG, new e.SnapshotModel(snap), opts).length; runs.push(t() - a); }
    console.log(JSON.stringify({ parse, validate, cold: runs[0], warm: runs.slice(1), findings, rssMb: process.memoryUsage.rss() / 1048576 }));
  `;
  const r = node(['-e', script]);
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

/** Wall time of a whole command, with peak RSS from /usr/bin/time when present. */
function timed(args) {
  const start = process.hrtime.bigint();
  const r = node(args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function machine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} x ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

const rows = [];
for (const size of SIZES) {
  const file = inventory(size);
  const mb = statSync(file).size / 1e6;
  const engine = engineRun(file);
  // Side by side, alternating, so both see the same machine state.
  const baseline = [];
  const audit = [];
  for (let i = 0; i < ROUNDS; i++) {
    baseline.push(timed(['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`]));
    audit.push(timed(['dist/cli.cjs', 'audit', '--snapshot', file, '--format', 'table']));
  }
  rows.push({
    size: size.name,
    mb: mb.toFixed(1),
    findings: engine.findings,
    validate: engine.validate,
    cold: engine.cold,
    warm: median(engine.warm),
    rssMb: engine.rssMb,
    baseline: median(baseline),
    audit: median(audit),
  });
}

const fmt = (ms) => `${Math.round(ms)} ms`;
const table = [
  '| inventory | file | findings | validate | evaluate, first run | evaluate, warm (median) | process RSS | `node -e` read+parse | `audit --format table` | ratio |',
  '|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.size} groups | ${r.mb} MB | ${r.findings} | ${fmt(r.validate)} | ${fmt(r.cold)} | ${fmt(r.warm)} | ${Math.round(r.rssMb)} MB | ${fmt(r.baseline)} | ${fmt(r.audit)} | ${(r.audit / r.baseline).toFixed(2)} |`,
  ),
].join('\n');

const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim() || 'uncommitted';
const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).stdout.trim() ? ' (with uncommitted changes)' : '';
const entry = `
## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${commit}${dirty}

Command: \`npm run bench\` (${ROUNDS} rounds; medians). Machine: ${machine()}.
Catalog: ${'all SG + NACL rules'}; inventories from \`bench/generate.mjs\` (seed 42).

${table}
`;
if (!existsSync('BENCHMARKS.md')) writeFileSync('BENCHMARKS.md', '# Benchmarks\n\nAppended by `npm run bench`; newest last. Targets and how to read them: see the top of bench/run.mjs.\n');
appendFileSync('BENCHMARKS.md', entry);
console.log(entry);
