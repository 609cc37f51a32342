import { readFileSync } from 'node:fs';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it } from 'vitest';
import { runCaptured } from './capture-io';
import { type FakeAccount, mockAccount } from '../lambdas/adapters/ec2/fake-account';

/** The CLI in-process; EC2 and STS are aws-sdk-client-mock fakes (fake-account.ts). */
function cli(args: string[], opts: { files?: Record<string, string>; stderrIsTty?: boolean } = {}) {
  const readFile = (path: string) => {
    const text = opts.files?.[path];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return text;
  };
  return runCaptured(args, readFile, opts.stderrIsTty);
}

const denied = () => {
  throw Object.assign(new Error('You are not authorized to perform this operation.'), { name: 'UnauthorizedOperation', $metadata: { httpStatusCode: 403 } });
};
type Finding = { ruleId: string; resourceId: string; status: string; message: string; evidence: Record<string, unknown>; region?: string };
const findingsOf = (stdout: string): Finding[] => JSON.parse(stdout).findings;

let fake: FakeAccount | undefined;
afterEach(() => {
  fake?.ec2.restore();
  fake?.sts.restore();
  fake = undefined;
});

describe('vpc-auditor audit --live', () => {
  it('audits the account: exit 1 on the HIGH failure, nothing on stderr when all calls succeed', async () => {
    fake = mockAccount();
    const { code, stdout, stderr } = await cli(['audit', '--live', '--region', 'eu-west-1', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const web = findingsOf(stdout).find((f) => f.ruleId === 'sg-no-public-admin-ports' && f.resourceId === 'sg-web');
    expect(web?.status).toBe('FAIL');
    expect(findingsOf(stdout).every((f) => f.region === undefined)).toBe(true);
  });

  it('a denied call: its keys absent, NOT_APPLICABLE naming them, one warning line, exit code unchanged', async () => {
    fake = mockAccount();
    const before = await cli(['audit', '--live', '--region', 'eu-west-1', '--format', 'json']);
    fake.ec2.restore();
    fake.sts.restore();
    fake = mockAccount({ 'ec2:DescribeFlowLogs': denied });
    const { code, stdout, stderr } = await cli(['audit', '--live', '--region', 'eu-west-1', '--format', 'json']);
    expect(code).toBe(before.code);
    expect(stderr).toBe(
      'vpc-auditor: warning: ec2:DescribeFlowLogs was denied (UnauthorizedOperation (HTTP 403): You are not authorized to perform this operation.); absent: FlowLogs\n',
    );
    const flowLogs = findingsOf(stdout).filter((f) => f.ruleId === 'vpc-flow-logs-enabled');
    expect(flowLogs.length).toBeGreaterThan(0);
    for (const f of flowLogs) {
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(JSON.stringify(f.evidence)).toContain('FlowLogs');
    }
  });

  it('any other error stops the run with exit 2 and one line', async () => {
    fake = mockAccount({
      'ec2:DescribeRouteTables': () => {
        throw Object.assign(new Error('An internal error has occurred'), { name: 'InternalError', $metadata: { httpStatusCode: 500 } });
      },
    });
    const { code, stdout, stderr } = await cli(['audit', '--live', '--region', 'eu-west-1']);
    expect({ code, stdout, stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr: 'vpc-auditor: ec2:DescribeRouteTables failed: InternalError (HTTP 500): An internal error has occurred\n',
    });
  });

  it('several regions make one report whose findings name their region', async () => {
    fake = mockAccount();
    const one = await cli(['audit', '--live', '--region', 'eu-west-1', '--format', 'json']);
    const two = await cli(['audit', '--live', '--region', 'eu-west-1', '--region', 'us-east-1', '--format', 'json']);
    const regions = findingsOf(two.stdout).map((f) => f.region);
    expect(new Set(regions)).toEqual(new Set(['eu-west-1', 'us-east-1']));
    expect(regions.length).toBe(2 * findingsOf(one.stdout).length);
    expect(JSON.parse(two.stdout).summary.findings).toBe(regions.length);
  });

  it('with several regions, the line of an error that stops the run names its region', async () => {
    // Arrange: a region the account has not enabled refuses the credentials.
    fake = mockAccount();
    fake.sts.on(GetCallerIdentityCommand).callsFake(async (_input, getClient) => {
      if ((await getClient().config.region()) === 'eu-west-1') return { Account: '111122223333' };
      throw Object.assign(new Error('The security token included in the request is invalid.'), { name: 'InvalidClientTokenId', $metadata: { httpStatusCode: 403 } });
    });
    // Act
    const { code, stderr } = await cli(['audit', '--live', '--region', 'eu-west-1', '--region', 'ap-east-1']);
    // Assert
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr: 'vpc-auditor: sts:GetCallerIdentity in ap-east-1 failed: InvalidClientTokenId (HTTP 403): The security token included in the request is invalid.\n',
    });
  });

  it('draws a progress line only when stderr is a terminal, and clears it', async () => {
    fake = mockAccount();
    const tty = await cli(['audit', '--live', '--region', 'eu-west-1', '--format', 'json'], { stderrIsTty: true });
    expect(tty.stderr).toMatch(/^\rreading: \d+ calls, \d+ resources/);
    expect(tty.stderr.endsWith('\r\x1b[K')).toBe(true);
    const pipe = await cli(['audit', '--live', '--region', 'eu-west-1', '--format', 'json']);
    expect(pipe.stderr).toBe('');
  });

  it('checks settings and rule ids before calling AWS', async () => {
    fake = mockAccount();
    const { code, stderr } = await cli(['audit', '--live', '--region', 'eu-west-1', '--rules', 'nope']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^vpc-auditor: --rules: unknown rule id nope/);
    expect(fake.sent).toEqual([]);
  });

  it('reads --config once, so --config - (standard input, readable once) works', async () => {
    fake = mockAccount();
    // A pipe: its text the first time, nothing after.
    let reads = 0;
    const stdin = () => (reads++ === 0 ? JSON.stringify({ rules: { 'vpc-flow-logs-enabled': { mode: 'off' } } }) : '');
    const { code, stdout, stderr } = await runCaptured(['audit', '--live', '--region', 'eu-west-1', '--format', 'json', '--config', '-'], stdin);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(reads).toBe(1);
    expect(findingsOf(stdout).some((f) => f.ruleId === 'vpc-flow-logs-enabled')).toBe(false);
  });
});

