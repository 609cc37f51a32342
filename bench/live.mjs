// The live-mode figures of `npm run bench` (called from bench/run.mjs; runnable alone:
// `node bench/live.mjs [groups]`). moto (../shared/moto.md) is seeded with `groups` security
// groups of 10 ingress rules each; then, side by side, alternating:
// - `audit --live` as a user runs it (calls in flight: collectConcurrency, default 8);
// - the same command with collectConcurrency 1: the same describe calls, one after another.
// The ratio is what concurrency buys (moto answers without paging, so it understates AWS,
// where a 1,000-group region is a few pages per key). Numbers are recorded, not asserted.
// Twice: against moto itself, then through a proxy (scripts/counting-proxy.mjs) that holds each
// request AWS_ROUND_TRIP_MS. moto answers on loopback and serializes on its own CPU, so alone it
// shows almost no gain; the proxy adds the round trip that concurrency hides on AWS. The proxy
// also counts: the most requests in flight at once, and that both runs make the same calls.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { countingProxy } from '../scripts/counting-proxy.mjs';
import { findMotoPython, MOTO_INSTALL_HINT, startMoto } from '../scripts/moto.mjs';

const require = createRequire(import.meta.url);
const RULES_PER_GROUP = 10;
const REGION = 'eu-west-1';
// A typical in-region AWS API round trip (TLS connection reused, EC2 Describe* answering): what
// each call costs a user beyond the server's own work, and what concurrency can overlap.
const AWS_ROUND_TRIP_MS = 40;

/** Creates the groups, at most 8 calls at a time. */
async function seed(url, groups) {
  const { EC2Client, CreateSecurityGroupCommand, AuthorizeSecurityGroupIngressCommand, CreateVpcCommand } = require('@aws-sdk/client-ec2');
  const ec2 = new EC2Client({ region: REGION, endpoint: url, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc.VpcId;
  let next = 0;
  const worker = async () => {
    while (next < groups) {
      const i = next++;
      const { GroupId } = await ec2.send(new CreateSecurityGroupCommand({ GroupName: `bench-${i}`, Description: 'bench', VpcId: vpc }));
      const IpPermissions = Array.from({ length: RULES_PER_GROUP }, (_, r) => ({
        IpProtocol: 'tcp',
        FromPort: 1000 + r,
        ToPort: 1000 + r,
        IpRanges: [{ CidrIp: r === 0 && i % 10 === 0 ? '0.0.0.0/0' : `10.${r}.${i % 256}.0/24` }],
      }));
      await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId, IpPermissions }));
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/**
 * Wall time of one `audit --live` against `url`. Spawned without blocking: the proxy answers
 * from this process's event loop.
 */
function timedAudit(url, config) {
  const env = { ...process.env, AWS_ENDPOINT_URL: url, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: REGION, NODE_NO_WARNINGS: '1' };
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, ['dist/cli.cjs', 'audit', '--live', '--format', 'table', '--fail-on', 'none', '--config', config], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (status !== 0) reject(new Error(`audit --live exited ${status}: ${stderr}`));
      else resolve(ms);
    });
  });
}

/** One audit through a fresh proxy adding `delayMs` per request: its time, calls, and most in flight. */
async function proxiedAudit(url, config, delayMs) {
  const proxy = await countingProxy(url, { delayMs });
  try {
    const ms = await timedAudit(proxy.url, config);
    return { ms, calls: [...proxy.calls].sort(), maxInFlight: proxy.maxInFlight };
  } finally {
    await proxy.close();
  }
}

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

/** Concurrent and sequential runs side by side, alternating, so both see the same machine state. */
async function sideBySide(rounds, run) {
  const a = [];
  const b = [];
  for (let i = 0; i < rounds; i++) {
    a.push(await run('concurrent'));
    b.push(await run('sequential'));
  }
  return [a, b];
}

/** Two Markdown paragraphs for BENCHMARKS.md: against moto, then through the delaying proxy. */
export async function liveBench({ groups = 1000, rounds = Number(process.env.BENCH_ROUNDS ?? 5) } = {}) {
  const found = findMotoPython();
  if (!found) return `Live mode: not measured (moto is not installed: ${MOTO_INSTALL_HINT}).`;
  const moto = await startMoto(found.python);
  const dir = mkdtempSync(join(tmpdir(), 'vpc-auditor-bench-'));
  try {
    const seedStart = Date.now();
    await seed(moto.url, groups);
    const seedMs = Date.now() - seedStart;
    const concurrent = join(dir, 'concurrent.json');
    const sequential = join(dir, 'sequential.json');
    writeFileSync(concurrent, '{}');
    writeFileSync(sequential, JSON.stringify({ collectConcurrency: 1 }));
    const configs = { concurrent, sequential };
    const [a, b] = await sideBySide(rounds, (mode) => timedAudit(moto.url, configs[mode]));
    const [pa, pb] = await sideBySide(rounds, (mode) => proxiedAudit(moto.url, configs[mode], AWS_ROUND_TRIP_MS));
    // Every run must make the same calls, or the ratio compares different work.
    const callSets = new Set([...pa, ...pb].map((r) => r.calls.join()));
    if (callSets.size !== 1) throw new Error(`the live runs made different calls: ${[...callSets].join(' | ')}`);
    const [ma, mb] = [median(a), median(b)];
    const [pma, pmb] = [median(pa.map((r) => r.ms)), median(pb.map((r) => r.ms))];
    const inFlight = (runs) => Math.max(...runs.map((r) => r.maxInFlight));
    return [
      `Live mode against moto ${found.version} seeded with ${groups} security groups x ${RULES_PER_GROUP} rules (seeding ${(seedMs / 1000).toFixed(1)} s): whole \`audit --live --format table\` ${Math.round(ma)} ms; the same describe calls one after another (collectConcurrency 1) ${Math.round(mb)} ms; ratio ${(mb / ma).toFixed(2)} (medians of ${rounds}).`,
      `The same through a loopback proxy adding ${AWS_ROUND_TRIP_MS} ms per request (an in-region AWS round trip; bench/live.mjs): ${Math.round(pma)} ms concurrent, ${Math.round(pmb)} ms one after another; ratio ${(pmb / pma).toFixed(2)} (medians of ${rounds}); the delay adds ${Math.round(pma - ma)} ms to the concurrent run and ${Math.round(pmb - mb)} ms to the sequential one. At the proxy: ${pa[0].calls.length} requests per run, the same in every run of both modes; at most ${inFlight(pa)} in flight at once (collectConcurrency 1: ${inFlight(pb)}).`,
    ].join('\n\n');
  } finally {
    moto.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await liveBench({ groups: Number(process.argv[2] ?? 1000) }));
}
