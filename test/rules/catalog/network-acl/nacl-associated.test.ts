import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/network-acl/nacl-associated';
import { check, entry, nacl, VPC } from '../../../helpers';

const ID = 'nacl-associated';

const snapshotOf = (...acls: Record<string, unknown>[]) => ({ NetworkAcls: acls, Vpcs: [VPC] });
const ENTRIES = [entry(100, 'allow', '6', '0.0.0.0/0', [443, 443]), entry(32767, 'deny', '-1', '0.0.0.0/0')];

describe(ID, () => {
  it('has the catalog metadata (LOW, FSBP EC2.16, no remediation kind)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('LOW');
    expect(rule.meta.compliance).toEqual({ 'aws-fsbp': ['EC2.16'] });
    expect(rule.meta.remediation.kind).toBeUndefined();
  });

  describe('PASS', () => {
    it('a non-default NACL associated with a subnet', () => {
      // Arrange
      const acl = nacl('acl-1', ENTRIES);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ subnets: ['subnet-1'] });
    });

    it('lists every associated subnet', () => {
      // Arrange
      const acl = nacl('acl-1', ENTRIES, {
        Associations: [
          { NetworkAclAssociationId: 'aclassoc-1', SubnetId: 'subnet-1' },
          { NetworkAclAssociationId: 'aclassoc-2', SubnetId: 'subnet-2' },
        ],
      });

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence).toEqual({ subnets: ['subnet-1', 'subnet-2'] });
      expect(f.message).toBe('Associated with 2 subnet(s).');
    });
  });

  describe('FAIL', () => {
    it('a non-default NACL with an empty Associations list', () => {
      // Arrange
      const acl = nacl('acl-1', ENTRIES, { Associations: [] });

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('LOW');
      expect(f.resourceType).toBe('AWS::EC2::NetworkAcl');
      expect(f.message).toBe('Associated with no subnet.');
    });

    it('an association item without a SubnetId associates no subnet', () => {
      // Arrange
      const acl = nacl('acl-1', ENTRIES, { Associations: [{ NetworkAclAssociationId: 'aclassoc-1' }] });

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('FAIL');
    });
  });

  describe('NOT_APPLICABLE', () => {
    it('a non-default NACL listed without its Associations key (unknown, not empty)', () => {
      // Arrange
      const { Associations: _omitted, ...acl } = nacl('acl-1', ENTRIES);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['NetworkAcls[acl-1].Associations'] });
    });

    it('a default NACL, even unassociated', () => {
      // Arrange
      const acl = nacl('acl-default', ENTRIES, { IsDefault: true, Associations: [] });

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-default');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
    });

    it('a snapshot without NetworkAcls names the missing key', () => {
      // Arrange
      const snapshot = { Vpcs: [VPC] };

      // Act
      const f = check(rule, snapshot, 'snapshot');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['NetworkAcls'] });
    });
  });
});
