import { describe, expect, it } from 'vitest';
import { publish } from '../../../lambdas/app/publish';
import { PUBLISH_WINDOW } from '../../../lambdas/app/publish-send';
import { reconcile } from '../../../lambdas/app/reconcile';
import { NOW } from '../../helpers';
import { finding, findings, memoryPorts } from '../fakes';

const SCOPE = { accountId: '111122223333', region: 'eu-west-1', now: NOW };
const NEXT_DAY = { ...SCOPE, now: new Date(NOW.getTime() + 24 * 3_600_000) };
const idOf = (i: number) => `vpc-auditor/eu-west-1/111122223333/sg-no-public-admin-ports/sg-${i}`;

describe('reconcile after a sweep', () => {
  it('re-imports as ARCHIVED the finding of a resource the sweep no longer saw, keeping its CreatedAt', async () => {
    // Arrange: sg-0..2 published yesterday; today sg-1 is gone
    const ports = memoryPorts();
    await publish(findings(3), SCOPE, ports);
    const today = [finding(0), finding(2)];
    await publish(today, NEXT_DAY, ports);
    // Act
    const result = await reconcile(today, NEXT_DAY, ports);
    // Assert
    expect(result).toEqual({ archived: 1 });
    const archived = ports.securityHub.imports[1];
    expect(archived.map((f) => f.Id)).toEqual([idOf(1)]);
    expect(archived[0]).toMatchObject({
      RecordState: 'ARCHIVED',
      Compliance: { Status: 'NOT_AVAILABLE' },
      CreatedAt: NOW.toISOString(),
      UpdatedAt: NEXT_DAY.now.toISOString(),
      GeneratorId: 'sg-no-public-admin-ports',
      Resources: [{ Id: 'arn:aws:ec2:eu-west-1:111122223333:security-group/sg-1' }],
    });
    expect(archived[0].Description).toMatch(/did not evaluate sg-1: the resource no longer exists/);
    expect(ports.state.tables.get('111122223333/eu-west-1')?.get(idOf(1))).toMatchObject({ recordState: 'ARCHIVED', firstObservedAt: NOW.toISOString() });
  });

  it('archives a finding once: the next sweep sends nothing', async () => {
    const ports = memoryPorts();
    await publish(findings(2), SCOPE, ports);
    await reconcile([finding(0)], NEXT_DAY, ports);
    const again = await reconcile([finding(0)], { ...NEXT_DAY, now: new Date(NEXT_DAY.now.getTime() + 1000) }, ports);
    expect(again).toEqual({ archived: 0 });
    expect(ports.securityHub.imports).toHaveLength(2);
  });

  it('archives nothing of a rule whose resource list the sweep could not read', async () => {
    const ports = memoryPorts();
    await publish(findings(2), SCOPE, ports);
    const unread = finding(0, { resourceId: 'snapshot', status: 'NOT_APPLICABLE' });
    expect(await reconcile([unread], NEXT_DAY, ports)).toEqual({ archived: 0 });
  });

  it('lists only its own account and region', async () => {
    const ports = memoryPorts();
    await publish(findings(2), { ...SCOPE, region: 'us-east-1' }, ports);
    expect(await reconcile([], NEXT_DAY, ports)).toEqual({ archived: 0 });
  });

  it('validates the scope before reading anything', async () => {
    const ports = memoryPorts();
    await expect(reconcile([], { ...SCOPE, accountId: 'abc' }, ports)).rejects.toThrow("AccountId must be 12 digits, got 'abc'");
    expect(ports.state.calls.list).toBe(0);
  });

  it('reads the state store page by page and archives a window at a time, so a large region is never held at once', async () => {
    // Arrange: two windows and a bit of findings published yesterday, none produced today
    const ports = memoryPorts();
    const n = 2 * PUBLISH_WINDOW + 50;
    await publish(findings(n), SCOPE, ports);
    ports.securityHub.imports.length = 0;
    ports.state.calls.list = 0;
    ports.state.pageSize = 1_000;
    ports.securityHub.reject.add(idOf(7));
    const pagesReadAtImport: number[] = [];
    const importFindings = ports.securityHub.importFindings.bind(ports.securityHub);
    ports.securityHub.importFindings = async (batch) => {
      pagesReadAtImport.push(ports.state.calls.list);
      return importFindings(batch);
    };

    // Act: a refusal in the first window does not stop the others; it is thrown at the end
    await expect(reconcile([], NEXT_DAY, ports)).rejects.toThrow(/Security Hub did not accept 1 item\(s\): .*sg-7 /);

    // Assert: 11 Query pages (10 full, one of 50); the first window went out after 5 pages, not 11
    expect(ports.securityHub.imports.map((batch) => batch.length)).toEqual([PUBLISH_WINDOW, PUBLISH_WINDOW, 50]);
    expect(pagesReadAtImport).toEqual([5, 10, 11]);
    expect(ports.state.calls.list).toBe(11);
    const archivedNow = [...(ports.state.tables.get('111122223333/eu-west-1')?.values() ?? [])].filter((r) => r.recordState === 'ARCHIVED');
    expect(archivedNow).toHaveLength(n - 1);
  });
});
