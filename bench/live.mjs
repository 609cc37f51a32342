// The live-mode figures of `npm run bench` (called from bench/run.mjs; runnable alone:
// `node bench/live.mjs [groups]`). moto (../shared/moto.md) is seeded with `groups` security
// groups of 10 ingress rules each; then, side by side, alternating:
// - `audit --live` as a user runs it (calls in flight: collectConcurrency, default 8);
// - the same command with collectConcurrency 1: the same describe calls, one after another.
// The ratio is what concurrency buys (moto answers without paging, so it understates AWS,
// where a 1,000-group region is a few pages per key). Numbers are recorded, not asserted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findMotoPython, MOTO_INSTALL_HINT, startMoto } from '../scripts/moto.mjs';

const require = createRequire(import.meta.url);
const RULES_PER_GROUP = 10;
const REGION = 'eu-west-1';

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

function timedAudit(url, config) {
  const env = { ...process.env, AWS_ENDPOINT_URL: url, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: REGION, NODE_NO_WARNINGS: '1' };
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['dist/cli.cjs', 'audit', '--live', '--format', 'table', '--fail-on', 'none', '--config', config], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`audit --live exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** One Markdown paragraph for BENCHMARKS.md. */
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
    const a = [];
    const b = [];
    for (let i = 0; i < rounds; i++) {
      a.push(timedAudit(moto.url, concurrent));
      b.push(timedAudit(moto.url, sequential));
    }
    const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const [ma, mb] = [median(a), median(b)];
    return `Live mode against moto ${found.version} seeded with ${groups} security groups x ${RULES_PER_GROUP} rules (seeding ${(seedMs / 1000).toFixed(1)} s): whole \`audit --live --format table\` ${Math.round(ma)} ms; the same describe calls one after another (collectConcurrency 1) ${Math.round(mb)} ms; ratio ${(mb / ma).toFixed(2)} (medians of ${rounds}).`;
  } finally {
    moto.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await liveBench({ groups: Number(process.argv[2] ?? 1000) }));
}
