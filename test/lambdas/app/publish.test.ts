import { describe, expect, it } from 'vitest';
import { publish, REFRESH_AFTER_MS } from '../../../lambdas/app/publish';
import { PUBLISH_WINDOW } from '../../../lambdas/app/publish-send';
import { audit, NOW, perm, sg } from '../../helpers';
import { finding, findings, memoryPorts } from '../fakes';

const SCOPE = { accountId: '111122223333', region: 'eu-west-1', now: NOW };
const later = (ms: number) => ({ ...SCOPE, now: new Date(NOW.getTime() + ms) });
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('publish: lifecycle across imports', () => {
  it('keeps CreatedAt and FirstObservedAt, moves UpdatedAt and LastObservedAt, and shows a severity change in FindingProviderFields', async () => {
    // Arrange
    const ports = memoryPorts();
    await publish([finding(1)], SCOPE, ports);
    // Act
    await publish([finding(1, { severity: 'CRITICAL' })], later(HOUR), ports);
    // Assert
    const [first, second] = ports.securityHub.sent;
    expect(first).toMatchObject({ CreatedAt: NOW.toISOString(), FirstObservedAt: NOW.toISOString(), UpdatedAt: NOW.toISOString() });
    expect(second).toMatchObject({
      CreatedAt: NOW.toISOString(),
      FirstObservedAt: NOW.toISOString(),
      UpdatedAt: later(HOUR).now.toISOString(),
      LastObservedAt: later(HOUR).now.toISOString(),
      FindingProviderFields: { Severity: { Label: 'CRITICAL' } },
    });
    expect(ports.state.tables.get('111122223333/eu-west-1')?.get(second.Id as string)).toMatchObject({
      firstObservedAt: NOW.toISOString(),
      lastSentAt: later(HOUR).now.toISOString(),
      status: 'FAILED',
    });
  });

  it('sets Workflow only when it creates the finding: NEW when failing, RESOLVED when born passing', async () => {
    const ports = memoryPorts();
    await publish([finding(1), finding(2, { status: 'PASS' })], SCOPE, ports);
    await publish([finding(1, { message: 'changed' })], later(HOUR), ports);
    const [a, b, again] = ports.securityHub.sent;
    expect([a.Workflow, b.Workflow]).toEqual([{ Status: 'NEW' }, { Status: 'RESOLVED' }]);
    expect(again.Description).toBe('changed');
    expect(again).not.toHaveProperty('Workflow');
  });

  it('a finding that passes now goes out as a change with Compliance PASSED', async () => {
    const ports = memoryPorts();
    await publish([finding(1)], SCOPE, ports);
    const result = await publish([finding(1, { status: 'PASS' })], later(HOUR), ports);
    expect(result.sent).toBe(1);
    expect(ports.securityHub.sent[1]).toMatchObject({ Compliance: { Status: 'PASSED' }, RecordState: 'ACTIVE' });
  });
});

describe('publish: only what changed', () => {
  it('does not send an unchanged finding again before its refresh is due, and sends it once it is', async () => {
    const ports = memoryPorts();
    await publish(findings(3), SCOPE, ports);
    const unchanged = await publish(findings(3), later(REFRESH_AFTER_MS - HOUR), ports);
    expect(unchanged).toEqual({ sent: 0, unchanged: 3, notSent: 0 });
    const due = await publish(findings(3), later(REFRESH_AFTER_MS), ports);
    expect(due.sent).toBe(3);
    expect(REFRESH_AFTER_MS).toBeLessThan(30 * DAY);
  });

  it('lets an unchanged ARCHIVED finding age out: no refresh for a finding that no longer applies', async () => {
    const ports = memoryPorts();
    const notApplicable = [finding(0, { status: 'NOT_APPLICABLE' }), finding(1)];
    await publish(notApplicable, SCOPE, ports);
    const result = await publish(notApplicable, later(REFRESH_AFTER_MS + DAY), ports);
    expect(result).toEqual({ sent: 1, unchanged: 1, notSent: 0 });
    expect(ports.securityHub.imports[1].map((f) => [f.Id, f.RecordState])).toEqual([[expect.stringMatching(/sg-1$/), 'ACTIVE']]);
  });

  it('sends only the finding whose content changed', async () => {
    const ports = memoryPorts();
    await publish(findings(3), SCOPE, ports);
    const result = await publish([finding(0), finding(1, { message: 'now tcp 22 and 3389' }), finding(2)], later(DAY), ports);
    expect(result).toEqual({ sent: 1, unchanged: 2, notSent: 0 });
    expect(ports.securityHub.imports[1].map((f) => f.Id)).toEqual(['vpc-auditor/eu-west-1/111122223333/sg-no-public-admin-ports/sg-1']);
  });

  it('economy: 1,050 findings go out in one import the first time and none when unchanged (state store: get + put, then get)', async () => {
    const ports = memoryPorts();
    const first = await publish(findings(1050), SCOPE, ports);
    expect(first.sent).toBe(1050);
    expect(ports.state.calls).toEqual({ get: 1, put: 1, list: 0 });
    const second = await publish(findings(1050), later(DAY), ports);
    expect(second).toEqual({ sent: 0, unchanged: 1050, notSent: 0 });
    expect(ports.securityHub.imports).toHaveLength(1);
    expect(ports.state.calls).toEqual({ get: 2, put: 1, list: 0 });
  });
});

