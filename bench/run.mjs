// `npm run bench`: measures the engine and the CLI on the generated inventories and prints the
// results; `npm run bench -- --record` also appends them to BENCHMARKS.md with the command and the
// machine (so a trial run leaves the checkout clean). Not a test: numbers are recorded, not
// asserted. Every measurement runs in a fresh process so it sees what a real run sees.
// BENCH_SIZES=1k runs one inventory size only (a quick check that the bench itself works).
//
// Targets (10k-group inventory, this 2-core machine):
// - SG + NACL rules evaluate in under 300 ms; the whole catalog, reachability included, in under
//   500 ms, with peak memory under 500 MB;
// - `vpc-auditor audit --snapshot <10k> --format table` takes at most 1.5x as long as `node -e`
//   reading and JSON-parsing the same file, measured side by side in one run;
// - every output format peaks within 1.5x of the table's RSS (json and asff are streamed);
// - the Lambda runtime's targets: see bench/runtime.mjs.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { generateInventory } from './generate.mjs';
import { liveBench } from './live.mjs';
import { runtimeBench } from './runtime.mjs';

const OUT = 'bench/out';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ALL_SIZES = [
  { name: '1k', groups: 1000, nacls: 100 },
  { name: '10k', groups: 10000, nacls: 1000 },
];
const SIZES = process.env.BENCH_SIZES ? ALL_SIZES.filter((s) => process.env.BENCH_SIZES.split(',').includes(s.name)) : ALL_SIZES;
const RECORD = process.argv.includes('--record');
const FORMATS = ['table', 'json', 'asff'];

// A first run is one sample per process and varies by +-50 ms: take the median of several.
const COLD_PROCESSES = Number(process.env.BENCH_COLD_PROCESSES ?? 5);
// The V8 flags the CLI sets at start-up (bin/cli.ts), so in-process runs see what a CLI run sees.
const CLI_V8_FLAGS = JSON.parse(readFileSync('bin/cli/v8-tuning.json', 'utf8')).flags;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (xs) => median(xs.map((x) => x.ms));
const fmt = (x) => `${Math.round(x)} ms`;
const node = (args, opts = {}) => spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });

/** The inventory file, compact, or indented by two spaces as `jq -s add` writes a snapshot. */
function inventory({ name, groups, nacls }, pretty = false) {
  const file = join(OUT, `inventory-${name}${pretty ? '-pretty' : ''}.json`);
  if (!existsSync(file)) {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(file, JSON.stringify(generateInventory({ groups, nacls, seed: 42 }), null, pretty ? 2 : undefined));
  }
  return file;
}

/**
 * Evaluation inside fresh processes, for one part of the catalog: the first run (what a CLI run
 * or a cold Lambda pays; the median over COLD_PROCESSES processes) and warm runs (a warm Lambda,
 * a long-lived process).
 */
function engineRun(file, catalog) {
  const script = `
    const { readFileSync } = require('node:fs');
    const e = require('./dist/engine.cjs');
    const t = () => performance.now();
    const rules = ${catalog === 'sg+nacl' ? "e.CATALOG.filter((r) => r.meta.resourceKind === 'SecurityGroup' || r.meta.resourceKind === 'NetworkAcl')" : 'e.CATALOG'};
    let a = t(); const raw = JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8')); const parse = t() - a;
    a = t(); const snap = e.parseSnapshot(raw); const validate = t() - a;
    const opts = { settings: e.DEFAULT_SETTINGS, now: new Date() };
    const runs = [];
    let findings = 0;
    let peakMb = 0;
    for (let i = 0; i < ${ROUNDS + 1}; i++) {
      a = t(); findings = e.evaluate(rules, new e.SnapshotModel(snap), opts).length; runs.push(t() - a);
      if (i === 0) peakMb = process.resourceUsage().maxRSS / 1024; // what one audit holds at most
    }
    console.log(JSON.stringify({ rules: rules.length, parse, validate, cold: runs[0], warm: runs.slice(1), findings, peakMb }));
  `;
  const samples = [];
  for (let i = 0; i < COLD_PROCESSES; i++) {
    const r = node([...CLI_V8_FLAGS, '-e', script]);
    if (r.status !== 0) throw new Error(r.stderr);
    samples.push(JSON.parse(r.stdout));
  }
  return {
    ...samples[0],
    validate: median(samples.map((s) => s.validate)),
    cold: median(samples.map((s) => s.cold)),
    colds: samples.map((s) => s.cold),
    warm: samples.map((s) => median(s.warm)),
    peakMb: Math.max(...samples.map((s) => s.peakMb)),
  };
}

/** Wall time of a whole command, and its peak RSS from GNU time when the machine has it. */
function timed(args) {
  const gnuTime = existsSync('/usr/bin/time');
  const start = process.hrtime.bigint();
  const r = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] })
    : node(args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const kb = gnuTime ? Number(r.stderr.trim().split('\n').at(-1)) : Number.NaN;
  return { ms: elapsed, peakMb: kb / 1024 };
}

function machine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} x ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

