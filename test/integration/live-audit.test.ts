import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeCollectClients } from '../../lambdas/adapters/ec2/clients';
import { collect } from '../../lambdas/adapters/ec2/collect';
import { ALL_KEYS, keysFor } from '../../lambdas/adapters/ec2/keys';
import { CATALOG } from '../../rules/catalog';
import { runCaptured } from '../cli/capture-io';
import { type BuiltAccount, buildAccount } from './build-account';

const motoUrl = inject('motoUrl');
const REGION = 'eu-west-1';
const MOTO_ACCOUNT = '123456789012';
const SDK_ENV = { AWS_ENDPOINT_URL: motoUrl, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: REGION };

type Finding = { ruleId: string; resourceId: string; status: string; severity: string; message: string; evidence: Record<string, unknown> };

/** The CLI in-process, on the real file system, with the SDK pointed at moto through the environment. */
const cli = (args: string[]) => runCaptured(args, (path) => readFileSync(path, 'utf8'));

describe.skipIf(!motoUrl)('live collection against moto', () => {
  let built: BuiltAccount;
  let saved: Record<string, string | undefined>;
  let dir: string;

  beforeAll(async () => {
    saved = Object.fromEntries(Object.keys(SDK_ENV).map((k) => [k, process.env[k]]));
    Object.assign(process.env, SDK_ENV);
    dir = mkdtempSync(join(tmpdir(), 'vpc-auditor-live-'));
    await fetch(`${motoUrl}/moto-api/reset`, { method: 'POST' });
    built = await buildAccount(new EC2Client({ region: REGION }), motoUrl);
  });

  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('collects the account into the snapshot contract, each call once', async () => {
    const { snapshot, warnings, calls } = await collect(makeCollectClients({ region: REGION }), { keys: ALL_KEYS });
    expect(snapshot.AccountId).toBe(MOTO_ACCOUNT);
    expect(snapshot.Region).toBe(REGION);
    expect(snapshot.SecurityGroupRules?.map((r) => r.SecurityGroupRuleId)).toContain(built.webRuleId);
    // Only the customer list a rule uses is expanded.
    expect(snapshot.PrefixListEntries).toEqual({ [built.officeListId]: [{ Cidr: '198.51.100.0/24', Description: 'office' }] });
    expect(snapshot.Reservations?.flatMap((r) => r.Instances?.map((i) => i.InstanceId))).toContain(built.instanceId);
    // moto lacks Client VPN (HTTP 500 with an HTML page); AWS answers it. The keys stay absent.
    expect(warnings).toMatchObject([{ call: 'ec2:DescribeClientVpnEndpoints', kind: 'not-implemented', keys: ['ClientVpnEndpoints', 'AuthorizationRules'] }]);
    expect(snapshot.ClientVpnEndpoints).toBeUndefined();
    // moto does not page its Describe answers, so every call is one page: one call per key, except
    // the per-item keys (no endpoint to ask for authorization rules; one prefix list to expand), and STS.
    expect(calls).toBe(ALL_KEYS.length - 2 + 1 + 1);
  });

  it('audit --live finds what the account was built to show', async () => {
    const { code, stdout, stderr } = await cli(['audit', '--live', '--region', REGION, '--format', 'json']);
    expect(code).toBe(1);
    expect(stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^vpc-auditor: warning: ec2:DescribeClientVpnEndpoints is not implemented by the endpoint .*; absent: ClientVpnEndpoints, AuthorizationRules$/)]);
    const findings: Finding[] = JSON.parse(stdout).findings;
    const of = (ruleId: string, resourceId: string) => {
      const f = findings.find((x) => x.ruleId === ruleId && x.resourceId === resourceId);
      if (!f) throw new Error(`no ${ruleId} finding for ${resourceId}`);
      return f;
    };
    // The instance's interface is reachable on 22: group open, NACL allows all but one /24, route to the gateway.
    expect(of('sg-no-public-admin-ports', built.webGroupId)).toMatchObject({ status: 'FAIL', severity: 'CRITICAL' });
    expect(findings.filter((f) => f.ruleId === 'eni-no-internet-exposed-ports' && f.status === 'FAIL')).toMatchObject([{ severity: 'CRITICAL' }]);
    // The db group admits the office prefix list on 5432: its entries were read, so it is known not public.
    expect(of('sg-no-public-high-risk-ports', built.dbGroupId).status).toBe('PASS');
    expect(of('sg-attached', built.dbGroupId).status).toBe('FAIL');
    expect(of('nacl-no-public-admin-ports', built.naclId)).toMatchObject({ status: 'FAIL', message: expect.stringContaining('rule 200') });
    expect(of('nacl-no-public-all-traffic', built.naclId).status).toBe('FAIL');
    // moto's NAT gateways have no ConnectivityType: public, as AWS's default is.
    expect(of('nat-gateway-in-public-subnet', built.publicNatId).status).toBe('PASS');
    expect(of('nat-gateway-in-public-subnet', built.strandedNatId).status).toBe('FAIL');
    expect(of('subnet-no-auto-public-ip', built.publicSubnetId).status).toBe('FAIL');
    expect(of('subnet-no-auto-public-ip', built.privateSubnetId).status).toBe('PASS');
    expect(of('vpc-flow-logs-enabled', built.vpcId).status).toBe('PASS');
    expect(of('customer-gateway-in-use', built.usedCustomerGatewayId).status).toBe('PASS');
    expect(of('customer-gateway-in-use', built.unusedCustomerGatewayId).status).toBe('FAIL');
    expect(of('vpn-gateway-attached', built.attachedVpnGatewayId).status).toBe('PASS');
    expect(of('vpn-gateway-attached', built.detachedVpnGatewayId).status).toBe('FAIL');
    // Client VPN could not be read: NOT_APPLICABLE naming the key, never a PASS.
    const clientVpn = findings.filter((f) => f.ruleId.startsWith('client-vpn-'));
    expect(clientVpn.length).toBe(3);
    for (const f of clientVpn) expect(f).toMatchObject({ status: 'NOT_APPLICABLE', message: expect.stringContaining('ClientVpnEndpoints') });
  });

  it('snapshot --live then audit --snapshot prints byte-identical json to audit --live', async () => {
    const file = join(dir, 'snapshot.json');
    expect((await cli(['snapshot', '--live', '--region', REGION, '--out', file])).code).toBe(0);
    const fromFile = await cli(['audit', '--snapshot', file, '--format', 'json']);
    const live = await cli(['audit', '--live', '--region', REGION, '--format', 'json']);
    expect(fromFile.stdout).toBe(live.stdout);
    expect(fromFile.code).toBe(live.code);
  });

  it('the built command audits live from its own bundle, with one warning line on stderr', () => {
    const out = spawnSync(process.execPath, ['dist/cli.cjs', 'audit', '--live', '--format', 'json', '--fail-on', 'none'], {
      encoding: 'utf8',
      env: { ...process.env, ...SDK_ENV, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: undefined },
    });
    expect(out.status).toBe(0);
    expect(out.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^vpc-auditor: warning: ec2:DescribeClientVpnEndpoints/)]);
    expect(JSON.parse(out.stdout).findings.length).toBeGreaterThan(50);
  });

  it('a one-group resource scope reads that group’s VPC and nothing else', async () => {
    const rules = CATALOG.filter((r) => r.meta.resourceKind === 'SecurityGroup');
    const { snapshot, warnings } = await collect(makeCollectClients({ region: REGION }), {
      keys: keysFor(rules, { exposure: true }),
      scope: { kind: 'resources', securityGroupIds: [built.webGroupId] },
    });
    expect(warnings).toEqual([]);
    expect(new Set(snapshot.SecurityGroups?.map((g) => g.VpcId))).toEqual(new Set([built.vpcId]));
    expect(new Set(snapshot.Subnets?.map((s) => s.VpcId))).toEqual(new Set([built.vpcId]));
    expect(snapshot.Vpcs?.map((v) => v.VpcId)).toEqual([built.vpcId]);
    expect(snapshot.PrefixListEntries).toEqual({ [built.officeListId]: [{ Cidr: '198.51.100.0/24', Description: 'office' }] });
  });
});
