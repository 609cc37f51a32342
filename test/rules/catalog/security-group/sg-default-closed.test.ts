import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/security-group/sg-default-closed';
import { check, perm, sg } from '../../../helpers';
import { GROUP_TYPE, groupPerm, groupsOnly, sgr, tagged, without } from './sg-fixtures';

const ID = 'sg-default-closed';

/** A default group as AWS creates it: all traffic from itself in, all traffic out. */
const awsDefault = (id: string, extra: Record<string, unknown> = {}) =>
  sg(id, [groupPerm('-1', undefined, id)], { GroupName: 'default', IpPermissionsEgress: [perm('-1', undefined, undefined, '0.0.0.0/0')], ...extra });

describe(ID, () => {
  it('has the catalog metadata (HIGH, FSBP EC2.2, CIS 5.4, close-default-sg notify)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('HIGH');
    expect(rule.meta.resourceKind).toBe('SecurityGroup');
    expect(rule.meta.compliance).toEqual({ 'aws-fsbp': ['EC2.2'], 'cis-aws-3.0': ['5.4'] });
    expect(rule.meta.remediation.kind).toBe('close-default-sg');
    expect(rule.meta.remediation.defaultMode).toBe('notify');
  });

  describe('FAIL', () => {
    it('a default group with the rules AWS creates (self-reference in, "-1" to 0.0.0.0/0 out)', () => {
      // Act
      const f = check(rule, groupsOnly(awsDefault('sg-def')), 'sg-def');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('HIGH');
      expect(f.resourceType).toBe(GROUP_TYPE);
      expect(f.evidence).toEqual({
        ingress: [{ protocol: 'all', source: 'sg-def' }],
        egress: [{ protocol: 'all', source: '0.0.0.0/0' }],
      });
      expect(f.message).toBe('The default security group has 1 ingress and 1 egress rules.');
    });

    it('the same default rules as SecurityGroupRules: the evidence carries the rule ids', () => {
      // Arrange
      const snapshot = {
        SecurityGroups: [awsDefault('sg-def')],
        SecurityGroupRules: [sgr('sgr-self', 'sg-def', '-1', undefined, 'sg-def'), sgr('sgr-out', 'sg-def', '-1', undefined, '0.0.0.0/0', true)],
      };

      // Act
      const f = check(rule, snapshot, 'sg-def');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({
        ingress: [{ ruleId: 'sgr-self', protocol: 'all', source: 'sg-def' }],
        egress: [{ ruleId: 'sgr-out', protocol: 'all', source: '0.0.0.0/0' }],
      });
    });

    it('a single private egress rule is enough (any rule, not only public ones)', () => {
      // Arrange
      const group = sg('sg-def', [], { GroupName: 'default', IpPermissionsEgress: [perm('tcp', 443, 443, '10.0.0.0/8')] });

      // Act
      const f = check(rule, groupsOnly(group), 'sg-def');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({ ingress: [], egress: [{ protocol: 'tcp', ports: '443-443', source: '10.0.0.0/8' }] });
    });

    it('one ingress rule per source: a permission with two CIDRs is two rules', () => {
      // Arrange
      const group = sg('sg-def', [perm('tcp', 22, 22, '10.0.0.0/8', '192.168.0.0/16')], { GroupName: 'default' });

      // Act
      const f = check(rule, groupsOnly(group), 'sg-def');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.message).toBe('The default security group has 2 ingress and 0 egress rules.');
    });

    it('known ingress rules fail the group even when its egress list is missing; the evidence names the missing key', () => {
      // Arrange
      const group = without(sg('sg-def', [perm('tcp', 22, 22, '10.0.0.0/8')], { GroupName: 'default' }), 'IpPermissionsEgress');

      // Act
      const f = check(rule, groupsOnly(group), 'sg-def');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('HIGH');
      expect(f.evidence).toEqual({
        ingress: [{ protocol: 'tcp', ports: '22-22', source: '10.0.0.0/8' }],
        missingInputs: ['SecurityGroups[sg-def].IpPermissionsEgress'],
      });
      expect(f.message).toBe('The default security group has 1 ingress rules. The snapshot lists no IpPermissionsEgress for this group (and no SecurityGroupRules).');
    });

    it('known egress rules fail the group when its ingress list is missing', () => {
      // Arrange
      const group = without(awsDefault('sg-def'), 'IpPermissions');

      // Act
      const f = check(rule, groupsOnly(group), 'sg-def');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({ egress: [{ protocol: 'all', source: '0.0.0.0/0' }], missingInputs: ['SecurityGroups[sg-def].IpPermissions'] });
    });
  });

  describe('PASS', () => {
    it('an emptied default group', () => {
      // Act
      const f = check(rule, groupsOnly(sg('sg-def', [], { GroupName: 'default' })), 'sg-def');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({});
    });

    it('exempted by vpc-auditor:exempt = sg-default-closed keeps the waived rules', () => {
      // Act
      const f = check(rule, groupsOnly(awsDefault('sg-def', tagged({ 'vpc-auditor:exempt': ID }))), 'sg-def');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence).toMatchObject({ exempted: true, waived: { ingress: [{ protocol: 'all', source: 'sg-def' }] } });
    });
  });

  describe('NOT_APPLICABLE', () => {
    it('an empty ingress list with the egress list missing proves nothing: the missing key is named', () => {
      // Arrange
      const group = without(sg('sg-def', [], { GroupName: 'default' }), 'IpPermissionsEgress');

      // Act
      const f = check(rule, groupsOnly(group), 'sg-def');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['SecurityGroups[sg-def].IpPermissionsEgress'] });
    });

    it('a non-default group, even with the same rules as a default one', () => {
      // Arrange
      const group = awsDefault('sg-web', { GroupName: 'web' });

      // Act
      const f = check(rule, groupsOnly(group), 'sg-web');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.message).toBe('Not a default security group.');
    });

    it('a snapshot without SecurityGroups gives one finding for "snapshot" naming the key', () => {
      // Act
      const f = check(rule, { NetworkInterfaces: [] }, 'snapshot');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['SecurityGroups'] });
    });
  });
});
