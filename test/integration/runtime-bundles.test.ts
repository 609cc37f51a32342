import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { AuthorizeSecurityGroupIngressCommand, EC2Client } from '@aws-sdk/client-ec2';
import { EnableSecurityHubCommand, GetFindingsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { COMPLIANCE } from '../../rules/report/asff';
import { countingProxy, type WireCall } from '../../scripts/counting-proxy.mjs';
import { bundlePath } from '../../scripts/lambda-bundles.mjs';
import { runCaptured } from '../cli/capture-io';
import { type BuiltAccount, buildAccount } from './build-account';
import { createFindingStateTable } from './finding-state-table';

// The handlers run from their built bundles (dist/lambdas/<name>.cjs, what the stack deploys),
// in this process, their SDK calls crossing a counting proxy to moto.
const motoUrl = inject('motoUrl');
const REGION = 'eu-west-1';
const ACCOUNT = '123456789012';
const TABLE = 'vpc-auditor-finding-state';
const CONTEXT = { functionName: 'vpc-auditor', awsRequestId: 'req-1', invokedFunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:vpc-auditor` } as Context;
const IMPORT: WireCall = 'securityhub:POST /findings/import';

type Handler = (event: unknown, context: Context) => Promise<Record<string, unknown>>;
const loadBundle = (name: string): Handler => createRequire(import.meta.url)(resolve(bundlePath(name))).handler;
type HubFinding = { Id: string; GeneratorId: string; Compliance: { Status: string }; Severity: { Label: string }; Resources: { Id: string }[] };

describe.skipIf(!motoUrl)('the handler bundles against moto (EC2, Security Hub, DynamoDB, SQS)', () => {
  const direct = { endpoint: motoUrl, region: REGION, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  let proxy: Awaited<ReturnType<typeof countingProxy>>;
  let saved: NodeJS.ProcessEnv;
  let built: BuiltAccount;
  let hub: SecurityHubClient;

  beforeAll(async () => {
    await fetch(`${motoUrl}/moto-api/reset`, { method: 'POST' });
    proxy = await countingProxy(motoUrl);
    hub = new SecurityHubClient(direct);
    await hub.send(new EnableSecurityHubCommand({}));
    await createFindingStateTable(new DynamoDBClient(direct), TABLE);
    // Through the proxy: moto names the queue URL after the host it was asked on, and SQS sends there.
    const queue = await new SQSClient({ ...direct, endpoint: proxy.url }).send(new CreateQueueCommand({ QueueName: 'vpc-auditor-remediation' }));
    built = await buildAccount(new EC2Client(direct), motoUrl);
    // The environment the stack gives each function (README "Runtime"), the SDK pointed at the proxy.
    saved = { ...process.env };
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: proxy.url,
      AWS_REGION: REGION,
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      VPC_AUDITOR_SETTINGS: '{}',
      FINDING_STATE_TABLE: TABLE,
      REMEDIATION_QUEUE_URL: queue.QueueUrl,
      REMEDIATION_ROLE_ARN: `arn:aws:iam::${ACCOUNT}:role/vpc-auditor-remediate`,
    });
  }, 120_000);

  afterAll(async () => {
    process.env = saved;
    await proxy?.close();
  });

  async function hubFindings(): Promise<HubFinding[]> {
    const found: HubFinding[] = [];
    let NextToken: string | undefined;
    do {
      const page = await hub.send(new GetFindingsCommand({ NextToken, MaxResults: 100 }));
      found.push(...((page.Findings ?? []) as unknown as HubFinding[]));
      NextToken = page.NextToken;
    } while (NextToken);
    return found;
  }

  /** The calls `f` sends over the wire. */
  async function callsOf(f: () => Promise<unknown>): Promise<WireCall[]> {
    const from = proxy.calls.length;
    await f();
    return proxy.calls.slice(from);
  }

  it('an AuthorizeSecurityGroupIngress event through SQS ends as that group\'s findings in Security Hub, as a full audit rates them', async () => {
    // Arrange: the ingress the event reports, made for real so the event names real ids.
    const ec2 = new EC2Client(direct);
    const authorized = await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({ GroupId: built.webGroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 0, ToPort: 65535, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }),
    );
    const ruleId = authorized.SecurityGroupRules?.[0]?.SecurityGroupRuleId as string;
    // The recorded event (tcp 0-65535 from 0.0.0.0/0, as authorized above), renamed to this account's ids.
    const event = JSON.parse(readFileSync('test/fixtures/events/sqs-authorize-sg-ingress.json', 'utf8')) as SQSEvent;
    const record = event.Records[0] as SQSEvent['Records'][number];
    record.body = record.body.replaceAll('sg-b15kasfs', built.webGroupId).replaceAll('sgr-0c609eafsa2af10ea', ruleId).replaceAll('215125613612', ACCOUNT);
    expect(await hubFindings()).toEqual([]);

    // Act
    let result: Record<string, unknown> = {};
    const calls = await callsOf(async () => {
      result = await loadBundle('change')(event, CONTEXT);
    });

    // Assert: the message succeeded; only the group's findings went out, in one import; EC2 was only read.
    expect(result).toEqual({ batchItemFailures: [] });
    expect(calls.filter((c) => c === IMPORT)).toHaveLength(1);
    expect(calls.filter((c) => c.startsWith('ec2:') && !/^ec2:(Describe|Get)/.test(c))).toEqual([]);
    const inHub = await hubFindings();
    expect(inHub.length).toBeGreaterThan(0);
    expect(inHub.every((f) => f.Resources[0]?.Id.endsWith(built.webGroupId))).toBe(true);
    const admin = inHub.find((f) => f.GeneratorId === 'sg-no-public-admin-ports');
    expect(admin).toMatchObject({ Compliance: { Status: 'FAILED' }, Severity: { Label: 'CRITICAL' } });
    // The same verdicts and severities as a whole-region audit of the account (the CLI's --live).
    process.env.AWS_ENDPOINT_URL = motoUrl;
    const cli = await runCaptured(['audit', '--live', '--region', REGION, '--format', 'json', '--fail-on', 'none'], (path) => readFileSync(path, 'utf8'));
    process.env.AWS_ENDPOINT_URL = proxy.url;
    const audited = (JSON.parse(cli.stdout).findings as { ruleId: string; resourceId: string; status: keyof typeof COMPLIANCE; severity: string }[]).filter((f) => f.resourceId === built.webGroupId);
    const verdicts = (list: { rule: string; status: string; severity: string }[]) => list.map((v) => `${v.rule} ${v.status} ${v.severity}`).sort();
    expect(verdicts(inHub.map((f) => ({ rule: f.GeneratorId, status: f.Compliance.Status, severity: f.Severity.Label })))).toEqual(
      verdicts(audited.map((f) => ({ rule: f.ruleId, status: COMPLIANCE[f.status], severity: f.severity }))),
    );
  });

  it('a sweep imports every other finding of the account; a second sweep of the unchanged account imports nothing', async () => {
    // Arrange
    const sweep = loadBundle('sweep');
    const before = (await hubFindings()).length;

    // Act
    const first = await callsOf(() => sweep({}, CONTEXT));
    const afterFirst = await hubFindings();
    const second = await callsOf(() => sweep({}, CONTEXT));

    // Assert
    expect(first.filter((c) => c === IMPORT).length).toBeGreaterThan(0);
    expect(afterFirst.length).toBeGreaterThan(before);
    expect(second.filter((c) => c === IMPORT)).toEqual([]);
    expect(second.filter((c) => c.startsWith('dynamodb:'))).not.toEqual([]);
    expect(await hubFindings()).toEqual(afterFirst);
  });
});
