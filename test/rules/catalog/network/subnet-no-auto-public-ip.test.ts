import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/network/subnet-no-auto-public-ip';
import { check, VPC } from '../../../helpers';
import { subnet } from './network-fixtures';

const ID = 'subnet-no-auto-public-ip';

const snapshotOf = (...subnets: Record<string, unknown>[]) => ({ Vpcs: [VPC], Subnets: subnets });

describe(ID, () => {
  it('has the catalog metadata (MEDIUM, Subnet, FSBP EC2.15)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('MEDIUM');
    expect(rule.meta.resourceKind).toBe('Subnet');
    expect(rule.meta.compliance).toEqual({ 'aws-fsbp': ['EC2.15'] });
    expect(rule.meta.remediation.kind).toBeUndefined();
    expect(rule.meta.remediation.defaultMode).toBe('notify');
    expect(rule.meta.remediation.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/.*#ec2-15$/);
    expect(rule.meta.inputs).toEqual([]);
    expect(rule.meta.triggers.cloudTrailEvents).toContain('ModifySubnetAttribute');
    expect(rule.meta.triggers.configResourceTypes).toEqual(['AWS::EC2::Subnet']);
  });

  describe('PASS', () => {
    it('both attributes false', () => {
      // Arrange
      const snapshot = snapshotOf(subnet('subnet-1'));

      // Act
      const f = check(rule, snapshot, 'subnet-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ mapPublicIpOnLaunch: false, assignIpv6AddressOnCreation: false });
    });
  });

  describe('FAIL', () => {
    it('MapPublicIpOnLaunch true', () => {
      // Arrange
      const snapshot = snapshotOf(subnet('subnet-1', 'eu-west-1a', { MapPublicIpOnLaunch: true }));

      // Act
      const f = check(rule, snapshot, 'subnet-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
      expect(f.resourceType).toBe('AWS::EC2::Subnet');
      expect(f.evidence).toEqual({ enabled: ['MapPublicIpOnLaunch'], mapPublicIpOnLaunch: true, assignIpv6AddressOnCreation: false });
      expect(f.message).toBe('MapPublicIpOnLaunch is enabled.');
    });

    it('AssignIpv6AddressOnCreation true', () => {
      // Arrange
      const snapshot = snapshotOf(subnet('subnet-1', 'eu-west-1a', { AssignIpv6AddressOnCreation: true }));

      // Act
      const f = check(rule, snapshot, 'subnet-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
      expect(f.evidence).toEqual({ enabled: ['AssignIpv6AddressOnCreation'], mapPublicIpOnLaunch: false, assignIpv6AddressOnCreation: true });
    });

    it('both true, and one true fails even when the other is unknown', () => {
      // Arrange
      const { AssignIpv6AddressOnCreation: _omitted, ...partial } = subnet('subnet-2', 'eu-west-1a', { MapPublicIpOnLaunch: true });
      const snapshot = snapshotOf(subnet('subnet-1', 'eu-west-1a', { MapPublicIpOnLaunch: true, AssignIpv6AddressOnCreation: true }), partial);

      // Act
      const both = check(rule, snapshot, 'subnet-1');
      const one = check(rule, snapshot, 'subnet-2');

      // Assert
      expect(both.status).toBe('FAIL');
      expect(both.evidence).toMatchObject({ enabled: ['MapPublicIpOnLaunch', 'AssignIpv6AddressOnCreation'] });
      expect(both.message).toBe('MapPublicIpOnLaunch and AssignIpv6AddressOnCreation are enabled.');
      expect(one.status).toBe('FAIL');
      expect(one.evidence).toMatchObject({ enabled: ['MapPublicIpOnLaunch'] });
    });
  });

  describe('NOT_APPLICABLE', () => {
    it('an attribute the snapshot leaves out, with the other false: missing data is no PASS', () => {
      // Arrange
      const { MapPublicIpOnLaunch: _omitted, ...partial } = subnet('subnet-1');

      // Act
      const f = check(rule, snapshotOf(partial), 'subnet-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ missingInputs: ['Subnets[subnet-1].MapPublicIpOnLaunch'] });
    });

    it('a snapshot without Subnets names the missing key', () => {
      // Arrange
      const snapshot = { Vpcs: [VPC] };

      // Act
      const f = check(rule, snapshot, 'snapshot');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['Subnets'] });
    });
  });
});
