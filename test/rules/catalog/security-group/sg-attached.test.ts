import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/security-group/sg-attached';
import { check, perm, sg } from '../../../helpers';
import { GROUP_TYPE, groupPerm, sgr } from './sg-fixtures';

const ID = 'sg-attached';

const eni = (id: string, ...groupIds: string[]) => ({
  NetworkInterfaceId: id,
  SubnetId: 'subnet-1',
  VpcId: 'vpc-1',
  Groups: groupIds.map((GroupId) => ({ GroupId })),
});

describe(ID, () => {
  it('has the catalog metadata (LOW, EC2.22, no remediation kind, needs NetworkInterfaces)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('LOW');
    expect(rule.meta.resourceKind).toBe('SecurityGroup');
    expect(rule.meta.compliance).toEqual({ 'aws-fsbp': ['EC2.22'] });
    expect(rule.meta.remediation.kind).toBeUndefined();
    expect(rule.meta.inputs).toEqual(['NetworkInterfaces']);
  });

  describe('PASS', () => {
    it('used by network interfaces: the evidence lists them', () => {
      // Arrange
      const snapshot = { SecurityGroups: [sg('sg-1')], NetworkInterfaces: [eni('eni-1', 'sg-1'), eni('eni-2', 'sg-0', 'sg-1'), eni('eni-3', 'sg-0')] };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ interfaces: ['eni-1', 'eni-2'] });
    });

    it('referenced only by another group (IpPermissions UserIdGroupPairs)', () => {
      // Arrange
      const snapshot = { SecurityGroups: [sg('sg-1'), sg('sg-db', [groupPerm('tcp', [5432, 5432], 'sg-1')])], NetworkInterfaces: [eni('eni-1', 'sg-db')] };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.message).toBe('Referenced by another security group.');
    });

    it('referenced only by another group\'s egress rule (SecurityGroupRules ReferencedGroupInfo)', () => {
      // Arrange
      const snapshot = {
        SecurityGroups: [sg('sg-1'), sg('sg-app')],
        SecurityGroupRules: [sgr('sgr-to-1', 'sg-app', 'tcp', [443, 443], 'sg-1', true)],
        NetworkInterfaces: [],
      };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
    });
  });

  describe('FAIL', () => {
    it('a reference only in IpPermissions of a group whose SecurityGroupRules list that direction does not count', () => {
      // Arrange: sg-app's ingress is listed by SecurityGroupRules (which win, as for every rule
      // of the group); its stale IpPermissions still name sg-1.
      const snapshot = {
        SecurityGroups: [sg('sg-1'), sg('sg-app', [groupPerm('tcp', [5432, 5432], 'sg-1')])],
        SecurityGroupRules: [sgr('sgr-https', 'sg-app', 'tcp', [443, 443], '10.0.0.0/8')],
        NetworkInterfaces: [],
      };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
    });

    it('used by no interface and referenced by no group', () => {
      // Arrange
      const snapshot = { SecurityGroups: [sg('sg-1', [perm('tcp', 443, 443, '10.0.0.0/8')])], NetworkInterfaces: [eni('eni-1', 'sg-other')] };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('LOW');
      expect(f.resourceType).toBe(GROUP_TYPE);
      expect(f.message).toBe('Used by no network interface and referenced by no other security group.');
    });

    it('a self-reference does not count as use', () => {
      // Arrange
      const snapshot = { SecurityGroups: [sg('sg-1', [groupPerm('-1', undefined, 'sg-1')])], NetworkInterfaces: [] };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('LOW');
    });

    it('referencing another group is not being referenced', () => {
      // Arrange: sg-1 names sg-2; nothing names sg-1.
      const snapshot = { SecurityGroups: [sg('sg-1', [groupPerm('tcp', [22, 22], 'sg-2')]), sg('sg-2')], NetworkInterfaces: [eni('eni-2', 'sg-2')] };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
    });
  });

  describe('NOT_APPLICABLE', () => {
    it('used by no listed interface while some interface is listed without Groups: not a FAIL on missing data', () => {
      // Arrange: eni-2 could be using sg-1; the snapshot does not say.
      const { Groups: _omitted, ...unknownGroups } = eni('eni-2', 'sg-1');
      const snapshot = { SecurityGroups: [sg('sg-1')], NetworkInterfaces: [eni('eni-1', 'sg-other'), unknownGroups] };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['NetworkInterfaces[eni-2].Groups'] });
    });

    it('referenced by no listed rule while another group is listed without its rules: not a FAIL on missing data', () => {
      // Arrange: sg-app's rules are unknown and may name sg-db; sg-db's own unknown rules do not matter for sg-app
      const snapshot = {
        SecurityGroups: [{ GroupId: 'sg-app', GroupName: 'app', VpcId: 'vpc-1' }, sg('sg-db')],
        NetworkInterfaces: [],
      };

      // Act
      const db = check(rule, snapshot, 'sg-db');
      const app = check(rule, snapshot, 'sg-app');

      // Assert
      expect(db.status).toBe('NOT_APPLICABLE');
      expect(db.evidence).toEqual({ missingInputs: ['SecurityGroups[sg-app].IpPermissions', 'SecurityGroups[sg-app].IpPermissionsEgress'] });
      expect(app.status).toBe('FAIL');
    });

    it('a default group, even unused', () => {
      // Arrange
      const snapshot = { SecurityGroups: [sg('sg-def', [], { GroupName: 'default' })], NetworkInterfaces: [] };

      // Act
      const f = check(rule, snapshot, 'sg-def');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.message).toBe('Default security groups cannot be deleted.');
    });

    it('without NetworkInterfaces in the snapshot: one finding per group naming the key, never PASS', () => {
      // Arrange: sg-1 is referenced by sg-2, which would pass if interfaces were not needed.
      const snapshot = { SecurityGroups: [sg('sg-1'), sg('sg-2', [groupPerm('tcp', [22, 22], 'sg-1')])] };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['NetworkInterfaces'] });
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