const rows = [];
for (const size of SIZES) {
  const file = inventory(size);
  const mb = statSync(file).size / 1e6;
  const sgNacl = engineRun(file, 'sg+nacl');
  const all = engineRun(file, 'all');
  // Side by side, alternating, so both see the same machine state.
  // Two baselines: the plain `readFileSync(path, 'utf8')` the target was set against, and the
  // faster read the CLI itself uses (bytes, then decode: bin/cli/io.ts), so the second ratio
  // shows what the CLI adds beyond reading and parsing.
  const baseline = [];
  const sameRead = [];
  const audit = [];
  for (let i = 0; i < ROUNDS; i++) {
    baseline.push(timed(['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`]));
    sameRead.push(timed(['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}).toString('utf8'))`]));
    audit.push(timed(['dist/cli.cjs', 'audit', '--snapshot', file, '--format', 'table']));
  }
  rows.push({ size: size.name, mb: mb.toFixed(1), sgNacl, all, baseline: ms(baseline), sameRead: ms(sameRead), audit: ms(audit), auditPeak: Math.max(...audit.map((a) => a.peakMb)) });
}

// The same 10k inventory as a user's snapshot file looks (README: `jq -s add` indents by two
// spaces): only the whole process differs, since the parsed content is the same.
const prettyFile = inventory(SIZES.at(-1), true);
const pretty = { baseline: [], audit: [] };
for (let i = 0; i < ROUNDS; i++) {
  pretty.baseline.push(timed(['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(prettyFile)}, 'utf8'))`]));
  pretty.audit.push(timed(['dist/cli.cjs', 'audit', '--snapshot', prettyFile, '--format', 'table']));
}
const prettyLine = `The same ${SIZES.at(-1).name} inventory indented as \`jq -s add\` writes it (${(statSync(prettyFile).size / 1e6).toFixed(1)} MB): \`node -e\` read+parse ${fmt(ms(pretty.baseline))}, \`audit --format table\` ${fmt(ms(pretty.audit))}, ratio ${(ms(pretty.audit) / ms(pretty.baseline)).toFixed(2)}.`;

// Peak RSS of the whole CLI per output format on the largest inventory, output thrown away:
// what printing costs beyond evaluating (one run each: the peak barely moves between runs).
const formatPeaks = Object.fromEntries(
  FORMATS.map((format) => [format, timed(['dist/cli.cjs', 'audit', '--snapshot', inventory(SIZES.at(-1)), '--format', format, '--fail-on', 'none']).peakMb]),
);
const peaksLine = `Peak RSS of \`audit\` by output format, ${SIZES.at(-1).name} inventory, one run each: ${FORMATS.map((f) => `${f} ${Math.round(formatPeaks[f])} MB${f === 'table' ? '' : ` (${(formatPeaks[f] / formatPeaks.table).toFixed(2)}x table)`}`).join(', ')}.`;

const range = (xs) => `${Math.round(Math.min(...xs))}-${Math.round(Math.max(...xs))}`;
const table = [
  '| inventory | file | validate | SG+NACL rules: first run (range) / warm | whole catalog: first run (range) / warm | peak RSS after parse + first evaluation | `node -e` read+parse | `audit --format table` | ratio | ratio to `node -e` reading as the CLI does | audit peak RSS |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.size} groups | ${r.mb} MB | ${fmt(r.all.validate)} | ${fmt(r.sgNacl.cold)} (${range(r.sgNacl.colds)}) / ${fmt(median(r.sgNacl.warm))} (${r.sgNacl.rules} rules) | ${fmt(r.all.cold)} (${range(r.all.colds)}) / ${fmt(median(r.all.warm))} (${r.all.rules} rules, ${r.all.findings} findings) | ${Math.round(r.all.peakMb)} MB | ${fmt(r.baseline)} | ${fmt(r.audit)} | ${(r.audit / r.baseline).toFixed(2)} | ${(r.audit / r.sameRead).toFixed(2)} (${fmt(r.sameRead)}) | ${Math.round(r.auditPeak)} MB |`,
  ),
].join('\n');

const liveLine = await liveBench(); // bench/live.mjs: audit --live against moto
const runtimeLines = await runtimeBench(inventory(SIZES.at(-1))); // bench/runtime.mjs: handler bundles, the sweep use-case

const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim() || 'uncommitted';
// BENCHMARKS.md itself does not count: earlier entries of this run's session may be uncommitted.
const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!BENCHMARKS.md'], { encoding: 'utf8' }).stdout.trim() ? ' (with uncommitted changes)' : '';
const entry = `
## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${commit}${dirty}

Command: \`npm run bench -- --record\` (${ROUNDS} rounds; medians). Machine: ${machine()}.
Inventories from \`bench/generate.mjs\` (seed 42). \"First run\" is evaluate() once in a fresh process after parsing and validation (what a CLI run pays), median of ${COLD_PROCESSES} processes; \"warm\" is the median of the next ${ROUNDS} in each process (median over processes). In-process runs use the V8 flags the CLI sets (${CLI_V8_FLAGS.join(' ')}, bin/cli/v8-tuning.json).

${table}

${prettyLine}

${peaksLine}

${liveLine}

${runtimeLines}
`;
if (RECORD) {
  if (!existsSync('BENCHMARKS.md')) writeFileSync('BENCHMARKS.md', '# Benchmarks\n\nAppended by `npm run bench -- --record`; newest last. Targets and how to read them: see the top of bench/run.mjs.\n');
  appendFileSync('BENCHMARKS.md', entry);
}
console.log(entry);
if (!RECORD) console.log('(not recorded: `npm run bench -- --record` appends this to BENCHMARKS.md)');