describe('the build keeps live mode apart', () => {
  it('the CLI bundle holds no AWS SDK (auditing a file never loads it); the live bundle does', () => {
    // dist/ is built by the global setup (test/global-setup.ts).
    expect(readFileSync('dist/cli-main.cjs', 'utf8')).not.toContain('DescribeSecurityGroups');
    expect(readFileSync('dist/cli-live.cjs', 'utf8')).toContain('DescribeSecurityGroups');
  });
});

describe('vpc-auditor snapshot --live', () => {
  it('says that --live is the only source', async () => {
    const { code, stderr } = await cli(['snapshot', '--out', 'x.json']);
    expect({ code, stderr }).toEqual({ code: 2, stderr: 'vpc-auditor: snapshot: only --live is supported (it reads the account the AWS way: env, profile, --region)\n' });
  });

  it('writes a snapshot that audit --snapshot reads back to byte-identical json', async () => {
    fake = mockAccount();
    const snap = await cli(['snapshot', '--live', '--region', 'eu-west-1']);
    expect(snap.code).toBe(0);
    const fromFile = await cli(['audit', '--snapshot', 's.json', '--format', 'json'], { files: { 's.json': snap.stdout } });
    const live = await cli(['audit', '--live', '--region', 'eu-west-1', '--format', 'json']);
    expect(fromFile.stdout).toBe(live.stdout);
    expect(fromFile.code).toBe(live.code);
  });

  it('reads only what --rules need', async () => {
    fake = mockAccount();
    const snap = await cli(['snapshot', '--live', '--region', 'eu-west-1', '--rules', 'customer-gateway-in-use']);
    expect(Object.keys(JSON.parse(snap.stdout))).toEqual(['AccountId', 'Region', 'VpnConnections', 'CustomerGateways']);
  });
});
