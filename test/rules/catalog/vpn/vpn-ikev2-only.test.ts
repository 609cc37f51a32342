import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/vpn/vpn-ikev2-only';
import { check } from '../../../helpers';
import { tagged, tunnel, TUNNEL_1, TUNNEL_2, values, vpnConnection } from './vpn-fixtures';

const ID = 'vpn-ikev2-only';
const only = (...vpns: Record<string, unknown>[]) => ({ VpnConnections: vpns });
const withIke = (ike: unknown, extra: Record<string, unknown> = {}) =>
  vpnConnection('vpn-1', extra, [tunnel(TUNNEL_1), tunnel(TUNNEL_2, { IkeVersions: ike })]);

describe(ID, () => {
  it('has the catalog metadata (MEDIUM, FSBP EC2.183, notify)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('MEDIUM');
    expect(rule.meta.resourceKind).toBe('VpnConnection');
    expect(rule.meta.compliance).toEqual({ 'aws-fsbp': ['EC2.183'] });
    expect(rule.meta.remediation.defaultMode).toBe('notify');
  });

  describe('PASS', () => {
    it('both tunnels permit ikev2 only', () => {
      // Act
      const f = check(rule, only(vpnConnection('vpn-1')), 'vpn-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({
        tunnels: [
          { tunnel: TUNNEL_1, ikeVersions: ['ikev2'], fromDefaults: false },
          { tunnel: TUNNEL_2, ikeVersions: ['ikev2'], fromDefaults: false },
        ],
      });
    });
  });

  describe('FAIL', () => {
    it('an empty IkeVersions list is the AWS default ikev1 + ikev2, and the evidence says so', () => {
      // Act
      const f = check(rule, only(withIke([])), 'vpn-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
      expect(f.evidence).toEqual({
        tunnels: [
          { tunnel: TUNNEL_1, ikeVersions: ['ikev2'], fromDefaults: false },
          { tunnel: TUNNEL_2, ikeVersions: ['ikev1', 'ikev2'], fromDefaults: true },
        ],
      });
      expect(f.message).toBe(`Available connection: 1 of 2 tunnels permit more than ikev2: ${TUNNEL_2} (ikev1, ikev2: AWS default, IkeVersions is empty).`);
    });

    it('an absent IkeVersions key is the AWS default too', () => {
      // Act
      const f = check(rule, only(withIke(undefined)), 'vpn-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
      expect((f.evidence.tunnels as unknown[])[1]).toEqual({ tunnel: TUNNEL_2, ikeVersions: ['ikev1', 'ikev2'], fromDefaults: true });
    });

    it('explicit ikev1 and ikev2', () => {
      // Act
      const f = check(rule, only(withIke(values('ikev1', 'ikev2'))), 'vpn-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
      expect((f.evidence.tunnels as unknown[])[1]).toEqual({ tunnel: TUNNEL_2, ikeVersions: ['ikev1', 'ikev2'], fromDefaults: false });
      expect(f.message).not.toContain('AWS default');
    });

    it('ikev1 alone', () => {
      // Act
      const f = check(rule, only(withIke(values('ikev1'))), 'vpn-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
    });
  });

  describe('NOT_APPLICABLE', () => {
    it('a deleted connection, even with IKEv1 allowed', () => {
      // Act
      const f = check(rule, only(withIke([], { State: 'deleted' })), 'vpn-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ state: 'deleted' });
    });

    it('a snapshot without VpnConnections names the missing key', () => {
      // Act
      const f = check(rule, {}, 'snapshot');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['VpnConnections'] });
    });
  });

  describe('exemption tags', () => {
    it('vpc-auditor:exempt = all: PASS with evidence exempted', () => {
      // Act
      const f = check(rule, only(withIke([], tagged({ 'vpc-auditor:exempt': 'all' }))), 'vpn-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toMatchObject({ exempted: true, exemptTag: 'all' });
    });
  });
});
