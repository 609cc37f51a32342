import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/network-acl/nacl-no-public-admin-ports';
import { AddressSet } from '../../../../rules/engine/address-set';
import type { Finding } from '../../../../rules/engine/types';
import { check, entry, nacl, VPC } from '../../../helpers';

const ID = 'nacl-no-public-admin-ports';

/** Snapshot holding one NACL (plus its VPC, which this rule does not need). */
const snapshotOf = (...acls: Record<string, unknown>[]) => ({ NetworkAcls: acls, Vpcs: [VPC] });

interface OpenPort {
  protocol: string;
  port: number;
  allowedFrom: string[];
  allowedBy: number[];
}
const openPorts = (f: Finding) => f.evidence.openPorts as OpenPort[];
/** The (protocol, port, allowedBy) triples of the evidence, without the address lists. */
const openPortKeys = (f: Finding) => openPorts(f).map(({ protocol, port, allowedBy }) => ({ protocol, port, allowedBy }));

/**
 * The evidence form of the exact address set `include` minus `exclude`: compares sets, not the
 * wording of `describe()` (tested with AddressSet).
 */
const described = (include: string[], exclude: string[] = []) => AddressSet.fromCidrs(include).subtract(AddressSet.fromCidrs(exclude)).describe();
const ALL_V4 = described(['0.0.0.0/0']);

