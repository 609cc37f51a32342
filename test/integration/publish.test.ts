import { readFileSync } from 'node:fs';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EnableSecurityHubCommand, GetFindingsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { configEvaluationSink } from '../../lambdas/adapters/config-evaluations';
import { findingStateStore } from '../../lambdas/adapters/finding-state';
import { securityHubImporter } from '../../lambdas/adapters/security-hub';
import { publish } from '../../lambdas/app/publish';
import { publishToConfig } from '../../lambdas/app/publish-config';
import { reconcile } from '../../lambdas/app/reconcile';
import { audit, NOW } from '../helpers';
import { createFindingStateTable } from './finding-state-table';

// moto's account; the sample account's findings are published as if swept there.
const SCOPE = { accountId: '123456789012', region: 'eu-west-1', now: NOW };
const NEXT_DAY = { ...SCOPE, now: new Date(NOW.getTime() + 24 * 3_600_000) };
const TABLE = 'vpc-auditor-finding-state';
const motoUrl = inject('motoUrl');
const motoClientConfig = () => ({ endpoint: motoUrl, region: SCOPE.region, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });

describe.skipIf(!motoUrl)('publishing against moto (Security Hub, DynamoDB, AWS Config over the wire)', () => {
  let hub: SecurityHubClient;
  let dynamo: DynamoDBClient;

  beforeAll(async () => {
    await fetch(`${motoUrl}/moto-api/reset`, { method: 'POST' });
    hub = new SecurityHubClient(motoClientConfig());
    dynamo = new DynamoDBClient(motoClientConfig());
    await hub.send(new EnableSecurityHubCommand({}));
    await createFindingStateTable(dynamo, TABLE);
  }, 60_000);

  async function allFindings() {
    const found: Record<string, unknown>[] = [];
    let NextToken: string | undefined;
    do {
      const page = await hub.send(new GetFindingsCommand({ NextToken, MaxResults: 100 }));
      found.push(...((page.Findings ?? []) as unknown as Record<string, unknown>[]));
      NextToken = page.NextToken;
    } while (NextToken);
    return found;
  }

  it('the sample account: first publish imports every resource finding, an unchanged second one imports nothing, a vanished resource is archived', async () => {
    const findings = audit(JSON.parse(readFileSync('examples/sample-account.json', 'utf8')));
    const ports = { securityHub: securityHubImporter(hub), state: findingStateStore(dynamo, TABLE) };

    const first = await publish(findings, SCOPE, ports);
    const inHub = await allFindings();
    expect(inHub).toHaveLength(first.sent);
    expect(first.sent).toBe(findings.length - first.notSent);

    const second = await publish(findings, NEXT_DAY, ports);
    expect(second).toEqual({ sent: 0, unchanged: first.sent, notSent: first.notSent });

    const gone = findings.find((f) => f.resourceType === 'AWS::EC2::SecurityGroup' && f.resourceId !== 'snapshot');
    const swept = findings.filter((f) => f.resourceId !== gone?.resourceId);
    const archived = await reconcile(swept, NEXT_DAY, ports);
    // Its NOT_APPLICABLE findings went out ARCHIVED already; the others are archived now.
    const active = findings.filter((f) => f.resourceId === gone?.resourceId && f.status !== 'NOT_APPLICABLE');
    expect(archived.archived).toBe(active.length);
    expect(active.length).toBeGreaterThan(0);
    const after = await allFindings();
    const ofGone = after.filter((f) => String(f.Id).endsWith(`/${gone?.resourceId}`));
    expect(ofGone.map((f) => f.RecordState)).toEqual(ofGone.map(() => 'ARCHIVED'));
    expect(ofGone.every((f) => f.CreatedAt === NOW.toISOString())).toBe(true);
  });

  it('AWS Config takes the evaluations in TestMode (moto accepts nothing else)', async () => {
    const findings = audit(JSON.parse(readFileSync('examples/sample-account.json', 'utf8')));
    const sink = configEvaluationSink(new ConfigServiceClient(motoClientConfig()), { testMode: true });
    const result = await publishToConfig(findings, { resultToken: 'no-token-in-test-mode', orderingTimestamp: NOW }, sink);
    expect(result.sent).toBeGreaterThan(100);
  });
});
