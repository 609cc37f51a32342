// Bytes allocated per function in one warm evaluation of the 10k inventory (sampling heap
// profiler, collected objects included). Usage (after build-unminified.mjs):
//   node bench/tools/profile-allocations.cjs [rule-id-regex]
const { Session } = require('node:inspector');
const { setUp } = require('./profile-lib.cjs');

const { run } = setUp(process.argv[2]);
run();
run();
const session = new Session();
session.connect();
session.post('HeapProfiler.enable');
const options = { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true };
session.post('HeapProfiler.startSampling', options, () => {
  run();
  session.post('HeapProfiler.stopSampling', (err, { profile }) => {
    const bySite = new Map();
    let total = 0;
    const walk = (node, path) => {
      const key = `${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber + 1}`;
      total += node.selfSize;
      if (node.selfSize > 0) {
        const site = [key, ...path.slice(-2).reverse()].join(' <- ');
        bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
      }
      for (const child of node.children ?? []) walk(child, [...path, key]);
    };
    walk(profile.head, []);
    console.log(`allocated in one warm run: ${(total / 1e6).toFixed(1)} MB (line numbers are in dist/engine-unminified.cjs)`);
    [...bySite.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30).forEach(([k, v]) => console.log((v / 1e6).toFixed(1).padStart(6), 'MB', k));
  });
});
