import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/network-acl/nacl-no-public-all-traffic';
import { AddressSet } from '../../../../rules/engine/address-set';
import { check, entry, nacl, VPC } from '../../../helpers';

const ID = 'nacl-no-public-all-traffic';

const snapshotOf = (...acls: Record<string, unknown>[]) => ({ NetworkAcls: acls, Vpcs: [VPC] });

/** The evidence form of an exact address set: compares sets, not the wording of `describe()`. */
const described = (...cidrs: string[]) => AddressSet.fromCidrs(cidrs).describe();

describe(ID, () => {
  it('has the catalog metadata (MEDIUM, deny-in-nacl notify)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('MEDIUM');
    expect(rule.meta.resourceKind).toBe('NetworkAcl');
    expect(rule.meta.remediation.kind).toBe('deny-in-nacl');
    expect(rule.meta.remediation.defaultMode).toBe('notify');
  });

  describe('FAIL', () => {
    it('deny tcp 22 at 90 before allow -1 from 0.0.0.0/0 at 100: every other port still reaches the allow-all', () => {
      // Arrange
      const acl = nacl('acl-1', [
        entry(90, 'deny', '6', '0.0.0.0/0', [22, 22]),
        entry(100, 'allow', '-1', '0.0.0.0/0'),
        entry(32767, 'deny', '-1', '0.0.0.0/0'),
      ]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
      expect(f.evidence).toEqual({ allowedBy: [100], allowedFrom: described('0.0.0.0/0') });
      expect(f.message).toBe('All-traffic allow entries (rule 100) admit the internet.');
    });

    it('IPv6: allow -1 from ::/0', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(100, 'allow', '-1', '::/0'), entry(32768, 'deny', '-1', '::/0')]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({ allowedBy: [100], allowedFrom: described('::/0') });
    });

    it('counts the union: allow -1 from 0.0.0.0/1 and from 128.0.0.0/1 in two entries', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(100, 'allow', '-1', '0.0.0.0/1'), entry(110, 'allow', '-1', '128.0.0.0/1')]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({ allowedBy: [100, 110], allowedFrom: described('0.0.0.0/0') });
    });

    it('deny -1 of 0.0.0.0/1 before allow -1 from 0.0.0.0/0 still fails: 128.0.0.0/1 reaches the allow', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(90, 'deny', '-1', '0.0.0.0/1'), entry(100, 'allow', '-1', '0.0.0.0/0')]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({ allowedBy: [100], allowedFrom: described('128.0.0.0/1') });
    });

    it('tcp and udp fully denied first: other protocols (icmp, gre, ...) from the internet still reach the allow-all', () => {
      // Arrange
      const acl = nacl('acl-1', [
        entry(10, 'deny', '6', '0.0.0.0/0', [0, 65535]),
        entry(20, 'deny', '17', '0.0.0.0/0', [0, 65535]),
        entry(100, 'allow', '-1', '0.0.0.0/0'),
      ]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence.allowedBy).toEqual([100]);
    });

    it('denies that split the internet between tcp and udp leave each half reaching the allow-all for the other', () => {
      // Arrange: tcp from the lower half and udp from the upper half are denied; the union is everything.
      const acl = nacl('acl-1', [
        entry(10, 'deny', '6', '0.0.0.0/1', [0, 65535]),
        entry(20, 'deny', '17', '128.0.0.0/1', [0, 65535]),
        entry(30, 'deny', '1', '0.0.0.0/0'),
        entry(100, 'allow', '-1', '0.0.0.0/0'),
      ]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({ allowedBy: [100], allowedFrom: described('0.0.0.0/0') });
    });

    it('a default NACL is evaluated with includeDefaultNacl', () => {
      // Arrange
      const acl = nacl(
        'acl-default',
        [
          entry(100, 'allow', '-1', '0.0.0.0/0'),
          entry(101, 'allow', '-1', '::/0'),
          entry(32767, 'deny', '-1', '0.0.0.0/0'),
          entry(32768, 'deny', '-1', '::/0'),
        ],
        { IsDefault: true },
      );

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-default', { includeDefaultNacl: true });

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
      expect(f.evidence).toEqual({ allowedBy: [100, 101], allowedFrom: described('0.0.0.0/0', '::/0') });
    });

    it('trustedCidrs removes addresses: 52.0.0.0/15 minus a trusted /16 still holds a /16', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(100, 'allow', '-1', '52.0.0.0/15')]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1', { trustedCidrs: ['52.0.0.0/16'] });

      // Assert: the evidence names what the entry admits; the verdict counts only the untrusted part.
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({ allowedBy: [100], allowedFrom: described('52.0.0.0/15') });
    });
  });

  describe('PASS', () => {
    it('allow -1 from 198.51.100.0/24 only is not internet-open', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(100, 'allow', '-1', '198.51.100.0/24')]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({});
    });

    it('an allow-all that nothing reaches (deny -1 from 0.0.0.0/0 first) admits nobody', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(90, 'deny', '-1', '0.0.0.0/0'), entry(100, 'allow', '-1', '0.0.0.0/0')]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('tcp 0-65535 and udp 0-65535 from 0.0.0.0/0 are not Protocol "-1"', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(100, 'allow', '6', '0.0.0.0/0', [0, 65535]), entry(110, 'allow', '17', '0.0.0.0/0', [0, 65535])]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('an allow-all for private space behind an explicit internet allow for 443', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(100, 'allow', '6', '0.0.0.0/0', [443, 443]), entry(200, 'allow', '-1', '10.0.0.0/8')]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('an outbound allow -1 to 0.0.0.0/0 is not inbound', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(100, 'allow', '-1', '0.0.0.0/0', undefined, true)]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('trustedCidrs removing one more /17 leaves less than a /16', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(100, 'allow', '-1', '52.0.0.0/15')]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1', { trustedCidrs: ['52.0.0.0/16', '52.1.0.0/17'] });

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('trustedCidrs covering the whole allowed range', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(100, 'allow', '-1', '52.0.0.0/8')]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1', { trustedCidrs: ['52.0.0.0/8'] });

      // Assert
      expect(f.status).toBe('PASS');
    });
  });

  describe('NOT_APPLICABLE', () => {
    it('a default NACL (IsDefault true) is skipped by default', () => {
      // Arrange
      const acl = nacl('acl-default', [entry(100, 'allow', '-1', '0.0.0.0/0'), entry(32767, 'deny', '-1', '0.0.0.0/0')], { IsDefault: true });

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-default');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.message).toContain('includeDefaultNacl');
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
