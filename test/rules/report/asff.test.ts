import { describe, expect, it } from 'vitest';
import { toAsff } from '../../../rules/report/asff';
import { NOW } from '../../helpers';
import { finding } from '../../lambdas/fakes';

const SCOPE = { accountId: '111122223333', region: 'eu-west-1', now: NOW };

describe('toAsff lifecycle fields', () => {
  it('a first import: created, first and last observed, and updated now', () => {
    const asff = toAsff(finding(1), SCOPE);
    const now = NOW.toISOString();
    expect(asff).toMatchObject({ CreatedAt: now, FirstObservedAt: now, UpdatedAt: now, LastObservedAt: now });
  });

  it('a re-import keeps CreatedAt and FirstObservedAt from the history and moves the others', () => {
    const first = new Date('2026-01-01T00:00:00Z');
    const asff = toAsff(finding(1), SCOPE, { firstObservedAt: first });
    expect(asff).toMatchObject({ CreatedAt: first.toISOString(), FirstObservedAt: first.toISOString(), UpdatedAt: NOW.toISOString(), LastObservedAt: NOW.toISOString() });
  });

  it('puts Severity and Types in FindingProviderFields too, where a re-import may change them', () => {
    const asff = toAsff(finding(1, { severity: 'CRITICAL', compliance: { 'cis-aws-3.0': ['5.2'] } }), SCOPE);
    expect(asff.FindingProviderFields).toEqual({ Severity: { Label: 'CRITICAL', Original: 'CRITICAL' }, Types: asff.Types });
    expect(asff.Types).toHaveLength(2);
  });
});
