// Can the second core shorten JSON.parse? The 10k inventory is split at its top-level
// SecurityGroupRules member (54% of the bytes): a worker thread parses that member while the
// main thread parses the rest. Each figure comes from a fresh process (a heap left over from an
// earlier measurement changes the next one), modes alternating, from bytes already in memory:
//   whole     the main thread parses the whole file alone (what `node -e` does)
//   split     wall time until both parts are parsed (nothing handed back)
//   +clone    the same, plus the worker posting its array to the main thread (structured clone),
//             which is what a parallel CLI would need before evaluating
//   rest      the main thread parses the rest alone, no worker: the no-contention figure
// and, as the control, whether plain computation scales to two threads on this machine.
//   node [V8 flags] bench/tools/parallel-parse.cjs [FILE] [ROUNDS]
const { execFileSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { Worker } = require('node:worker_threads');

const file = process.argv[2] ?? 'bench/out/inventory-10k.json';
const rounds = Number(process.argv[3] ?? 5);
const bytes = readFileSync(file);

/** The byte range of the top-level `"Key": [...]` member, found by the next key's position. */
function memberRange(key, nextKey) {
  const start = bytes.indexOf(Buffer.from(`"${key}"`));
  const end = bytes.lastIndexOf(',', bytes.indexOf(Buffer.from(`"${nextKey}"`)));
  if (start < 0 || end < start) throw new Error(`${file}: cannot find ${key} followed by ${nextKey}`);
  return [start, end];
}
const [start, end] = memberRange('SecurityGroupRules', 'NetworkAcls');
const rest = Buffer.concat([bytes.subarray(0, start - 1), bytes.subarray(end)]);

const WORKER = `
const { parentPort, workerData: w } = require('node:worker_threads');
const text = Buffer.from(w.bytes.buffer, w.bytes.byteOffset + w.start, w.end - w.start).toString('utf8');
const parsed = JSON.parse('{' + text + '}');
parentPort.postMessage(w.clone ? parsed : 'done');
`;

function inWorker(clone) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { bytes, start, end, clone } });
    worker.once('message', () => resolve(worker.terminate()));
    worker.once('error', reject);
  });
}

const ms = (t) => Math.round(performance.now() - t);

async function split(clone) {
  const t = performance.now();
  const worker = inWorker(clone);
  JSON.parse(rest.toString('utf8'));
  await worker;
  return ms(t);
}

const MODES = { whole: () => JSON.parse(bytes.toString('utf8')), split: () => split(false), '+clone': () => split(true), rest: () => JSON.parse(rest.toString('utf8')) };

async function child(mode) {
  const t = performance.now();
  await MODES[mode]();
  process.stdout.write(String(ms(t)));
}

/** The control: one allocation-free loop, then two of them in parallel (main + worker). */
async function computeControl() {
  const LOOP = 'let x = 0; for (let i = 0; i < 3e8; i++) x = (x * 31 + i) | 0;';
  let t = performance.now();
  new Function(LOOP)();
  const one = ms(t);
  t = performance.now();
  const worker = new Worker(`${LOOP} require('node:worker_threads').parentPort.postMessage(x);`, { eval: true });
  const done = new Promise((resolve) => worker.once('message', () => resolve(worker.terminate())));
  new Function(LOOP)();
  await done;
  console.log(`control: one loop ${one} ms, two loops on two threads ${ms(t)} ms`);
}

function parent() {
  console.log(`${file}: ${(bytes.length / 1e6).toFixed(1)} MB, SecurityGroupRules ${((end - start) / 1e6).toFixed(1)} MB; ms per fresh process`);
  for (let i = 0; i < rounds; i++) {
    const line = Object.keys(MODES).map((mode) => {
      const out = execFileSync(process.execPath, [...process.execArgv, __filename, file, '1', mode], { encoding: 'utf8' });
      return `${mode} ${out}`;
    });
    console.log(`round ${i}: ${line.join(' | ')}`);
  }
}

if (process.argv[4]) child(process.argv[4]);
else {
  parent();
  computeControl();
}
