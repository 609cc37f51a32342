import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchImportFindingsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findingStateStore } from '../../../lambdas/adapters/finding-state';
import { remediationQueue } from '../../../lambdas/adapters/remediation-queue';
import { securityHubImporter } from '../../../lambdas/adapters/security-hub';
import { makeHandler } from '../../../lambdas/handlers/change';
import { SettingsSchema } from '../../../rules/engine/settings';
import { fakeTable } from '../adapters/dynamodb-fake';
import { type FakeAccount, mockAccount } from '../adapters/ec2/fake-account';
import { instantRetry, sdkError } from '../adapters/retry-fixtures';
import { fixture } from '../events/fixtures';
import { CONTEXT, changeRecord, common, ec2Deps, quietLogger, sqsEvent } from './harness';

const hub = mockClient(SecurityHubClient);
const sqs = mockClient(SQSClient);
let fake: FakeAccount;
let table: ReturnType<typeof fakeTable>;

beforeEach(() => {
  hub.reset();
  sqs.reset();
  hub.on(BatchImportFindingsCommand).resolves({ FailedCount: 0, FailedFindings: [] });
  sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
  fake = mockAccount();
  table = fakeTable('finding-state');
});
afterEach(() => {
  fake.ec2.restore();
  fake.sts.restore();
  table.mock.restore();
});

const OWN_ROLE = 'arn:aws:iam::111122223333:role/VpcAuditor-RemediateRole';

function wired(settings = common().settings) {
  const log = quietLogger();
  const handler = makeHandler({
    ...ec2Deps(),
    publish: {
      securityHub: securityHubImporter(new SecurityHubClient({ region: 'eu-west-1' }), instantRetry()),
      state: findingStateStore(new DynamoDBClient({ region: 'eu-west-1' }), 'finding-state', instantRetry()),
    },
    remediation: remediationQueue(new SQSClient({ region: 'eu-west-1' }), 'https://sqs.eu-west-1.amazonaws.com/111122223333/remediation', instantRetry()),
    ownRole: { arn: OWN_ROLE },
    logger: log.logger,
    ...common(),
    settings,
  });
  return { handler, log };
}

const imported = () => hub.commandCalls(BatchImportFindingsCommand).flatMap((c) => c.args[0].input.Findings ?? []);
const handedOff = () => sqs.commandCalls(SendMessageBatchCommand).flatMap((c) => (c.args[0].input.Entries ?? []).map((e) => JSON.parse(e.MessageBody as string)));

