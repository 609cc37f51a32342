// The Lambda runtime's figures of `npm run bench` (called from bench/run.mjs; runnable alone after
// `npm run build`: `node bench/runtime.mjs [inventory.json]`). Targets (issue 12):
// - each handler bundle (dist/lambdas/<name>.cjs) at most 1.2 MB;
// - its cold start at most +150 ms: a fresh `node` that requires the bundle and builds the
//   handler as its first invocation does (makeHandler(depsFromEnv()): settings, clients,
//   middleware; no network), minus an empty `node`; medians of several fresh processes;
// - the sweep use-case on the 10k inventory with in-memory adapters (bench/runtime-sweep.mjs)
//   fits a 1,024 MB function with a third to spare: peak RSS at most ~680 MB. It runs twice: with
//   Node's default heap limit, which on a machine with many GB lets V8 grow the heap rather than
//   collect (so the peak overstates what the sweep needs), and with the old space capped at
//   SWEEP_HEAP_MB, as a function can set with NODE_OPTIONS: finishing there is what fitting means.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { bundlePath, handlerNames } from '../scripts/lambda-bundles.mjs';

const PROCESSES = Number(process.env.BENCH_COLD_PROCESSES ?? 7);
const SWEEP_BUNDLE = 'bench/out/runtime-sweep.cjs';
const SWEEP_HEAP_MB = 512;
// What the stack gives each function (README "Runtime"); nothing is sent, so the names are placeholders.
const HANDLER_ENV = {
  AWS_REGION: 'eu-west-1',
  VPC_AUDITOR_SETTINGS: '{}',
  FINDING_STATE_TABLE: 'vpc-auditor-finding-state',
  REMEDIATION_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/vpc-auditor-remediation',
  NODE_NO_WARNINGS: '1',
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Wall time of a fresh `node -e script`, in ms. */
function wall(script, env) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-e', script], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node -e exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Per bundle: size, and cold start over an empty node, alternating so both see the same machine. */
function bundles() {
  return handlerNames().map((name) => {
    const build = `const m = require(${JSON.stringify(`./${bundlePath(name)}`)}); m.makeHandler(m.depsFromEnv());`;
    const cold = [];
    const empty = [];
    for (let i = 0; i < PROCESSES; i++) {
      empty.push(wall('', HANDLER_ENV));
      cold.push(wall(build, HANDLER_ENV));
    }
    return { name, mb: statSync(bundlePath(name)).size / 1e6, plusMs: median(cold) - median(empty), emptyMs: median(empty) };
  });
}

async function buildSweep() {
  await build({ entryPoints: ['bench/runtime-sweep.mjs'], outfile: SWEEP_BUNDLE, bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'warning' });
}

function sweep(inventoryFile, nodeFlags = []) {
  const r = spawnSync(process.execPath, [...nodeFlags, SWEEP_BUNDLE, inventoryFile], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`the sweep bench (${nodeFlags.join(' ') || 'default flags'}) exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

const sweepLine = (s) =>
  `first sweep ${Math.round(s.firstMs)} ms (${s.first.evaluated} findings, ${s.first.sent} sent in ${s.imports} BatchImportFindings requests), unchanged second sweep ${Math.round(s.secondMs)} ms (${s.second.sent} sent), peak RSS ${Math.round(s.peakMb)} MB`;

/** Markdown for BENCHMARKS.md. */
export async function runtimeBench(inventoryFile) {
  const rows = bundles();
  await buildSweep();
  const loose = sweep(inventoryFile);
  const capped = sweep(inventoryFile, [`--max-old-space-size=${SWEEP_HEAP_MB}`]);
  const table = [
    '| handler bundle | size (target <= 1.2 MB) | cold start over an empty `node` (target <= +150 ms) |',
    '|---|---|---|',
    ...rows.map((r) => `| \`${bundlePath(r.name)}\` | ${r.mb.toFixed(2)} MB | +${Math.round(r.plusMs)} ms |`),
  ].join('\n');
  return `Lambda runtime. Cold start: a fresh \`node\` requiring the bundle and building the handler (\`makeHandler(depsFromEnv())\`, no network), minus an empty \`node\` (${Math.round(rows[0]?.emptyMs ?? 0)} ms), medians of ${PROCESSES} processes each.

${table}

Sweep use-case (\`sweepRegion\`) on \`${inventoryFile}\` with in-memory adapters (the inventory as the collected snapshot, read and parsed in ${Math.round(loose.parse)} ms; the real Security Hub importer over a client that keeps nothing; the finding-state table as JSON items in the process), one fresh process each. Node's default heap limit: ${sweepLine(loose)}. Old space capped at ${SWEEP_HEAP_MB} MB (\`--max-old-space-size\`): ${sweepLine(capped)} (target: at most ~680 MB, a third under a 1,024 MB function).`;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await runtimeBench(process.argv[2] ?? 'bench/out/inventory-10k.json'));
}