describe(ID, () => {
  it('has the catalog metadata (MEDIUM, FSBP EC2.21, CIS 5.1, deny-in-nacl notify)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('MEDIUM');
    expect(rule.meta.resourceKind).toBe('NetworkAcl');
    expect(rule.meta.compliance).toEqual({ 'aws-fsbp': ['EC2.21'], 'cis-aws-3.0': ['5.1'] });
    expect(rule.meta.remediation.kind).toBe('deny-in-nacl');
    expect(rule.meta.remediation.defaultMode).toBe('notify');
  });

  describe('FAIL', () => {
    it('deny tcp 22 at 90 before allow -1 from 0.0.0.0/0 at 100: udp 22 and both 3389 stay open, tcp 22 is not listed', () => {
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
      expect(f.resourceType).toBe('AWS::EC2::NetworkAcl');
      expect(openPortKeys(f)).toEqual([
        { protocol: 'udp', port: 22, allowedBy: [100] },
        { protocol: 'tcp', port: 3389, allowedBy: [100] },
        { protocol: 'udp', port: 3389, allowedBy: [100] },
      ]);
      expect(openPorts(f).some((o) => o.protocol === 'tcp' && o.port === 22)).toBe(false);
      for (const o of openPorts(f)) expect(o.allowedFrom).toEqual(ALL_V4);
      expect(f.message).toBe('Inbound from the internet is allowed on udp 22 (rule 100), tcp 3389 (rule 100), udp 3389 (rule 100).');
    });

    it('deny -1 for 203.0.113.0/24 at 90 does not save an allow tcp 22 from 0.0.0.0/0 at 100', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(90, 'deny', '-1', '203.0.113.0/24'), entry(100, 'allow', '6', '0.0.0.0/0', [22, 22])]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
      expect(openPortKeys(f)).toEqual([{ protocol: 'tcp', port: 22, allowedBy: [100] }]);
      // Exactly the /24 is gone (docs/semantics.md "NACL effective allow").
      expect(openPorts(f)[0].allowedFrom).toEqual(described(['0.0.0.0/0'], ['203.0.113.0/24']));
    });

    it('removes exactly the denied /24 from the allowed set (the hole shows in the evidence)', () => {
      // Arrange: 203.0.0.0/15 minus 203.0.113.0/24 still holds far more than 2^16 addresses.
      const acl = nacl('acl-1', [entry(90, 'deny', '-1', '203.0.113.0/24'), entry(100, 'allow', '6', '203.0.0.0/15', [22, 22])]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPorts(f)).toEqual([
        {
          protocol: 'tcp',
          port: 22,
          allowedFrom: described(['203.0.0.0/15'], ['203.0.113.0/24']),
          allowedBy: [100],
        },
      ]);
    });

    it('IPv6: allow tcp 3389 from ::/0 is internet-open (2000::/3 is public)', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(100, 'allow', '6', '::/0', [3389, 3389]), entry(32768, 'deny', '-1', '::/0')]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
      expect(openPorts(f)).toEqual([{ protocol: 'tcp', port: 3389, allowedFrom: described(['::/0']), allowedBy: [100] }]);
    });

    it('counts the union: 0.0.0.0/1 and 128.0.0.0/1 in two entries are internet-open together', () => {
      // Arrange
      const acl = nacl('acl-1', [
        entry(100, 'allow', '6', '0.0.0.0/1', [22, 22]),
        entry(110, 'allow', '6', '128.0.0.0/1', [22, 22]),
      ]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPortKeys(f)).toEqual([{ protocol: 'tcp', port: 22, allowedBy: [100, 110] }]);
      expect(openPorts(f)[0].allowedFrom).toEqual(ALL_V4);
    });

    it('deny 0.0.0.0/1 before allow 0.0.0.0/0 still fails: 128.0.0.0/1 is open', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(90, 'deny', '-1', '0.0.0.0/1'), entry(100, 'allow', '6', '0.0.0.0/0', [22, 22])]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPorts(f)).toEqual([{ protocol: 'tcp', port: 22, allowedFrom: described(['128.0.0.0/1']), allowedBy: [100] }]);
    });

    it('evaluates in RuleNumber order, not array order: a deny numbered after the allow does nothing', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(200, 'deny', '6', '0.0.0.0/0', [22, 22]), entry(100, 'allow', '6', '0.0.0.0/0', [0, 1023])]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert: 3389 is outside 0-1023, so only tcp 22 is open.
      expect(f.status).toBe('FAIL');
      expect(openPortKeys(f)).toEqual([{ protocol: 'tcp', port: 22, allowedBy: [100] }]);
    });

    it('udp counts as well as tcp', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(100, 'allow', '17', '0.0.0.0/0', [3389, 3389])]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPortKeys(f)).toEqual([{ protocol: 'udp', port: 3389, allowedBy: [100] }]);
    });

    it('a /16 of public addresses is exactly enough to be internet-open', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(100, 'allow', '6', '52.0.0.0/16', [22, 22])]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPorts(f)).toEqual([{ protocol: 'tcp', port: 22, allowedFrom: described(['52.0.0.0/16']), allowedBy: [100] }]);
    });

    it('trustedCidrs removes addresses: 52.0.0.0/15 minus a trusted /16 still holds a /16', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(100, 'allow', '6', '52.0.0.0/15', [22, 22])]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1', { trustedCidrs: ['52.0.0.0/16'] });

      // Assert: the evidence names the NACL's allowed set; the verdict counts only the untrusted part.
      expect(f.status).toBe('FAIL');
      expect(openPorts(f)).toEqual([{ protocol: 'tcp', port: 22, allowedFrom: described(['52.0.0.0/15']), allowedBy: [100] }]);
    });

    it('a default NACL is evaluated with includeDefaultNacl: all four admin ports are open', () => {
      // Arrange: the entries AWS puts in a default NACL.
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
      expect(openPortKeys(f)).toEqual([
        { protocol: 'tcp', port: 22, allowedBy: [100, 101] },
        { protocol: 'udp', port: 22, allowedBy: [100, 101] },
        { protocol: 'tcp', port: 3389, allowedBy: [100, 101] },
        { protocol: 'udp', port: 3389, allowedBy: [100, 101] },
      ]);
    });
  });

  describe('PASS', () => {
    it('an allow from 198.51.100.0/24 only is not internet-open', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(100, 'allow', '6', '198.51.100.0/24', [22, 22]), entry(110, 'allow', '6', '198.51.100.0/24', [3389, 3389])]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence.openPorts).toBeUndefined();
    });

    it('an allow from private space (10.0.0.0/8) is not public', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(100, 'allow', '-1', '10.0.0.0/8')]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('a /16 minus a denied /24 falls under the threshold (exact subtraction decides)', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(90, 'deny', '-1', '203.0.113.0/24'), entry(100, 'allow', '6', '203.0.0.0/16', [22, 22])]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('denies of 22 and 3389 (tcp and udp) ahead of allow -1 from 0.0.0.0/0 close the admin ports', () => {
      // Arrange
      const acl = nacl('acl-1', [
        entry(10, 'deny', '6', '0.0.0.0/0', [22, 22]),
        entry(11, 'deny', '17', '0.0.0.0/0', [22, 22]),
        entry(12, 'deny', '6', '0.0.0.0/0', [3389, 3389]),
        entry(13, 'deny', '17', '0.0.0.0/0', [3389, 3389]),
        entry(100, 'allow', '-1', '0.0.0.0/0'),
      ]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('only other ports are open (tcp 443, icmp)', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(100, 'allow', '6', '0.0.0.0/0', [443, 443]), entry(110, 'allow', '1', '0.0.0.0/0')]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('trustedCidrs removing one more /17 leaves less than a /16: not internet-open', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(100, 'allow', '6', '52.0.0.0/15', [22, 22])]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1', { trustedCidrs: ['52.0.0.0/16', '52.1.0.0/17'] });

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('trustedCidrs covering the whole allowed range makes it not internet-open', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(100, 'allow', '6', '52.0.0.0/8', [22, 22])]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1', { trustedCidrs: ['52.0.0.0/8'] });

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('less than a /16 of public addresses is not internet-open', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(100, 'allow', '6', '52.0.0.0/17', [22, 22])]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

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
