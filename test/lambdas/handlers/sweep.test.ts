import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchImportFindingsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findingStateStore } from '../../../lambdas/adapters/finding-state';
import { securityHubImporter } from '../../../lambdas/adapters/security-hub';
import type { ScopeReader } from '../../../lambdas/app/audit-scope';
import { makeHandler } from '../../../lambdas/handlers/sweep';
import rule from '../../../rules/catalog/security-group/sg-no-public-admin-ports';
import { NOW } from '../../helpers';
import { fakeTable } from '../adapters/dynamodb-fake';
import { ACCOUNT, type FakeAccount, mockAccount } from '../adapters/ec2/fake-account';
import { instantRetry, sdkError } from '../adapters/retry-fixtures';
import { CONTEXT, capturingLogger, common, ec2Deps, quietLogger } from './harness';

const hub = mockClient(SecurityHubClient);
let fake: FakeAccount | undefined;
let table: ReturnType<typeof fakeTable>;
const DAY = 24 * 3_600_000;

beforeEach(() => {
  hub.reset();
  hub.on(BatchImportFindingsCommand).resolves({ FailedCount: 0, FailedFindings: [] });
  table = fakeTable('finding-state');
});
afterEach(() => {
  fake?.ec2.restore();
  fake?.sts.restore();
  table.mock.restore();
});

function wired(reader: ScopeReader, day: number, over: Record<string, unknown> = {}) {
  return makeHandler({
    reader,
    publish: {
      securityHub: securityHubImporter(new SecurityHubClient({ region: 'eu-west-1' }), instantRetry()),
      state: findingStateStore(new DynamoDBClient({ region: 'eu-west-1' }), 'finding-state', instantRetry()),
    },
    logger: quietLogger().logger,
    ...common(),
    now: () => new Date(NOW.getTime() + day * DAY),
    ...over,
  });
}

const imports = () => hub.commandCalls(BatchImportFindingsCommand).length;
const lastImport = () => hub.commandCalls(BatchImportFindingsCommand).at(-1)?.args[0].input.Findings ?? [];

/** A region of `n` groups, each open on tcp 22 to the world: n findings of one rule. */
function groupsReader(n: number): ScopeReader {
  const groups = Array.from({ length: n }, (_, i) => ({
    GroupId: `sg-${i}`,
    GroupName: `g${i}`,
    VpcId: 'vpc-1',
    OwnerId: '111122223333',
    IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    IpPermissionsEgress: [],
  }));
  return { read: async () => ({ snapshot: { AccountId: '111122223333', Region: 'eu-west-1', SecurityGroups: groups } as never, warnings: [] }) };
}

describe('sweep handler (through the middy chain)', () => {
  it('economy (README): a 1,050-finding first sweep is 11 BatchImportFindings, an unchanged second sweep 0', async () => {
    // Arrange
    const reader = groupsReader(1050);

    // Act
    const first = await wired(reader, 0, { rules: [rule] })({}, CONTEXT);
    const afterFirst = imports();
    const second = await wired(reader, 1, { rules: [rule] })({}, CONTEXT);

    // Assert
    expect(first).toMatchObject({ evaluated: 1050, sent: 1050, archived: 0 });
    expect(afterFirst).toBe(11);
    expect(second).toMatchObject({ evaluated: 1050, sent: 0, unchanged: 1050, archived: 0 });
    expect(imports()).toBe(11);
  });

  it('a resource gone since the last sweep is ARCHIVED; a list that could not be read archives nothing of its rules', async () => {
    // Arrange: the first sweep sees the whole account.
    fake = mockAccount();
    await wired(ec2Deps().reader, 0)({}, CONTEXT);
    fake.ec2.restore();
    fake.sts.restore();
    // Then sg-db is deleted, and the VPN connections can no longer be read.
    fake = mockAccount({
      'ec2:DescribeSecurityGroups': () => ({ SecurityGroups: ACCOUNT.SecurityGroups.filter((g) => g.GroupId !== 'sg-db') }),
      'ec2:DescribeVpnConnections': () => {
        throw sdkError('UnauthorizedOperation', 403);
      },
    });
    const before = imports();

    // Act
    const result = await wired(ec2Deps().reader, 1)({}, CONTEXT);

    // Assert
    expect(imports()).toBeGreaterThan(before);
    const archived = lastImport().filter((f) => f.RecordState === 'ARCHIVED').map((f) => f.Id as string);
    expect(archived.length).toBeGreaterThan(0);
    expect(archived.every((id) => id.endsWith('/sg-db'))).toBe(true);
    expect(result).toMatchObject({ archived: archived.length });
  });

  it('a sweep that fails (Security Hub refuses the import) is logged as one structured line, then thrown for the retry and the DLQ', async () => {
    // Arrange
    hub.on(BatchImportFindingsCommand).rejects(sdkError('AccessDeniedException', 403));
    const out = capturingLogger();
    const handler = wired(groupsReader(2), 0, { logger: out.logger });

    // Act
    const error = await handler({}, CONTEXT).then(() => undefined, (e: Error) => e);
    out.restore();

    // Assert
    expect(error).toMatchObject({ name: 'DeliveryError' });
    expect(out.lines).toEqual([expect.objectContaining({ level: 'ERROR', message: expect.stringMatching(/sweep failed/), error: expect.objectContaining({ name: 'DeliveryError' }) })]);
  });

  it('with the Security Hub sink off, it evaluates and sends nothing', async () => {
    // Arrange
    const handler = wired(groupsReader(3), 0, { rules: [rule], publish: undefined });

    // Act
    const result = await handler({}, CONTEXT);

    // Assert
    expect(result).toMatchObject({ evaluated: 3, sent: 0 });
    expect(imports()).toBe(0);
  });
});
