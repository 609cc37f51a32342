import { ConfigServiceClient, PutEvaluationsCommand } from '@aws-sdk/client-config-service';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configEvaluationSink } from '../../../lambdas/adapters/config-evaluations';
import { makeHandler } from '../../../lambdas/handlers/config-rule';
import { ACCOUNT, type FakeAccount, mockAccount } from '../adapters/ec2/fake-account';
import { instantRetry, sdkError } from '../adapters/retry-fixtures';
import { CONTEXT, capturingLogger, common, configEvent, ec2Deps, quietLogger } from './harness';

const config = mockClient(ConfigServiceClient);
let fake: FakeAccount;
const SG_RULE = 'vpc-auditor-sg-no-public-admin-ports';
const SG_ITEM = { resourceType: 'AWS::EC2::SecurityGroup', resourceId: 'sg-web', awsRegion: 'eu-west-1' };

beforeEach(() => {
  config.reset();
  config.on(PutEvaluationsCommand).resolves({ FailedEvaluations: [] });
  fake = mockAccount();
});
afterEach(() => {
  fake.ec2.restore();
  fake.sts.restore();
});

function wired(over: Partial<Parameters<typeof makeHandler>[0]> = {}) {
  const log = quietLogger();
  const sink = configEvaluationSink(new ConfigServiceClient({ region: 'eu-west-1' }), { testMode: false, retry: instantRetry() });
  const handler = makeHandler({ reader: ec2Deps().reader, config: sink, logger: log.logger, ...common(), ...over });
  return { handler, log };
}

/** The fake account, with `action` answered by an access denial. */
function refuse(action: string) {
  fake.ec2.restore();
  fake.sts.restore();
  fake = mockAccount({
    [action]: () => {
      throw sdkError('UnauthorizedOperation', 403);
    },
  });
}

const evaluations = () => config.commandCalls(PutEvaluationsCommand).flatMap((c) => c.args[0].input.Evaluations ?? []);

