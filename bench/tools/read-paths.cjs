// Time of reading a snapshot into a string, two ways, alternating over fresh processes: on Node 20,
// readFileSync(path, 'utf8') is ~90 ms slower on a 95 MB file than reading the bytes and decoding
// them (what the CLI does, bin/cli/io.ts). Usage: node bench/tools/read-paths.cjs [FILE] [N]
const { execFileSync } = require('node:child_process');

const [file = 'bench/out/inventory-10k.json', n = '5'] = process.argv.slice(2);
const ways = {
  "readFileSync(path, 'utf8')": `require('fs').readFileSync(f, 'utf8')`,
  "readFileSync(path).toString('utf8')": `require('fs').readFileSync(f).toString('utf8')`,
};
const times = Object.fromEntries(Object.keys(ways).map((k) => [k, []]));
for (let i = 0; i < Number(n); i++) {
  for (const [name, expr] of Object.entries(ways)) {
    const script = `const f = ${JSON.stringify(file)}; const a = performance.now(); const s = ${expr}; console.log(performance.now() - a, s.length)`;
    times[name].push(Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).split(' ')[0]));
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [name, xs] of Object.entries(times)) console.log(`${name}: median ${median(xs).toFixed(0)} ms of ${xs.map((x) => x.toFixed(0)).join(' ')}`);
