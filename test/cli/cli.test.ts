import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { version } from '../../package.json';
import { CATALOG } from '../../rules/catalog';
import { NOW, perm, sg } from '../helpers';
import { cli, lowOnly, open22 } from './cli-fake';

const SAMPLE = 'examples/sample-account.json';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('vpc-auditor audit', () => {
  it('prints failures as a table with a summary line and exits 1 on a HIGH failure', () => {
    // Act
    const { code, stdout } = cli(['audit', '--snapshot', 's.json', '--format', 'table'], { 's.json': open22 });
    // Assert
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^SEVERITY\s+RULE\s+RESOURCE\s+MESSAGE$/);
    expect(stdout).toContain('sg-no-public-admin-ports');
    expect(stdout).not.toMatch(/PASS|sg-closed/);
    expect(lines.at(-1)).toMatch(new RegExp(`^\\d+ failed \\(\\d+ high\\), \\d+ passed, \\d+ not applicable, 0 errors - ${CATALOG.length} rules on \\d+ resources$`));
  });

  it('honours --fail-on: none never fails, LOW fails on LOW', () => {
    expect(cli(['audit', '--snapshot', 's.json', '--fail-on', 'none'], { 's.json': open22 }).code).toBe(0);
    expect(cli(['audit', '--snapshot', 's.json'], { 's.json': lowOnly }).code).toBe(0);
    expect(cli(['audit', '--snapshot', 's.json', '--fail-on', 'low'], { 's.json': lowOnly }).code).toBe(1);
  });

  it('json lists every evaluation with the contract fields and a summary', () => {
    const { code, stdout } = cli(['audit', '--snapshot', 's.json', '--format', 'json'], { 's.json': open22 });
    const out = JSON.parse(stdout);
    expect(code).toBe(1);
    expect(out.findings.length).toBe(out.summary.findings);
    expect(new Set(out.findings.map((f: { status: string }) => f.status))).toEqual(new Set(['PASS', 'FAIL', 'NOT_APPLICABLE']));
    for (const f of out.findings) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['ruleId', 'resourceType', 'resourceId', 'status', 'severity', 'title', 'message', 'evidence', 'remediation']));
    }
    expect(out.summary.byStatus.FAIL).toBeGreaterThan(0);
  });

  it('defaults to json when stdout is not a terminal and to table when it is', () => {
    expect(() => JSON.parse(cli(['audit', '--snapshot', 's.json'], { 's.json': open22 }).stdout)).not.toThrow();
    expect(cli(['audit', '--snapshot', 's.json'], { 's.json': open22 }, true).stdout).toMatch(/^SEVERITY/);
  });

  it('asff prints BatchImportFindings-ready findings with stable ids and resource ARNs', () => {
    const { stdout } = cli(['audit', '--snapshot', 's.json', '--format', 'asff', '--rules', 'sg-no-public-admin-ports'], { 's.json': open22 });
    const findings = JSON.parse(stdout);
    const failed = findings.find((f: { Resources: { Id: string }[] }) => f.Resources[0].Id.endsWith('sg-open'));
    expect(failed).toMatchObject({
      SchemaVersion: '2018-10-08',
      Id: 'vpc-auditor/eu-west-1/111122223333/sg-no-public-admin-ports/sg-open',
      ProductArn: 'arn:aws:securityhub:eu-west-1:111122223333:product/111122223333/default',
      GeneratorId: 'sg-no-public-admin-ports',
      AwsAccountId: '111122223333',
      Severity: { Label: 'HIGH' },
      Compliance: { Status: 'FAILED', RelatedRequirements: expect.arrayContaining(['aws-fsbp EC2.13', 'cis-aws-3.0 5.2']) },
      RecordState: 'ACTIVE',
      CreatedAt: NOW.toISOString(),
      Resources: [{ Type: 'AwsEc2SecurityGroup', Id: 'arn:aws:ec2:eu-west-1:111122223333:security-group/sg-open', Partition: 'aws', Region: 'eu-west-1' }],
    });
    const passed = findings.find((f: { Resources: { Id: string }[] }) => f.Resources[0].Id.endsWith('sg-closed'));
    expect(passed.Compliance.Status).toBe('PASSED');
  });

  it('asff without account and region stops with one line', () => {
    vi.stubEnv('AWS_REGION', undefined);
    const { code, stderr } = cli(['audit', '--snapshot', 's.json', '--format', 'asff'], { 's.json': { SecurityGroups: [{ GroupId: 'sg-1' }] } });
    expect(code).toBe(2);
    expect(stderr).toBe('vpc-auditor: --format asff needs the account and the region: add AccountId and Region to the snapshot (or set AWS_REGION)\n');
  });

  it.each([
    ['no Region and no AWS_REGION', { AccountId: '111122223333', SecurityGroups: [] }, undefined, 'needs the region: add Region to the snapshot or set AWS_REGION'],
    ['no AccountId and no OwnerId', { Region: 'eu-west-1', SecurityGroups: [] }, undefined, 'needs the account: add AccountId to the snapshot'],
    ['an AccountId that is not 12 digits', { AccountId: 'prod', Region: 'eu-west-1', SecurityGroups: [] }, undefined, 'account "prod" is not a 12-digit AWS account id'],
    ['an OwnerId that is not 12 digits', { SecurityGroups: [sg('sg-1', [], { OwnerId: '1111-2222-3333' })] }, 'eu-west-1', 'account "1111-2222-3333" is not a 12-digit AWS account id'],
    ['a Region that is no region name', { AccountId: '111122223333', Region: 'Ireland', SecurityGroups: [] }, undefined, 'region "Ireland" is not an AWS region name such as eu-west-1'],
    ['an AWS_REGION that is no region name', { AccountId: '111122223333', SecurityGroups: [] }, 'eu west 1', 'region "eu west 1" is not an AWS region name such as eu-west-1'],
  ])('asff with %s stops with one line naming it, before printing anything', (_, snapshot, envRegion, message) => {
    // Arrange
    vi.stubEnv('AWS_REGION', envRegion);
    // Act
    const { code, stdout, stderr } = cli(['audit', '--snapshot', 's.json', '--format', 'asff'], { 's.json': snapshot });
    // Assert
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: `vpc-auditor: --format asff${message.startsWith('needs') ? ' ' : ': '}${message}\n` });
  });

  it('asff takes the region from AWS_REGION when the snapshot has none, and GovCloud names too', () => {
    vi.stubEnv('AWS_REGION', 'us-gov-west-1');
    const { code, stdout } = cli(['audit', '--snapshot', 's.json', '--format', 'asff', '--fail-on', 'none'], { 's.json': { AccountId: '111122223333', SecurityGroups: [sg('sg-1')] } });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)[0].Resources[0]).toMatchObject({ Partition: 'aws-us-gov', Region: 'us-gov-west-1' });
  });

  it('--rules runs only the named rules and rejects unknown ids', () => {
    const { stdout } = cli(['audit', '--snapshot', 's.json', '--format', 'json', '--rules', 'sg-attached,sg-rule-count'], { 's.json': lowOnly });
    expect(new Set(JSON.parse(stdout).findings.map((f: { ruleId: string }) => f.ruleId))).toEqual(new Set(['sg-attached', 'sg-rule-count']));
    const bad = cli(['audit', '--snapshot', 's.json', '--rules', 'sg-nope'], { 's.json': lowOnly });
    expect(bad).toMatchObject({ code: 2, stderr: 'vpc-auditor: --rules: unknown rule id sg-nope (see `vpc-auditor rules`)\n' });
  });

  it('--config applies settings and a bad setting stops with exit 2 naming the key', () => {
    const trusted = cli(['audit', '--snapshot', 's.json', '--config', 'c.json', '--format', 'json', '--rules', 'sg-no-public-admin-ports'], {
      's.json': { SecurityGroups: [sg('sg-1', [perm('tcp', 22, 22, '52.0.0.0/8')])] },
      'c.json': { trustedCidrs: ['52.0.0.0/8'] },
    });
    expect(JSON.parse(trusted.stdout).findings[0].status).toBe('PASS');
    const bad = cli(['audit', '--snapshot', 's.json', '--config', 'c.json'], { 's.json': lowOnly, 'c.json': { maxRulesPerDirection: 'many' } });
    expect(bad).toMatchObject({ code: 2, stderr: 'vpc-auditor: c.json: maxRulesPerDirection: expected number, received string\n' });
  });

  it.each([
    [{}, 'vpc-auditor: cannot read snapshot s.json: no such file\n'],
    [{ 's.json': '{ not json' }, /^vpc-auditor: s\.json is not valid JSON: .+\n$/],
    [{ 's.json': { SecurityGroups: 'many' } }, 'vpc-auditor: s.json: SecurityGroups: expected array, received string\n'],
  ])('bad snapshot input stops with exit 2 and one line', (files, message) => {
    const { code, stdout, stderr } = cli(['audit', '--snapshot', 's.json'], files);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    if (typeof message === 'string') expect(stderr).toBe(message);
    else expect(stderr).toMatch(message);
  });


  it.each([
    [['audit', '--snapshot', 's.json', '--format', 'xml'], "vpc-auditor: option '--format <format>' argument 'xml' is invalid. Allowed choices are table, json, asff.\n"],
    [['audit', '--snapshot', 's.json', '--nope'], "vpc-auditor: unknown option '--nope'\n"],
    [['audit'], 'vpc-auditor: audit: pass --snapshot FILE or --live\n'],
    [['audit', '--snapshot', 's.json', '--live'], 'vpc-auditor: audit: pass either --snapshot FILE or --live, not both\n'],
    [['audit', '--snapshot', 's.json', '--region', 'eu-west-1'], 'vpc-auditor: audit: --region and --profile go with --live\n'],
    [['bogus'], "vpc-auditor: unknown command 'bogus'\n"],
  ])('usage errors found by the argument parser read like ours: %j', (argv, message) => {
    const { code, stdout, stderr } = cli(argv, {});
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: message });
  });
  it('a file that is not JSON stops with exit 2 and one stderr line, even when the parser quotes a line break', () => {
    const { code, stdout, stderr } = cli(['audit', '--snapshot', 's.json'], { 's.json': 'not json\n' });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^vpc-auditor: s\.json is not valid JSON: .*"not json\\n" is not valid JSON\n$/);
  });

  it('usage errors exit 2', () => {
    expect(cli(['audit']).code).toBe(2);
    expect(cli(['audit', '--snapshot', 's.json', '--format', 'xml']).code).toBe(2);
    expect(cli(['audit', '--snapshot', 's.json', '--fail-on', 'bad'], { 's.json': lowOnly })).toMatchObject({ code: 2 });
    expect(cli(['frobnicate']).code).toBe(2);
  });
});