describe('publish: a large region in windows (memory)', () => {
  it('reads state and imports at most PUBLISH_WINDOW findings at a time; a window Security Hub refuses in part does not stop the next', async () => {
    // Arrange: two full windows and a partial one; one finding of the first window refused.
    const ports = memoryPorts();
    const reads: number[] = [];
    const get = ports.state.get.bind(ports.state);
    ports.state.get = async (scope, ids) => {
      reads.push(ids.length);
      return get(scope, ids);
    };
    ports.securityHub.reject.add('vpc-auditor/eu-west-1/111122223333/sg-no-public-admin-ports/sg-7');
    const n = 2 * PUBLISH_WINDOW + 50;

    // Act / Assert
    await expect(publish(findings(n), SCOPE, ports)).rejects.toThrow(/Security Hub did not accept 1 item\(s\): .*sg-7 /);
    expect(reads).toEqual([PUBLISH_WINDOW, PUBLISH_WINDOW, 50]);
    expect(ports.securityHub.imports.map((batch) => batch.length)).toEqual([PUBLISH_WINDOW, PUBLISH_WINDOW, 50]);
    expect(ports.securityHub.byId.size).toBe(n - 1);
    expect(ports.state.tables.get('111122223333/eu-west-1')?.size).toBe(n - 1);
  });
});

describe('publish: what is not sent', () => {
  it('leaves out findings about the snapshot as a whole', async () => {
    const ports = memoryPorts();
    const all = audit({ AccountId: '111122223333', Region: 'eu-west-1', SecurityGroups: [sg('sg-open', [perm('tcp', 22, 22, '0.0.0.0/0')])] });
    const wholeSnapshot = all.filter((f) => f.resourceId === 'snapshot').length;
    expect(wholeSnapshot).toBeGreaterThan(0);
    const result = await publish(all, SCOPE, ports);
    expect(result).toEqual({ sent: all.length - wholeSnapshot, unchanged: 0, notSent: wholeSnapshot });
    expect(ports.securityHub.sent.some((f) => String(f.Id).endsWith('/snapshot'))).toBe(false);
  });

  it('records in the state store only what Security Hub accepted, then fails', async () => {
    const ports = memoryPorts();
    ports.securityHub.reject.add('vpc-auditor/eu-west-1/111122223333/sg-no-public-admin-ports/sg-1');
    await expect(publish(findings(3), SCOPE, ports)).rejects.toThrow(/Security Hub did not accept 1 item\(s\): .*sg-1 \(InvalidInput: refused\)/);
    expect([...(ports.state.tables.get('111122223333/eu-west-1')?.keys() ?? [])].map((id) => id.split('/').pop())).toEqual(['sg-0', 'sg-2']);
    ports.securityHub.reject.clear();
    expect((await publish(findings(3), later(HOUR), ports)).sent).toBe(1);
  });
});

describe('publish: validation before anything is sent', () => {
  it.each([
    [{ accountId: '1111222233', region: 'eu-west-1' }, "AccountId must be 12 digits, got '1111222233'"],
    [{ accountId: '11112222333a', region: 'eu-west-1' }, "AccountId must be 12 digits, got '11112222333a'"],
    [{ accountId: '111122223333', region: 'Europe' }, "Region must be an AWS region name such as eu-west-1, got 'Europe'"],
    [{ accountId: '111122223333', region: '' }, "Region must be an AWS region name such as eu-west-1, got ''"],
  ])('%o', async (scope, message) => {
    const ports = memoryPorts();
    await expect(publish(findings(2), { ...scope, now: NOW }, ports)).rejects.toThrow(message);
    expect(ports.securityHub.imports).toEqual([]);
    expect(ports.state.calls.get).toBe(0);
  });

  it('accepts the regions of every partition', async () => {
    for (const region of ['us-east-1', 'us-gov-west-1', 'cn-north-1', 'ap-southeast-5', 'us-isob-east-1']) {
      await expect(publish([], { ...SCOPE, region }, memoryPorts())).resolves.toMatchObject({ sent: 0 });
    }
  });

  it('refuses two findings with one Id, naming it', async () => {
    const ports = memoryPorts();
    await expect(publish([finding(1), finding(2), finding(1)], SCOPE, ports)).rejects.toThrow(
      'two findings of one import share the Id vpc-auditor/eu-west-1/111122223333/sg-no-public-admin-ports/sg-1',
    );
    expect(ports.securityHub.imports).toEqual([]);
  });
});
