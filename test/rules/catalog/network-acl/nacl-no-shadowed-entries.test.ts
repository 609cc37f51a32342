import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/network-acl/nacl-no-shadowed-entries';
import type { Finding } from '../../../../rules/engine/types';
import { check, entry, nacl, VPC } from '../../../helpers';

const ID = 'nacl-no-shadowed-entries';

const snapshotOf = (...acls: Record<string, unknown>[]) => ({ NetworkAcls: acls, Vpcs: [VPC] });
const shadowed = (f: Finding) => f.evidence.shadowed as Array<{ direction: string; ruleNumber: number; shadowedBy: number[] }>;

/** Evaluates one NACL made of `entries` and returns its finding. */
const run = (entries: Record<string, unknown>[]) => check(rule, snapshotOf(nacl('acl-1', entries)), 'acl-1');

describe(ID, () => {
  it('has the catalog metadata (LOW, no remediation kind)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('LOW');
    expect(rule.meta.remediation.kind).toBeUndefined();
  });

  describe('FAIL', () => {
    it('an entry fully shadowed by one broader earlier entry', () => {
      // Arrange: 120 (tcp 22 from 10.1.0.0/16) lies inside 100 (tcp 0-1023 from 10.0.0.0/8).
      const entries = [
        entry(100, 'allow', '6', '10.0.0.0/8', [0, 1023]),
        entry(110, 'allow', '6', '0.0.0.0/0', [443, 443]),
        entry(120, 'deny', '6', '10.1.0.0/16', [22, 22]),
        entry(32767, 'deny', '-1', '0.0.0.0/0'),
      ];

      // Act
      const f = run(entries);

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('LOW');
      expect(shadowed(f)).toEqual([{ direction: 'inbound', ruleNumber: 120, shadowedBy: [100] }]);
      expect(f.message).toBe('Shadowed entries: inbound 120 (by 100).');
    });

    it('an entry shadowed only by the union of two earlier entries (addresses)', () => {
      // Arrange: neither half alone covers 0.0.0.0/0; together they do.
      const entries = [
        entry(100, 'deny', '6', '0.0.0.0/1', [22, 22]),
        entry(110, 'allow', '6', '128.0.0.0/1', [0, 65535]),
        entry(120, 'allow', '6', '0.0.0.0/0', [22, 22]),
      ];

      // Act
      const f = run(entries);

      // Assert
      expect(f.status).toBe('FAIL');
      expect(shadowed(f)).toEqual([{ direction: 'inbound', ruleNumber: 120, shadowedBy: [100, 110] }]);
    });

    it('an entry shadowed only by the union of two earlier entries (ports)', () => {
      // Arrange: 0-99 and 100-200 together cover 50-150.
      const entries = [
        entry(100, 'allow', '6', '0.0.0.0/0', [0, 99]),
        entry(110, 'deny', '6', '0.0.0.0/0', [100, 200]),
        entry(120, 'deny', '6', '0.0.0.0/0', [50, 150]),
      ];

      // Act
      const f = run(entries);

      // Assert
      expect(f.status).toBe('FAIL');
      expect(shadowed(f)).toEqual([{ direction: 'inbound', ruleNumber: 120, shadowedBy: [100, 110] }]);
    });

    it('a -1 entry shadowed by an earlier -1 entry', () => {
      // Arrange
      const entries = [entry(100, 'allow', '-1', '0.0.0.0/0'), entry(110, 'deny', '-1', '10.0.0.0/8'), entry(32767, 'deny', '-1', '0.0.0.0/0')];

      // Act
      const f = run(entries);

      // Assert: 32767 is shadowed too but, being the catch-all, never reported.
      expect(f.status).toBe('FAIL');
      expect(shadowed(f)).toEqual([{ direction: 'inbound', ruleNumber: 110, shadowedBy: [100] }]);
    });

    it('a tcp or icmp entry shadowed by an earlier -1 entry', () => {
      // Arrange
      const entries = [
        entry(100, 'deny', '-1', '203.0.113.0/24'),
        entry(110, 'allow', '6', '203.0.113.0/25', [22, 22]),
        entry(120, 'allow', '1', '203.0.113.128/25'),
      ];

      // Act
      const f = run(entries);

      // Assert
      expect(f.status).toBe('FAIL');
      expect(shadowed(f)).toEqual([
        { direction: 'inbound', ruleNumber: 110, shadowedBy: [100] },
        { direction: 'inbound', ruleNumber: 120, shadowedBy: [100] },
      ]);
    });

    it('icmp: one type and code inside an earlier entry for the type, one type inside an earlier all-icmp entry', () => {
      // Arrange
      const icmp = (n: number, type?: number, code?: number) => ({
        ...entry(n, 'deny', '1', '0.0.0.0/0'),
        ...(type === undefined ? {} : { IcmpTypeCode: { Type: type, Code: code } }),
      });
      const entries = [icmp(100, 8, -1), icmp(110, 8, 0), icmp(120), icmp(130, 0, -1)];

      // Act
      const f = run(entries);

      // Assert: 100 (type 8 only) does not shadow 120 (all icmp); 120 shadows 130.
      expect(f.status).toBe('FAIL');
      expect(shadowed(f)).toEqual([
        { direction: 'inbound', ruleNumber: 110, shadowedBy: [100] },
        { direction: 'inbound', ruleNumber: 130, shadowedBy: [120] },
      ]);
    });

    it('reports egress entries with direction "outbound"', () => {
      // Arrange
      const entries = [
        entry(100, 'allow', '6', '0.0.0.0/0', [0, 65535], true),
        entry(110, 'deny', '6', '198.51.100.0/24', [443, 443], true),
        // Same numbers inbound, not shadowed there: the directions are independent.
        entry(100, 'allow', '6', '0.0.0.0/0', [443, 443]),
        entry(110, 'deny', '6', '198.51.100.0/24', [22, 22]),
      ];

      // Act
      const f = run(entries);

      // Assert
      expect(f.status).toBe('FAIL');
      expect(shadowed(f)).toEqual([{ direction: 'outbound', ruleNumber: 110, shadowedBy: [100] }]);
      expect(f.message).toBe('Shadowed entries: outbound 110 (by 100).');
    });

    it('IPv6: an entry inside an earlier ::/0 entry', () => {
      // Arrange
      const entries = [entry(100, 'allow', '-1', '::/0'), entry(110, 'deny', '6', '2001:db8::/32', [22, 22])];

      // Act
      const f = run(entries);

      // Assert
      expect(f.status).toBe('FAIL');
      expect(shadowed(f)).toEqual([{ direction: 'inbound', ruleNumber: 110, shadowedBy: [100] }]);
    });
  });

  describe('PASS', () => {
    it('NOT shadowed when earlier entries cover only part of the port range', () => {
      // Arrange: 0-19 and 23-1023 of entry 110 are decided by 110 itself.
      const entries = [entry(100, 'deny', '6', '0.0.0.0/0', [20, 22]), entry(110, 'allow', '6', '0.0.0.0/0', [0, 1023])];

      // Act
      const f = run(entries);

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({});
    });

    it('NOT shadowed when earlier entries cover only part of the addresses', () => {
      // Arrange
      const entries = [entry(100, 'deny', '6', '0.0.0.0/1', [22, 22]), entry(110, 'allow', '6', '0.0.0.0/0', [22, 22])];

      // Act
      const f = run(entries);

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('a -1 entry is NOT shadowed by full tcp and udp entries: other protocols reach it', () => {
      // Arrange
      const entries = [
        entry(100, 'allow', '6', '0.0.0.0/0', [0, 65535]),
        entry(110, 'allow', '17', '0.0.0.0/0', [0, 65535]),
        entry(120, 'deny', '-1', '0.0.0.0/0'),
      ];

      // Act
      const f = run(entries);

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('an earlier entry of another protocol does not shadow', () => {
      // Arrange
      const entries = [entry(100, 'deny', '17', '0.0.0.0/0', [22, 22]), entry(110, 'allow', '6', '0.0.0.0/0', [22, 22])];

      // Act
      const f = run(entries);

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('an IPv4 entry does not shadow an IPv6 one', () => {
      // Arrange
      const entries = [entry(100, 'allow', '-1', '0.0.0.0/0'), entry(101, 'allow', '-1', '::/0')];

      // Act
      const f = run(entries);

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('the catch-alls 32767 and 32768 are never reported, though always shadowed behind allow-alls', () => {
      // Arrange: the default NACL.
      const entries = [
        entry(100, 'allow', '-1', '0.0.0.0/0'),
        entry(101, 'allow', '-1', '::/0'),
        entry(32767, 'deny', '-1', '0.0.0.0/0'),
        entry(32768, 'deny', '-1', '::/0'),
        entry(100, 'allow', '-1', '0.0.0.0/0', undefined, true),
        entry(101, 'allow', '-1', '::/0', undefined, true),
        entry(32767, 'deny', '-1', '0.0.0.0/0', undefined, true),
        entry(32768, 'deny', '-1', '::/0', undefined, true),
      ];

      // Act
      const f = check(rule, snapshotOf(nacl('acl-default', entries, { IsDefault: true })), 'acl-default');

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('a NACL with no entries', () => {
      // Arrange / Act
      const f = run([]);

      // Assert
      expect(f.status).toBe('PASS');
    });
  });

  describe('NOT_APPLICABLE', () => {
    it('a snapshot without NetworkAcls names the missing key', () => {
      // Arrange
      const snapshot = { Vpcs: [VPC] };

      // Act
      const f = check(rule, snapshot, 'snapshot');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ missingInputs: ['NetworkAcls'] });
    });
  });
});
