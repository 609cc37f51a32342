// CPU profile of evaluating the 10k inventory: `cold` profiles the first run of a fresh process,
// `warm` four runs after one unprofiled run. Usage (after build-unminified.mjs):
//   node [--max-inlined-bytecode-size-cumulative=200] bench/tools/profile-cpu.cjs cold|warm [rule-id-regex]
// The profiler shows up as "dispatch" and inflates GC: compare profiles with each other only.
const { Session } = require('node:inspector');
const { setUp, printCpuProfile } = require('./profile-lib.cjs');

const [mode = 'cold', pattern] = process.argv.slice(2);
const { run } = setUp(pattern);
const runs = mode === 'warm' ? 4 : 1;
if (mode === 'warm') run();
const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 200 });
session.post('Profiler.start');
const start = performance.now();
for (let i = 0; i < runs; i++) run();
console.log(`${mode}: ${((performance.now() - start) / runs).toFixed(0)} ms per run (profiled)`);
session.post('Profiler.stop', (err, { profile }) => printCpuProfile(profile, runs));
