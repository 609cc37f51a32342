import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/security-group/sg-no-unfilterable-targets';
import { check, perm, sg, VPC } from '../../../helpers';
import { GROUP_TYPE, groupsOnly, sgr, without } from './sg-fixtures';

const ID = 'sg-no-unfilterable-targets';

/** A group in vpc-1 (10.0.0.0/16, Amazon DNS 10.0.0.2) with these egress permissions. */
const withEgress = (...permissions: Record<string, unknown>[]) => ({
  SecurityGroups: [sg('sg-1', [], { IpPermissionsEgress: permissions })],
  Vpcs: [VPC],
});

describe(ID, () => {
  it('has the catalog metadata (INFORMATIONAL, no remediation kind)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('INFORMATIONAL');
    expect(rule.meta.resourceKind).toBe('SecurityGroup');
    expect(rule.meta.remediation.kind).toBeUndefined();
  });

  describe('FAIL', () => {
    it('egress to 169.254.169.254/32 (instance metadata)', () => {
      // Act
      const f = check(rule, withEgress(perm('tcp', 80, 80, '169.254.169.254/32')), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.resourceType).toBe(GROUP_TYPE);
      expect(f.evidence).toEqual({ rules: [{ direction: 'egress', protocol: 'tcp', ports: '80-80', source: '169.254.169.254/32' }] });
    });

    it('egress to the VPC base + 2 (10.0.0.2/32 for 10.0.0.0/16), the Amazon DNS server', () => {
      // Act
      const f = check(rule, withEgress(perm('udp', 53, 53, '10.0.0.2/32'), perm('tcp', 53, 53, '10.0.0.2/32')), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({
        rules: [
          { direction: 'egress', protocol: 'udp', ports: '53-53', source: '10.0.0.2/32' },
          { direction: 'egress', protocol: 'tcp', ports: '53-53', source: '10.0.0.2/32' },
        ],
      });
    });

    it('the DNS address follows the VPC: 172.31.0.2/32 in 172.31.0.0/16', () => {
      // Arrange
      const snapshot = {
        SecurityGroups: [sg('sg-1', [], { VpcId: 'vpc-2', IpPermissionsEgress: [perm('udp', 53, 53, '172.31.0.2/32')] })],
        Vpcs: [VPC, { VpcId: 'vpc-2', CidrBlock: '172.31.0.0/16' }],
      };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({ rules: [{ direction: 'egress', protocol: 'udp', ports: '53-53', source: '172.31.0.2/32' }] });
    });

    it('egress to fd00:ec2::254/128 (IPv6 metadata)', () => {
      // Act
      const f = check(rule, withEgress(perm('tcp', 80, 80, 'fd00:ec2::254/128')), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({ rules: [{ direction: 'egress', protocol: 'tcp', ports: '80-80', source: 'fd00:ec2::254/128' }] });
    });

    it('ingress from 169.254.169.123/32 (time sync), as a SecurityGroupRules entry with its id', () => {
      // Arrange
      const snapshot = {
        SecurityGroups: [sg('sg-1')],
        SecurityGroupRules: [sgr('sgr-ntp', 'sg-1', 'udp', [123, 123], '169.254.169.123/32')],
        Vpcs: [VPC],
      };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({ rules: [{ direction: 'ingress', ruleId: 'sgr-ntp', protocol: 'udp', ports: '123-123', source: '169.254.169.123/32' }] });
    });

    it('a fixed address decides even without Vpcs in the snapshot', () => {
      // Act
      const f = check(rule, groupsOnly(sg('sg-1', [], { IpPermissionsEgress: [perm('-1', undefined, undefined, '169.254.169.253/32')] })), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({ rules: [{ direction: 'egress', protocol: 'all', source: '169.254.169.253/32' }] });
    });

    it('one rule per source: only the metadata source of a two-source permission is listed', () => {
      // Act
      const f = check(rule, withEgress(perm('tcp', 80, 80, '169.254.169.254/32', '10.0.1.0/24')), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({ rules: [{ direction: 'egress', protocol: 'tcp', ports: '80-80', source: '169.254.169.254/32' }] });
    });

    it('a known direction with such a rule fails though the other list is missing', () => {
      // Arrange
      const snapshot = { SecurityGroups: [without(sg('sg-1', [], { IpPermissionsEgress: [perm('tcp', 80, 80, '169.254.169.254/32')] }), 'IpPermissions')], Vpcs: [VPC] };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({
        rules: [{ direction: 'egress', protocol: 'tcp', ports: '80-80', source: '169.254.169.254/32' }],
        missingInputs: ['SecurityGroups[sg-1].IpPermissions'],
      });
    });
  });

  describe('PASS', () => {
    it('a /30 around the metadata address also holds filterable addresses', () => {
      // Act
      const f = check(rule, withEgress(perm('tcp', 80, 80, '169.254.169.252/30')), 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({});
    });

    it.each(['0.0.0.0/0', '10.0.0.0/16', '10.0.0.3/32', '10.0.0.1/32', '169.254.169.255/32', '::/0', 'fd00:ec2::255/128'])('egress to %s', (cidr) => {
      // Act
      const f = check(rule, withEgress(perm('-1', undefined, undefined, cidr)), 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
    });
  });

  describe('NOT_APPLICABLE', () => {
    it('a known direction without such a rule proves nothing while the other list is missing', () => {
      // Arrange
      const snapshot = { SecurityGroups: [without(sg('sg-1', [perm('tcp', 443, 443, '0.0.0.0/0')]), 'IpPermissionsEgress')], Vpcs: [VPC] };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['SecurityGroups[sg-1].IpPermissionsEgress'] });
    });

    it('without Vpcs and no fixed-address hit: the DNS address is unknown', () => {
      // Act
      const f = check(rule, groupsOnly(sg('sg-1', [], { IpPermissionsEgress: [perm('udp', 53, 53, '10.0.0.2/32')] })), 'sg-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ missingInputs: ['Vpcs'] });
    });

    it("the group's VPC is not among the snapshot's Vpcs", () => {
      // Arrange
      const snapshot = { SecurityGroups: [sg('sg-1', [], { VpcId: 'vpc-9', IpPermissionsEgress: [perm('tcp', 443, 443, '0.0.0.0/0')] })], Vpcs: [VPC] };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.message).toContain('vpc-9');
      expect(f.evidence).toEqual({ missingInputs: ['Vpcs'] });
    });

    it('a snapshot without SecurityGroups gives one finding for "snapshot" naming the key', () => {
      // Act
      const f = check(rule, { Vpcs: [VPC] }, 'snapshot');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['SecurityGroups'] });
    });
  });
});
