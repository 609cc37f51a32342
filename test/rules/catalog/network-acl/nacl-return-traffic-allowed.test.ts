import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/network-acl/nacl-return-traffic-allowed';
import { check, entry, nacl, VPC } from '../../../helpers';

const ID = 'nacl-return-traffic-allowed';

const snapshotOf = (...acls: Record<string, unknown>[]) => ({ NetworkAcls: acls, Vpcs: [VPC] });
const OUT = true;

describe(ID, () => {
  it('has the catalog metadata (LOW, no remediation kind)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('LOW');
    expect(rule.meta.remediation.kind).toBeUndefined();
  });

  describe('FAIL', () => {
    it('inbound 443 from 0.0.0.0/0 with outbound only 32768-65535: responses on 1024-32767 are dropped', () => {
      // Arrange
      const acl = nacl('acl-1', [
        entry(100, 'allow', '6', '0.0.0.0/0', [443, 443]),
        entry(100, 'allow', '6', '0.0.0.0/0', [32768, 65535], OUT),
      ]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert: the outbound allow lies inside ephemeralPorts, so it starts no check of its own.
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('LOW');
      expect(f.evidence).toEqual({
        dropped: [{ connections: 'inbound', protocol: 'tcp', servicePorts: ['443'], missingReturnPorts: ['1024-32767'], peersLosingResponses: ['all public IPv4'] }],
      });
      expect(f.message).toBe('Responses are dropped: inbound tcp (ports 443) lose responses on 1024-32767 for all public IPv4.');
    });

    it('inbound 443 and 1024-65535, outbound 443 and 80: inbound 443 gets no outbound ephemeral port', () => {
      // Arrange
      const acl = nacl('acl-1', [
        entry(100, 'allow', '6', '0.0.0.0/0', [443, 443]),
        entry(110, 'allow', '6', '0.0.0.0/0', [1024, 65535]),
        entry(100, 'allow', '6', '0.0.0.0/0', [443, 443], OUT),
        entry(110, 'allow', '6', '0.0.0.0/0', [80, 80], OUT),
      ]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert: outbound 443 and 80 are answered on inbound 1024-65535; inbound 1024-65535 is
      // return traffic, not a service.
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({
        dropped: [{ connections: 'inbound', protocol: 'tcp', servicePorts: ['443'], missingReturnPorts: ['1024-65535'], peersLosingResponses: ['all public IPv4'] }],
      });
    });

    it('an allow spanning service and ephemeral ports checks only its service part', () => {
      // Arrange: inbound tcp 0-65535 from the world, nothing outbound.
      const acl = nacl('acl-1', [entry(100, 'allow', '6', '0.0.0.0/0', [0, 65535])]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1', { ephemeralPorts: { from: 1024, to: 60000 } });

      // Assert: the parts below and above ephemeralPorts are the service ports.
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({
        dropped: [{ connections: 'inbound', protocol: 'tcp', servicePorts: ['0-1023', '60001-65535'], missingReturnPorts: ['1024-60000'], peersLosingResponses: ['all public IPv4'] }],
      });
    });

    it('outbound -1 to 0.0.0.0/0 with no inbound ephemeral range: responses to outbound connections are dropped', () => {
      // Arrange
      const acl = nacl('acl-1', [
        entry(100, 'allow', '6', '0.0.0.0/0', [443, 443]),
        entry(100, 'allow', '-1', '0.0.0.0/0', undefined, OUT),
      ]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert: inbound 443 is answered fine (outbound allows everything); outbound tcp and udp
      // to service ports (below ephemeralPorts) are not.
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({
        dropped: [
          { connections: 'outbound', protocol: 'tcp', servicePorts: ['0-1023'], missingReturnPorts: ['1024-65535'], peersLosingResponses: ['all public IPv4'] },
          { connections: 'outbound', protocol: 'udp', servicePorts: ['0-1023'], missingReturnPorts: ['1024-65535'], peersLosingResponses: ['all public IPv4'] },
        ],
      });
    });

    it('return traffic allowed to only some of the internet peers still drops responses', () => {
      // Arrange: outbound ephemeral is denied to 203.0.113.0/24, which inbound 443 admits.
      const acl = nacl('acl-1', [
        entry(100, 'allow', '6', '0.0.0.0/0', [443, 443]),
        entry(90, 'deny', '6', '203.0.113.0/24', [1024, 65535], OUT),
        entry(100, 'allow', '6', '0.0.0.0/0', [1024, 65535], OUT),
      ]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert: the evidence and message name the peers that lose responses, not the whole internet.
      expect(f.status).toBe('FAIL');
      expect(f.evidence.dropped).toContainEqual({
        connections: 'inbound',
        protocol: 'tcp',
        servicePorts: ['443'],
        missingReturnPorts: ['1024-65535'],
        peersLosingResponses: ['203.0.113.0/24'],
      });
      expect(f.message).toContain('inbound tcp (ports 443) lose responses on 1024-65535 for 203.0.113.0/24');
    });

    it('udp: inbound 53 from ::/0 with no outbound at all', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(100, 'allow', '17', '::/0', [53, 53])]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({
        dropped: [{ connections: 'inbound', protocol: 'udp', servicePorts: ['53'], missingReturnPorts: ['1024-65535'], peersLosingResponses: ['all public IPv6'] }],
      });
      expect(f.message).toBe('Responses are dropped: inbound udp (ports 53) lose responses on 1024-65535 for all public IPv6.');
    });

    it('with the default ephemeralPorts, a NACL that only returns on 32768-65535 fails', () => {
      // Arrange
      const acl = linuxEphemeralOnly();

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({
        dropped: [{ connections: 'inbound', protocol: 'tcp', servicePorts: ['443'], missingReturnPorts: ['1024-32767'], peersLosingResponses: ['all public IPv4'] }],
      });
    });

    it('a narrower ephemeralPorts setting still reports the part of it that is missing', () => {
      // Arrange
      const acl = nacl('acl-1', [
        entry(100, 'allow', '6', '0.0.0.0/0', [443, 443]),
        entry(100, 'allow', '6', '0.0.0.0/0', [50000, 65535], OUT),
        entry(110, 'allow', '6', '0.0.0.0/0', [443, 443], OUT),
        entry(110, 'allow', '6', '0.0.0.0/0', [40000, 65535]),
      ]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1', { ephemeralPorts: { from: 40000, to: 65535 } });

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({
        dropped: [{ connections: 'inbound', protocol: 'tcp', servicePorts: ['443'], missingReturnPorts: ['40000-49999'], peersLosingResponses: ['all public IPv4'] }],
      });
    });
  });

  describe('PASS', () => {
    it('the ephemeralPorts setting is honoured: 32768-65535 is enough when configured', () => {
      // Arrange
      const acl = linuxEphemeralOnly();

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1', { ephemeralPorts: { from: 32768, to: 65535 } });

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({});
    });

    it('a web-tier NACL with ephemeral ports open both ways', () => {
      // Arrange
      const acl = nacl('acl-1', [
        entry(100, 'allow', '6', '0.0.0.0/0', [443, 443]),
        entry(110, 'allow', '6', '0.0.0.0/0', [1024, 65535]),
        entry(100, 'allow', '6', '0.0.0.0/0', [443, 443], OUT),
        entry(110, 'allow', '6', '0.0.0.0/0', [1024, 65535], OUT),
      ]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('inbound 443 with outbound 1024-65535 (the most common NACL): the outbound allow is return traffic', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(100, 'allow', '6', '0.0.0.0/0', [443, 443]), entry(100, 'allow', '6', '0.0.0.0/0', [1024, 65535], OUT)]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('inbound 1024-65535 with outbound 443 (a subnet that only calls out) passes', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(100, 'allow', '6', '0.0.0.0/0', [1024, 65535]), entry(100, 'allow', '6', '0.0.0.0/0', [443, 443], OUT)]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('inbound from 198.51.100.0/24 only (not internet-open) needs no return check', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(100, 'allow', '6', '198.51.100.0/24', [22, 22])]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('allow -1 both ways (the default NACL) drops nothing', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(100, 'allow', '-1', '0.0.0.0/0'), entry(100, 'allow', '-1', '0.0.0.0/0', undefined, OUT)]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('icmp only: not tcp or udp', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(100, 'allow', '1', '0.0.0.0/0')]);

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('PASS');
    });
  });

  describe('NOT_APPLICABLE', () => {
    it('a NACL associated with no subnet filters no traffic', () => {
      // Arrange
      const acl = nacl('acl-1', [entry(100, 'allow', '6', '0.0.0.0/0', [443, 443])], { Associations: [] });

      // Act
      const f = check(rule, snapshotOf(acl), 'acl-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.message).toContain('no subnet');
    });

    it('a NACL listed without Associations or without Entries names the missing list instead of claiming "no subnet"', () => {
      // Arrange
      const { Associations: _a, ...noAssociations } = nacl('acl-1', [entry(100, 'allow', '6', '0.0.0.0/0', [443, 443])]) as Record<string, unknown>;
      const { Entries: _e, ...noEntries } = nacl('acl-1', []) as Record<string, unknown>;

      // Act
      const withoutAssociations = check(rule, snapshotOf(noAssociations), 'acl-1');
      const withoutEntries = check(rule, snapshotOf(noEntries), 'acl-1');

      // Assert
      expect(withoutAssociations).toMatchObject({ status: 'NOT_APPLICABLE', evidence: { missingInputs: ['NetworkAcls[acl-1].Associations'] } });
      expect(withoutEntries).toMatchObject({ status: 'NOT_APPLICABLE', evidence: { missingInputs: ['NetworkAcls[acl-1].Entries'] } });
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

/** Inbound 443 and 32768-65535, outbound 32768-65535 only: right for Linux clients alone. */
function linuxEphemeralOnly() {
  return nacl('acl-1', [
    entry(100, 'allow', '6', '0.0.0.0/0', [443, 443]),
    entry(110, 'allow', '6', '0.0.0.0/0', [32768, 65535]),
    entry(100, 'allow', '6', '0.0.0.0/0', [32768, 65535], OUT),
  ]);
}
