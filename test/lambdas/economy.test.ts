import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchImportFindingsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { findingStateStore } from '../../lambdas/adapters/finding-state';
import { securityHubImporter } from '../../lambdas/adapters/security-hub';
import { publish } from '../../lambdas/app/publish';
import { reconcile } from '../../lambdas/app/reconcile';
import { NOW } from '../helpers';
import { fakeTable } from './adapters/dynamodb-fake';
import { instantRetry } from './adapters/retry-fixtures';
import { finding, findings } from './fakes';

const SCOPE = { accountId: '111122223333', region: 'eu-west-1', now: NOW };
const NEXT_DAY = { ...SCOPE, now: new Date(NOW.getTime() + 24 * 3_600_000) };
const hub = mockClient(SecurityHubClient);

afterEach(() => hub.reset());

/** publish + reconcile through the real adapters, AWS answered by aws-sdk-client-mock. */
function wired() {
  const table = fakeTable('finding-state');
  hub.on(BatchImportFindingsCommand).resolves({ FailedCount: 0, FailedFindings: [] });
  const ports = {
    securityHub: securityHubImporter(new SecurityHubClient({}), instantRetry()),
    state: findingStateStore(new DynamoDBClient({}), 'finding-state', instantRetry()),
  };
  const imports = () => hub.commandCalls(BatchImportFindingsCommand).length;
  return { table, ports, imports };
}

describe('economy of publishing (README states these numbers)', () => {
  it('1,050 findings: 11 BatchImportFindings the first time (DynamoDB: 11 BatchGetItem + 42 BatchWriteItem), 0 when unchanged (11 BatchGetItem)', async () => {
    const { table, ports, imports } = wired();
    try {
      await publish(findings(1050), SCOPE, ports);
      expect(imports()).toBe(11);
      expect(table.calls()).toEqual({ batchGet: 11, batchWrite: 42, query: 0 });

      await publish(findings(1050), NEXT_DAY, ports);
      expect(imports()).toBe(11);
      expect(table.calls()).toEqual({ batchGet: 22, batchWrite: 42, query: 0 });
    } finally {
      table.mock.restore();
    }
  });

  it('a sweep that lost one resource: one import for the archive, a paged Query of the region, one write', async () => {
    const { table, ports, imports } = wired();
    try {
      await publish(findings(1050), SCOPE, ports);
      const swept = findings(1050).filter((f) => f.resourceId !== 'sg-7');
      await publish(swept, NEXT_DAY, ports);
      const before = { imports: imports(), ...table.calls() };
      expect(await reconcile(swept, NEXT_DAY, ports)).toEqual({ archived: 1 });
      // Records are ~0.8 KB and a Query page is 1 MB: the fake's 1,000 a page makes 1,050 two pages.
      expect({ imports: imports(), ...table.calls() }).toEqual({ ...before, imports: before.imports + 1, query: 2, batchWrite: before.batchWrite + 1 });
      expect(hub.commandCalls(BatchImportFindingsCommand).at(-1)?.args[0].input.Findings?.map((f) => [f.Id, f.RecordState])).toEqual([
        ['vpc-auditor/eu-west-1/111122223333/sg-no-public-admin-ports/sg-7', 'ARCHIVED'],
      ]);
    } finally {
      table.mock.restore();
    }
  });

  it('one changed finding among 1,050: one request of one finding', async () => {
    const { table, ports } = wired();
    try {
      await publish(findings(1050), SCOPE, ports);
      const changed = findings(1050).map((f, i) => (i === 500 ? finding(500, { severity: 'CRITICAL' }) : f));
      expect((await publish(changed, NEXT_DAY, ports)).sent).toBe(1);
      expect(hub.commandCalls(BatchImportFindingsCommand).at(-1)?.args[0].input.Findings?.map((f) => f.FindingProviderFields?.Severity?.Label)).toEqual(['CRITICAL']);
    } finally {
      table.mock.restore();
    }
  });
});