describe('vpc-auditor rules', () => {
  it('lists the catalog as a table, markdown and json', () => {
    expect(cli(['rules']).stdout).toMatch(/^ID\s+SEVERITY\s+RESOURCE\s+COMPLIANT STATE\n/);
    expect(cli(['rules', '--format', 'md']).stdout).toContain('| `sg-no-public-admin-ports` |');
    const meta = JSON.parse(cli(['rules', '--format', 'json']).stdout);
    expect(meta).toHaveLength(CATALOG.length);
    expect(meta[0]).toMatchObject({ id: 'sg-no-public-admin-ports', severity: 'HIGH', remediation: { kind: 'revoke-public-ingress' } });
  });

  it('has help for every command', () => {
    for (const args of [['--help'], ['audit', '--help'], ['rules', '--help']]) {
      const { code, stdout } = cli(args);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Usage: vpc-auditor/);
    }
    expect(cli(['audit', '--help']).stdout).toContain('Exit codes: 0');
    expect(cli(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });
});

describe('the installed binary (dist/cli.cjs, built by npm install)', () => {
  it('audits the sample account like `npm start` and exits 0 with --fail-on none', () => {
    const out = execFileSync(process.execPath, ['dist/cli.cjs', 'audit', '--snapshot', SAMPLE, '--format', 'table', '--fail-on', 'none'], { encoding: 'utf8' });
    expect(out).toMatch(/^SEVERITY/);
    expect(out).toMatch(new RegExp(`\\n\\d+ failed .* - ${CATALOG.length} rules on \\d+ resources\\n$`));
  });

  it('exits 1 on failures and 2 with one stderr line on a bad snapshot', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdk-test-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ NetworkAcls: [{ NetworkAclId: 'acl-1', Entries: [{ RuleNumber: 'ten' }] }] }));
    const failing = spawnSync(process.execPath, ['dist/cli.cjs', 'audit', '--snapshot', SAMPLE, '--format', 'json'], { encoding: 'utf8' });
    expect(failing.status).toBe(1);
    const broken = spawnSync(process.execPath, ['dist/cli.cjs', 'audit', '--snapshot', bad], { encoding: 'utf8' });
    expect(broken.status).toBe(2);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toBe(`vpc-auditor: ${bad}: NetworkAcls[0].Entries[0].RuleNumber: expected number, received string\n`);
  });

  it('stops quietly with the audit exit code when the reader closes the pipe early (| head)', async () => {
    // Arrange: a reader that takes the first chunk of the sample's JSON (~300 KB) and hangs up.
    const child = spawn(process.execPath, ['dist/cli.cjs', 'audit', '--snapshot', SAMPLE, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.stdout.once('data', () => child.stdout.destroy());

    // Act
    const code = await new Promise((done) => child.on('close', done));

    // Assert: no stack trace; the exit code is the audit's (the sample has HIGH failures).
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  it('starts from the code cache the build wrote, and prints the same without one or with a stale one', () => {
    // Arrange: the built launcher and CLI, and a copy of both without the cache.
    const args = ['audit', '--snapshot', SAMPLE, '--format', 'json', '--fail-on', 'none'];
    const env = { ...process.env, VPC_AUDITOR_TRACE_CODE_CACHE: '1' };
    const copy = mkdtempSync(join(tmpdir(), 'cdk-test-'));
    for (const file of ['cli.cjs', 'cli-main.cjs']) copyFileSync(join('dist', file), join(copy, file));
    const runFrom = (dir: string) => spawnSync(process.execPath, [join(dir, 'cli.cjs'), ...args], { encoding: 'utf8', env });

    // Act
    const built = runFrom('dist');
    const absent = runFrom(copy);
    writeFileSync(join(copy, 'cli-main.cjs.codecache'), 'made by another Node version');
    const stale = runFrom(copy);

    // Assert: V8 took the build's cache; without a usable one the CLI compiles and runs the same.
    expect(built.stderr).toBe('code cache: accepted\n');
    expect(absent.stderr).toBe('code cache: absent\n');
    expect(stale.stderr).toBe('code cache: rejected\n');
    expect(built.status).toBe(0);
    expect(absent.stdout).toBe(built.stdout);
    expect(stale.stdout).toBe(built.stdout);
    expect(JSON.parse(built.stdout).findings.length).toBeGreaterThan(0);
  });
});
