import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/security-group/sg-rule-count';
import { check, perm, sg } from '../../../helpers';
import { GROUP_TYPE, groupPerm, groupsOnly, plPerm, sgr, without } from './sg-fixtures';

const ID = 'sg-rule-count';

/** n distinct /32 sources inside 10.0.0.0/8 (IPv4) or 2001:db8::/64 (IPv6). */
const v4 = (n: number, offset = 0) => Array.from({ length: n }, (_, i) => `10.0.${Math.floor((i + offset) / 256)}.${(i + offset) % 256}/32`);
const v6 = (n: number) => Array.from({ length: n }, (_, i) => `2001:db8::${(i + 1).toString(16)}/128`);

describe(ID, () => {
  it('has the catalog metadata (LOW, Prowler many_rules, no remediation kind)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('LOW');
    expect(rule.meta.resourceKind).toBe('SecurityGroup');
    expect(rule.meta.remediation.kind).toBeUndefined();
  });

  describe('FAIL', () => {
    it('one permission with 60 IpRanges is 60 ingress rules', () => {
      // Act
      const f = check(rule, groupsOnly(sg('sg-1', [perm('tcp', 443, 443, ...v4(60))])), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('LOW');
      expect(f.resourceType).toBe(GROUP_TYPE);
      expect(f.evidence).toEqual({ ingress: 60, egress: 0, max: 50 });
      expect(f.message).toBe('60 ingress rules exceed the limit of 50.');
    });

    it('IPv4, IPv6, prefix-list and group sources all count: 30 + 19 + 1 + 1 = 51', () => {
      // Arrange
      const group = sg('sg-1', [perm('tcp', 443, 443, ...v4(30), ...v6(19)), plPerm('tcp', 443, 443, 'pl-0a'), groupPerm('tcp', [443, 443], 'sg-2')]);

      // Act
      const f = check(rule, groupsOnly(group, sg('sg-2')), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({ ingress: 51, egress: 0, max: 50 });
    });

    it('egress is counted on its own: 51 egress rules over several permissions', () => {
      // Arrange
      const group = sg('sg-1', [perm('tcp', 22, 22, '10.0.0.0/8')], {
        IpPermissionsEgress: [perm('tcp', 443, 443, ...v4(25)), perm('udp', 53, 53, ...v4(26, 25))],
      });

      // Act
      const f = check(rule, groupsOnly(group), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({ ingress: 1, egress: 51, max: 50 });
      expect(f.message).toBe('51 egress rules exceed the limit of 50.');
    });

    it('SecurityGroupRules entries are counted one each', () => {
      // Arrange
      const snapshot = {
        SecurityGroups: [sg('sg-1')],
        SecurityGroupRules: v4(51).map((cidr, i) => sgr(`sgr-${i}`, 'sg-1', 'tcp', [443, 443], cidr)),
      };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({ ingress: 51, egress: 0, max: 50 });
    });

    it('maxRulesPerDirection setting: 6 rules over a limit of 5, in both directions', () => {
      // Arrange
      const group = sg('sg-1', [perm('tcp', 22, 22, ...v4(6))], { IpPermissionsEgress: [perm('-1', undefined, undefined, ...v4(6))] });

      // Act
      const f = check(rule, groupsOnly(group), 'sg-1', { maxRulesPerDirection: 5 });

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({ ingress: 6, egress: 6, max: 5 });
      expect(f.message).toBe('6 ingress and 6 egress rules exceed the limit of 5.');
    });

    it('one direction known and over the limit fails though the other list is missing', () => {
      // Arrange
      const group = without(sg('sg-1', [perm('tcp', 443, 443, ...v4(51))]), 'IpPermissionsEgress');

      // Act
      const f = check(rule, groupsOnly(group), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({ ingress: 51, max: 50, missingInputs: ['SecurityGroups[sg-1].IpPermissionsEgress'] });
      expect(f.message).toBe('51 ingress rules exceed the limit of 50. The snapshot lists no IpPermissionsEgress for this group (and no SecurityGroupRules).');
    });
  });

  describe('PASS', () => {
    it('exactly 50 ingress and 50 egress rules', () => {
      // Arrange
      const group = sg('sg-1', [perm('tcp', 443, 443, ...v4(50))], { IpPermissionsEgress: [perm('tcp', 443, 443, ...v4(50))] });

      // Act
      const f = check(rule, groupsOnly(group), 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ ingress: 50, egress: 50, max: 50 });
    });

    it('maxRulesPerDirection setting: 60 rules under a limit of 60', () => {
      // Act
      const f = check(rule, groupsOnly(sg('sg-1', [perm('tcp', 443, 443, ...v4(60))])), 'sg-1', { maxRulesPerDirection: 60 });

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence).toEqual({ ingress: 60, egress: 0, max: 60 });
    });

    it('an empty group', () => {
      // Act
      const f = check(rule, groupsOnly(sg('sg-1')), 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence).toEqual({ ingress: 0, egress: 0, max: 50 });
    });
  });

  describe('NOT_APPLICABLE', () => {
    it('one direction known and within the limit: the missing one could exceed it', () => {
      // Arrange
      const group = without(sg('sg-1', [], { IpPermissionsEgress: [perm('tcp', 443, 443, ...v4(50))] }), 'IpPermissions');

      // Act
      const f = check(rule, groupsOnly(group), 'sg-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['SecurityGroups[sg-1].IpPermissions'] });
    });

    it('a snapshot without SecurityGroups gives one finding for "snapshot" naming the key', () => {
      // Act
      const f = check(rule, { Vpcs: [] }, 'snapshot');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['SecurityGroups'] });
    });
  });
});
