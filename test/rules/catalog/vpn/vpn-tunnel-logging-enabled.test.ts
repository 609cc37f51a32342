import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/vpn/vpn-tunnel-logging-enabled';
import { check } from '../../../helpers';
import { tagged, tunnel, TUNNEL_1, TUNNEL_2, vpnConnection } from './vpn-fixtures';

const ID = 'vpn-tunnel-logging-enabled';
const only = (...vpns: Record<string, unknown>[]) => ({ VpnConnections: vpns });
const loggingOff = { LogOptions: { CloudWatchLogOptions: { LogEnabled: false } } };
/** A connection whose second tunnel does not log. */
const halfLogged = (extra: Record<string, unknown> = {}) => vpnConnection('vpn-1', extra, [tunnel(TUNNEL_1), tunnel(TUNNEL_2, loggingOff)]);

describe(ID, () => {
  it('has the catalog metadata (MEDIUM, FSBP EC2.171, notify)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('MEDIUM');
    expect(rule.meta.resourceKind).toBe('VpnConnection');
    expect(rule.meta.compliance).toEqual({ 'aws-fsbp': ['EC2.171'] });
    expect(rule.meta.remediation.defaultMode).toBe('notify');
  });

  describe('PASS', () => {
    it('both tunnels log to CloudWatch', () => {
      // Act
      const f = check(rule, only(vpnConnection('vpn-1')), 'vpn-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ tunnels: [{ tunnel: TUNNEL_1, logEnabled: true }, { tunnel: TUNNEL_2, logEnabled: true }] });
      expect(f.message).toBe('Available connection: CloudWatch logging is enabled on all 2 tunnels.');
    });

    it('a pending connection is judged, and the message says so', () => {
      // Act
      const f = check(rule, only(vpnConnection('vpn-1', { State: 'pending' })), 'vpn-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.message).toMatch(/^Pending connection: /);
    });
  });

  describe('FAIL', () => {
    it('one tunnel with LogEnabled false', () => {
      // Act
      const f = check(rule, only(halfLogged()), 'vpn-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
      expect(f.evidence).toEqual({ tunnels: [{ tunnel: TUNNEL_1, logEnabled: true }, { tunnel: TUNNEL_2, logEnabled: false }] });
      expect(f.message).toBe(`Available connection: CloudWatch logging is not enabled on 1 of 2 tunnels: ${TUNNEL_2}.`);
    });

    it('tunnels without LogOptions do not log', () => {
      // Arrange
      const vpn = vpnConnection('vpn-1', {}, [tunnel(TUNNEL_1, { LogOptions: undefined }), tunnel(TUNNEL_2, { LogOptions: {} })]);

      // Act
      const f = check(rule, only(vpn), 'vpn-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
      expect(f.evidence).toEqual({ tunnels: [{ tunnel: TUNNEL_1, logEnabled: null }, { tunnel: TUNNEL_2, logEnabled: null }] });
    });

    it('a pending connection that does not log fails, and the message says it is pending', () => {
      // Act
      const f = check(rule, only(halfLogged({ State: 'pending' })), 'vpn-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
      expect(f.message).toMatch(/^Pending connection: CloudWatch logging is not enabled/);
    });
  });

  describe('NOT_APPLICABLE', () => {
    it.each(['deleting', 'deleted'])('a %s connection, even without logging', (state) => {
      // Act
      const f = check(rule, only(halfLogged({ State: state })), 'vpn-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ state });
      expect(f.message).toBe(`The VPN connection is ${state}: only available or pending connections are evaluated.`);
    });

    it('a connection without State is not judged on missing data', () => {
      // Act
      const f = check(rule, only(halfLogged({ State: undefined })), 'vpn-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ state: null });
    });

    it('a connection without Options.TunnelOptions', () => {
      // Act
      const f = check(rule, only(vpnConnection('vpn-1', { Options: { StaticRoutesOnly: true } })), 'vpn-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.message).toContain('no Options.TunnelOptions');
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
    it('vpc-auditor:exempt naming the rule: PASS with evidence exempted and the waived tunnels', () => {
      // Arrange
      const vpn = halfLogged(tagged({ 'vpc-auditor:exempt': `vpn-ikev2-only, ${ID}` }));

      // Act
      const f = check(rule, only(vpn), 'vpn-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence.exempted).toBe(true);
      expect(f.evidence.waived).toEqual({ tunnels: [{ tunnel: TUNNEL_1, logEnabled: true }, { tunnel: TUNNEL_2, logEnabled: false }] });
    });

    it('vpc-auditor:exempt = false exempts nothing', () => {
      // Act
      const f = check(rule, only(halfLogged(tagged({ 'vpc-auditor:exempt': 'false' }))), 'vpn-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
      expect(f.evidence.exempted).toBeUndefined();
    });

    it('an expired exemption leaves the FAIL and says it lapsed', () => {
      // Arrange
      const vpn = halfLogged(tagged({ 'vpc-auditor:exempt': 'all', 'vpc-auditor:exempt-until': '2024-01-01' }));

      // Act
      const f = check(rule, only(vpn), 'vpn-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
      expect(f.evidence.exemptionLapsed).toMatchObject({ value: 'all', until: '2024-01-01', reason: 'exemption expired' });
    });
  });
});