describe('config-rule handler (through the middy chain)', () => {
  it('a change notification: the rule on that resource, read fresh; the item capture time orders it', async () => {
    // Arrange
    const { handler } = wired();
    const event = configEvent('config-change-security-group.custodian.json', SG_RULE, SG_ITEM);
    const capture = JSON.parse(event.invokingEvent as string).configurationItem.configurationItemCaptureTime;

    // Act
    await handler(event, CONTEXT);

    // Assert
    expect(evaluations()).toEqual([
      expect.objectContaining({ ComplianceResourceId: 'sg-web', ComplianceType: 'NON_COMPLIANT', OrderingTimestamp: new Date(capture) }),
    ]);
    expect(config.commandCalls(PutEvaluationsCommand)[0].args[0].input.ResultToken).toBe(event.resultToken);
    expect(evaluations()[0].Annotation!.length).toBeLessThanOrEqual(256);
  });

  it('an SG rule reads only the group (by id), its rules and its prefix lists: no VPC record it does not use, no severity inputs, no other group', async () => {
    // Arrange: EC2 honours the group-id filter (the fake serves everything otherwise).
    fake.ec2.restore();
    fake.sts.restore();
    const byGroup = (key: 'SecurityGroups' | 'SecurityGroupRules') => (input: Record<string, unknown>) => {
      const ids = (input.Filters as { Values: string[] }[])[0].Values;
      return { [key]: ACCOUNT[key].filter((g) => ids.includes(g.GroupId as string)) };
    };
    fake = mockAccount({ 'ec2:DescribeSecurityGroups': byGroup('SecurityGroups'), 'ec2:DescribeSecurityGroupRules': byGroup('SecurityGroupRules') });
    const { handler } = wired();

    // Act
    await handler(configEvent('config-change-security-group.custodian.json', SG_RULE, { ...SG_ITEM, resourceId: 'sg-db' }), CONTEXT);

    // Assert: first pages only (paged lists come in two pages from the fake).
    const firstPages = fake.sent.filter((s) => !s.input.NextToken).map((s) => [s.command.replace(/Command$/, ''), s.input.Filters ?? s.input.PrefixListId]);
    expect(firstPages).toEqual([
      ['DescribeSecurityGroups', [{ Name: 'group-id', Values: ['sg-db'] }]],
      ['DescribeSecurityGroupRules', [{ Name: 'group-id', Values: ['sg-db'] }]],
      ['DescribeManagedPrefixLists', [{ Name: 'prefix-list-id', Values: ['pl-cust'] }]],
      ['GetManagedPrefixListEntries', 'pl-cust'],
    ]);
    expect(evaluations()).toEqual([expect.objectContaining({ ComplianceResourceId: 'sg-db', ComplianceType: 'COMPLIANT' })]);
  });

  it('an oversized item is evaluated from its summary', async () => {
    // Arrange
    const { handler } = wired();

    // Act
    await handler(configEvent('config-oversized.aws-docs.json', SG_RULE, { ...SG_ITEM, resourceId: 'sg-db' }), CONTEXT);

    // Assert
    expect(evaluations()).toEqual([expect.objectContaining({ ComplianceResourceId: 'sg-db', ComplianceType: 'COMPLIANT' })]);
  });

  it('a scheduled notification evaluates every resource of the rule kind in the region', async () => {
    // Arrange
    const { handler } = wired();

    // Act
    await handler(configEvent('config-scheduled.aws-docs.json', SG_RULE), CONTEXT);

    // Assert
    expect(evaluations().map((e) => [e.ComplianceResourceId, e.ComplianceType])).toEqual([
      ['sg-web', 'NON_COMPLIANT'],
      ['sg-db', 'COMPLIANT'],
    ]);
    expect(evaluations().every((e) => e.OrderingTimestamp?.toISOString() === '2016-07-13T21:50:00.373Z')).toBe(true);
  });

  it('a scheduled run over 150 groups: PutEvaluations in requests of 100, each with the result token', async () => {
    // Arrange
    const groups = Array.from({ length: 150 }, (_, i) => ({ GroupId: `sg-${i}`, GroupName: `g${i}`, VpcId: 'vpc-1', OwnerId: '111122223333', IpPermissions: [], IpPermissionsEgress: [] }));
    const reader = { read: async () => ({ snapshot: { AccountId: '111122223333', Region: 'eu-west-1', SecurityGroups: groups } as never, warnings: [] }) };
    const { handler } = wired({ reader });
    const event = configEvent('config-scheduled.aws-docs.json', SG_RULE);

    // Act
    await handler(event, CONTEXT);

    // Assert
    const calls = config.commandCalls(PutEvaluationsCommand).map((c) => c.args[0].input);
    expect(calls.map((c) => c.Evaluations?.length)).toEqual([100, 50]);
    expect(calls.every((c) => c.ResultToken === event.resultToken)).toBe(true);
  });

  it('a list the account refuses gives no evaluation (not a false NOT_APPLICABLE), is logged and fails the invocation (retried, then kept)', async () => {
    // Arrange
    refuse('ec2:DescribeSecurityGroups');
    const { handler, log } = wired();

    // Act
    const error = await handler(configEvent('config-change-security-group.custodian.json', SG_RULE, SG_ITEM), CONTEXT).then(() => undefined, (e: Error) => e);

    // Assert
    expect(evaluations()).toEqual([]);
    expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(/could not be read/), expect.objectContaining({ call: 'ec2:DescribeSecurityGroups' }));
    expect(error).toMatchObject({ name: 'UnreadResourcesError', message: expect.stringMatching(/refused ec2:DescribeSecurityGroups$/) });
  });

  it('a scheduled run whose resource list is refused fails the invocation instead of reporting success with no evaluation', async () => {
    // Arrange
    refuse('ec2:DescribeSecurityGroups');
    const { handler } = wired();

    // Act
    const error = await handler(configEvent('config-scheduled.aws-docs.json', SG_RULE), CONTEXT).then(() => undefined, (e: Error) => e);

    // Assert
    expect(error).toMatchObject({ name: 'UnreadResourcesError' });
    expect(evaluations()).toEqual([]);
  });

  it('a scheduled run with every group listed succeeds though a side list is refused: each group still gets its evaluation', async () => {
    // Arrange
    refuse('ec2:DescribeManagedPrefixLists');
    const { handler } = wired();

    // Act
    const result = await handler(configEvent('config-scheduled.aws-docs.json', SG_RULE), CONTEXT);

    // Assert
    expect(result).toEqual({ evaluations: 2, sent: 2 });
    expect(evaluations().map((e) => e.ComplianceResourceId)).toEqual(['sg-web', 'sg-db']);
  });

  it('an invocation that fails (Config keeps refusing an evaluation) is logged as one line with its rule and resource, then thrown', async () => {
    // Arrange
    config.on(PutEvaluationsCommand).callsFake((input) => ({ FailedEvaluations: input.Evaluations }));
    const out = capturingLogger();
    const sink = configEvaluationSink(new ConfigServiceClient({ region: 'eu-west-1' }), { testMode: false, retry: instantRetry() });
    const handler = makeHandler({ reader: ec2Deps().reader, config: sink, logger: out.logger, ...common() });

    // Act
    const error = await handler(configEvent('config-change-security-group.custodian.json', SG_RULE, SG_ITEM), CONTEXT).then(() => undefined, (e: Error) => e);
    out.restore();

    // Assert
    expect(error).toMatchObject({ name: 'DeliveryError' });
    expect(out.lines).toEqual([
      expect.objectContaining({
        level: 'ERROR',
        message: expect.stringMatching(/invocation failed/),
        configRuleName: SG_RULE,
        resource: 'AWS::EC2::SecurityGroup/sg-web',
        error: expect.objectContaining({ name: 'DeliveryError' }),
      }),
    ]);
  });

  it('a deleted resource is NOT_APPLICABLE with nothing read', async () => {
    // Arrange
    const { handler } = wired();

    // Act
    await handler(configEvent('config-change-security-group.custodian.json', SG_RULE, { ...SG_ITEM, configurationItemStatus: 'ResourceDeleted' }), CONTEXT);

    // Assert
    expect(fake.sent).toEqual([]);
    expect(fake.sts.calls()).toEqual([]);
    expect(evaluations()).toEqual([expect.objectContaining({ ComplianceResourceId: 'sg-web', ComplianceType: 'NOT_APPLICABLE', Annotation: 'Not applicable: the resource was deleted.' })]);
  });

  it('a resource that left the rule scope is NOT_APPLICABLE with nothing read', async () => {
    // Arrange
    const { handler } = wired();
    const event = configEvent('config-change-security-group.custodian.json', SG_RULE, SG_ITEM);

    // Act
    await handler({ ...event, eventLeftScope: true }, CONTEXT);

    // Assert
    expect(fake.sent).toEqual([]);
    expect(evaluations().map((e) => e.ComplianceType)).toEqual(['NOT_APPLICABLE']);
  });

  it('a resource type the rule does not evaluate (an interface for a group rule) is NOT_APPLICABLE with nothing read', async () => {
    // Arrange
    const { handler } = wired();

    // Act
    await handler(configEvent('config-change-security-group.custodian.json', SG_RULE, { ...SG_ITEM, resourceType: 'AWS::EC2::NetworkInterface', resourceId: 'eni-1' }), CONTEXT);

    // Assert
    expect(fake.sent).toEqual([]);
    expect(evaluations()).toEqual([expect.objectContaining({ ComplianceResourceId: 'eni-1', ComplianceType: 'NOT_APPLICABLE' })]);
  });

  it('a malformed invocation is logged with its reason and thrown (the failure destination keeps it); nothing is sent', async () => {
    // Arrange
    const { handler, log } = wired();
    const event = { ...configEvent('config-scheduled.aws-docs.json', SG_RULE), invokingEvent: '{not json' };

    // Act
    const error = await handler(event, CONTEXT).catch((e: Error) => e);

    // Assert
    expect(error).toMatchObject({ name: 'MalformedEventError' });
    expect((error as Error).message).toMatch(/^invokingEvent: not valid JSON/);
    expect(log.error).toHaveBeenCalledWith(expect.stringMatching(/malformed/), { reason: (error as Error).message });
    expect(config.commandCalls(PutEvaluationsCommand)).toEqual([]);
  });

  it('with the Config sink off, nothing is sent', async () => {
    // Arrange
    const { handler } = wired({ config: undefined });

    // Act
    const result = await handler(configEvent('config-scheduled.aws-docs.json', SG_RULE), CONTEXT);

    // Assert
    expect(result).toEqual({ evaluations: 2, sent: 0 });
    expect(config.commandCalls(PutEvaluationsCommand)).toEqual([]);
  });
});
