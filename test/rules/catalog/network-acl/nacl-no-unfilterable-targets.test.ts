import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/network-acl/nacl-no-unfilterable-targets';
import { check, entry, nacl, VPC } from '../../../helpers';

const ID = 'nacl-no-unfilterable-targets';

const snapshotOf = (...acls: Record<string, unknown>[]) => ({ NetworkAcls: acls, Vpcs: [VPC] });
const BASELINE = [entry(100, 'allow', '6', '0.0.0.0/0', [443, 443]), entry(32767, 'deny', '-1', '0.0.0.0/0')];

describe(ID, () => {
  it('has the catalog metadata (INFORMATIONAL, no remediation kind)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('INFORMATIONAL');
    expect(rule.meta.remediation.kind).toBeUndefined();
  });

  describe('FAIL', () => {
    it('an entry for the instance metadata address 169.254.169.254/32', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(90, 'deny', '6', '169.254.169.254/32', [80, 80], true), ...BASELINE]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ entries: [{ direction: 'outbound', ruleNumber: 90, cidr: '169.254.169.254/32' }] });
      expect(f.message).toBe('1 entry targets addresses NACLs do not filter.');
    });

    it("the VPC's Amazon DNS address: base + 2 (10.0.0.2/32 for 10.0.0.0/16)", () => {
      // Arrange
      const acl = nacl('acl-1', [entry(90, 'deny', '17', '10.0.0.2/32', [53, 53]), ...BASELINE]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({ entries: [{ direction: 'inbound', ruleNumber: 90, cidr: '10.0.0.2/32' }] });
    });

    it('lists every such entry, IPv6 ones included, in both directions', () => {
      // Arrange
      const acl = nacl('acl-1', [
        entry(80, 'deny', '-1', 'fd00:ec2::254/128'),
        entry(90, 'allow', '17', '169.254.169.123/32', [123, 123], true),
        entry(91, 'allow', '-1', '169.254.169.253/32', undefined, true),
        ...BASELINE,
      ]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({
        entries: [
          { direction: 'inbound', ruleNumber: 80, cidr: 'fd00:ec2::254/128' },
          { direction: 'outbound', ruleNumber: 90, cidr: '169.254.169.123/32' },
          { direction: 'outbound', ruleNumber: 91, cidr: '169.254.169.253/32' },
        ],
      });
      expect(f.message).toBe('3 entries target addresses NACLs do not filter.');
    });

    it('a fixed address is found even when Vpcs is missing from the snapshot', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(90, 'deny', '-1', '169.254.169.254/32'), ...BASELINE]);

      // Act
      const f = check(rule, { NetworkAcls: [acl] }, 'acl-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({ entries: [{ direction: 'inbound', ruleNumber: 90, cidr: '169.254.169.254/32' }] });
    });
  });

  describe('PASS', () => {
    it('ordinary entries only', () => {
      // Arrange
      const acl = nacl('acl-1', BASELINE);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({});
    });

    it('a CIDR that holds the metadata address but also others is not entirely unfilterable', () => {
      // Arrange: 169.254.169.252/30 = .252-.255; .252 and .255 are filtered.
      const acl = nacl('acl-1', [entry(90, 'deny', '-1', '169.254.169.252/30'), entry(91, 'deny', '-1', '10.0.0.0/30'), ...BASELINE]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('PASS');
    });

    it("another VPC's base + 2 is an ordinary address", () => {
      // Arrange: this NACL's VPC is 10.0.0.0/16; 10.1.0.2 is not its DNS server.
      const acl = nacl('acl-1', [entry(90, 'deny', '17', '10.1.0.2/32', [53, 53]), ...BASELINE]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('PASS');
    });
  });

  describe('NOT_APPLICABLE', () => {
    it('Vpcs missing and no fixed-address hit: the DNS address is unknown, Vpcs is named', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(90, 'deny', '17', '10.0.0.2/32', [53, 53]), ...BASELINE]);

      // Act
      const f = check(rule, { NetworkAcls: [acl] }, 'acl-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ missingInputs: ['Vpcs'] });
      expect(f.message).toContain('Vpcs');
    });

    it("the NACL's VPC is not among the snapshot's Vpcs", () => {
      // Arrange
      const acl = nacl('acl-1', BASELINE, { VpcId: 'vpc-other' });

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['Vpcs'] });
      expect(f.message).toContain('vpc-other');
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
