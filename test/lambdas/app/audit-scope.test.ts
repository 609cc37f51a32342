import { describe, expect, it } from 'vitest';
import { auditScope, type ScopeReader, scopeOf } from '../../../lambdas/app/audit-scope';
import { CATALOG } from '../../../rules/catalog';
import { SNAPSHOT_RESOURCE_ID } from '../../../rules/engine/evaluate';
import { DEFAULT_SETTINGS } from '../../../rules/engine/settings';
import { NOW } from '../../helpers';

/** Two groups of one VPC and nothing else: every other list is unread. */
const reader: ScopeReader = {
  async read() {
    const group = (id: string) => ({ GroupId: id, GroupName: id, VpcId: 'vpc-1', OwnerId: '111122223333', IpPermissions: [], IpPermissionsEgress: [] });
    return { snapshot: { AccountId: '111122223333', Region: 'eu-west-1', SecurityGroups: [group('sg-1'), group('sg-2')] } as never, warnings: [] };
  },
};
const base = { rules: CATALOG, exposure: true, settings: DEFAULT_SETTINGS, now: NOW };

describe('auditScope', () => {
  it('a region scope keeps snapshot-wide findings (reconcile reads them as "list unread")', async () => {
    // Act
    const { findings, accountId, region } = await auditScope(reader, { ...base, scope: { kind: 'region' } });

    // Assert
    expect(findings.some((f) => f.resourceId === SNAPSHOT_RESOURCE_ID)).toBe(true);
    expect({ accountId, region }).toEqual({ accountId: '111122223333', region: 'eu-west-1' });
  });

  it('a resource scope drops them, and keeps only what `keep` selects of the context read', async () => {
    // Act
    const { findings } = await auditScope(reader, { ...base, scope: scopeOf([{ kind: 'SecurityGroup', id: 'sg-1' }]), keep: (f) => f.resourceId === 'sg-1' });

    // Assert
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.resourceId === 'sg-1')).toBe(true);
  });

  it('scopeOf names each resource in its kind’s scope field, with the VPCs given', () => {
    expect(scopeOf([{ kind: 'SecurityGroup', id: 'sg-1' }, { kind: 'NetworkAcl', id: 'acl-1' }, { kind: 'SecurityGroup', id: 'sg-2' }], ['vpc-1'])).toEqual({
      kind: 'resources',
      securityGroupIds: ['sg-1', 'sg-2'],
      networkAclIds: ['acl-1'],
      vpcIds: ['vpc-1'],
    });
  });
});