describe('change handler (through the middy chain and the batch utility)', () => {
  it('an AuthorizeSecurityGroupIngress: the group is evaluated with exposure, published, and its remediable FAIL handed off', async () => {
    // Arrange
    const { handler } = wired();

    // Act
    const response = await handler(sqsEvent(changeRecord('m1')), CONTEXT);

    // Assert
    expect(response).toEqual({ batchItemFailures: [] });
    expect(new Set(imported().map((f) => (f.Resources?.[0].Id as string).split('/').at(-1)))).toEqual(new Set(['sg-web']));
    expect(imported().find((f) => f.GeneratorId === 'sg-no-public-admin-ports')?.Compliance?.Status).toBe('FAILED');
    expect(handedOff()).toEqual([
      expect.objectContaining({ ruleId: 'sg-no-public-admin-ports', resourceId: 'sg-web', region: 'eu-west-1', accountId: '111122223333', mode: 'auto', kind: 'revoke-public-ingress' }),
    ]);
    expect(handedOff()[0].evidence).toBeTypeOf('object');
  });

  it('a FAIL whose rule is in notify mode is published but not handed off', async () => {
    // Arrange
    const { handler } = wired(SettingsSchema.parse({ rules: { 'sg-no-public-admin-ports': { mode: 'notify' } } }));

    // Act
    await handler(sqsEvent(changeRecord('m1')), CONTEXT);

    // Assert
    expect(imported().some((f) => f.GeneratorId === 'sg-no-public-admin-ports')).toBe(true);
    expect(sqs.commandCalls(SendMessageBatchCommand)).toEqual([]);
  });

  it('economy (README): one AuthorizeSecurityGroupIngress event costs these calls', async () => {
    // Arrange
    const { handler } = wired();

    // Act
    await handler(sqsEvent(changeRecord('m1')), CONTEXT);

    // Assert: EC2 first pages (the fake serves lists in two pages), then the rest per service.
    const ec2 = fake.sent.filter((s) => !s.input.NextToken).map((s) => s.command.replace(/Command$/, ''));
    expect(ec2.sort()).toEqual(
      [
        'DescribeSecurityGroups', // locate sg-web (its VPC)
        'DescribeSecurityGroups', // the VPC's groups (exposure, references)
        'DescribeSecurityGroupRules',
        'DescribeVpcs',
        'DescribeSubnets',
        'DescribeRouteTables',
        'DescribeInternetGateways',
        'DescribeNetworkAcls',
        'DescribeNetworkInterfaces',
        'DescribeManagedPrefixLists',
        'GetManagedPrefixListEntries',
      ].sort(),
    );
    expect(fake.sts.calls().length).toBe(1);
    expect(hub.commandCalls(BatchImportFindingsCommand).length).toBe(1);
    expect(table.calls()).toEqual({ batchGet: 1, batchWrite: 1, query: 0 });
    expect(sqs.commandCalls(SendMessageBatchCommand).length).toBe(1);
  });

  it('events in one batch about two groups of one VPC: the VPC context is read once', async () => {
    // Arrange
    const { handler } = wired();

    // Act
    await handler(sqsEvent(changeRecord('m1', 'sg-web'), changeRecord('m2', 'sg-db'), changeRecord('m3', 'sg-web')), CONTEXT);

    // Assert
    const byVpc = fake.sent.filter((s) => s.command === 'DescribeSecurityGroupsCommand' && !s.input.NextToken && JSON.stringify(s.input).includes('vpc-id'));
    expect(byVpc.length).toBe(1);
    expect(hub.commandCalls(BatchImportFindingsCommand).length).toBe(1);
  });

  it('a NACL entry change re-evaluates the NACL and the exposure-dependent group findings of its VPC, nothing else of the groups', async () => {
    // Arrange
    const { handler } = wired();
    const call = fixture<Record<string, { requestParameters: Record<string, unknown> }>>('cloudtrail-ec2-calls.json').CreateNetworkAclEntry;
    const detail = { eventName: 'CreateNetworkAclEntry', requestParameters: { ...call.requestParameters, networkAclId: 'acl-1' }, responseElements: { _return: true } };

    // Act
    const response = await handler(sqsEvent(changeRecord('m1', 'sg-web', detail)), CONTEXT);

    // Assert
    expect(response).toEqual({ batchItemFailures: [] });
    const byResource = (prefix: string) => new Set(imported().filter((f) => (f.Resources?.[0].Id as string).includes(`/${prefix}`)).map((f) => f.GeneratorId));
    expect(byResource('acl-1').size).toBeGreaterThan(0);
    expect(byResource('acl-2').size).toBe(0);
    expect([...byResource('sg-web')].every((id) => id?.startsWith('sg-no-public-'))).toBe(true);
    expect(byResource('sg-web').has('sg-no-public-admin-ports')).toBe(true);
  });

  it('a call that failed (errorCode) is skipped with its reason logged; nothing is read', async () => {
    // Arrange
    const { handler, log } = wired();

    // Act
    const response = await handler(sqsEvent(changeRecord('m1', 'sg-web', { errorCode: 'Client.UnauthorizedOperation', errorMessage: 'not allowed' })), CONTEXT);

    // Assert
    expect(response).toEqual({ batchItemFailures: [] });
    expect(fake.sent).toEqual([]);
    expect(imported()).toEqual([]);
    expect(log.info).toHaveBeenCalledWith('event skipped', expect.objectContaining({ messageId: 'm1', eventId: 'event-m1', reason: expect.stringMatching(/Client.UnauthorizedOperation/) }));
  });

  it("a call by vpc-auditor's own remediation role is skipped", async () => {
    // Arrange
    const { handler, log } = wired();
    const userIdentity = { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/VpcAuditor-RemediateRole/s', sessionContext: { sessionIssuer: { type: 'Role', arn: OWN_ROLE } } };

    // Act
    await handler(sqsEvent(changeRecord('m1', 'sg-web', { userIdentity })), CONTEXT);

    // Assert
    expect(fake.sent).toEqual([]);
    expect(log.info).toHaveBeenCalledWith('event skipped', expect.objectContaining({ reason: expect.stringMatching(/remediation role/) }));
  });

  it('a batch with one malformed message: it alone fails (to the DLQ by redrive), logged with its id; the others publish', async () => {
    // Arrange
    const { handler, log } = wired();
    const bad = { ...changeRecord('m2'), body: '{"detail-type": "AWS API Call via CloudTrail"' };

    // Act
    const response = await handler(sqsEvent(changeRecord('m1'), bad, changeRecord('m3', 'sg-db')), CONTEXT);

    // Assert
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'm2' }] });
    expect(log.error).toHaveBeenCalledWith(expect.stringMatching(/malformed/), { messageId: 'm2', reason: expect.stringMatching(/^body: not valid JSON/) });
    expect(new Set(imported().map((f) => (f.Resources?.[0].Id as string).split('/').at(-1)))).toEqual(new Set(['sg-web', 'sg-db']));
  });

  it('Security Hub throttling is retried and the batch succeeds', async () => {
    // Arrange
    hub.on(BatchImportFindingsCommand).rejectsOnce(sdkError('ThrottlingException', 400)).resolves({ FailedCount: 0, FailedFindings: [] });
    const { handler } = wired();

    // Act
    const response = await handler(sqsEvent(changeRecord('m1')), CONTEXT);

    // Assert
    expect(response).toEqual({ batchItemFailures: [] });
    expect(hub.commandCalls(BatchImportFindingsCommand).length).toBe(2);
  });

  it.each([
    ['InternalException', 5],
    ['InvalidInput', 1],
  ])('a finding Security Hub keeps refusing with %s is sent %i time(s), then the messages behind it fail', async (ErrorCode, sends) => {
    // Arrange: an internal error may pass on a retry; a malformed finding never will
    hub.on(BatchImportFindingsCommand).callsFake(({ Findings }) => ({
      FailedCount: 1,
      FailedFindings: [{ Id: Findings[0].Id, ErrorCode, ErrorMessage: 'refused' }],
    }));
    const { handler, log } = wired();

    // Act
    const response = await handler(sqsEvent(changeRecord('m1'), changeRecord('m2')), CONTEXT);

    // Assert
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'm1' }, { itemIdentifier: 'm2' }] });
    expect(hub.commandCalls(BatchImportFindingsCommand).length).toBe(sends);
    expect(log.error).not.toHaveBeenCalledWith(expect.stringMatching(/malformed/), expect.anything());
  });
});
