import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/vpn/vpn-tunnels-up';
import { check } from '../../../helpers';
import { tagged, TUNNEL_1, TUNNEL_2, vpnConnection } from './vpn-fixtures';

const ID = 'vpn-tunnels-up';
const only = (...vpns: Record<string, unknown>[]) => ({ VpnConnections: vpns });
const telemetry = (status2: string | undefined, message2 = '') => [
  { OutsideIpAddress: TUNNEL_1, Status: 'UP', StatusMessage: '' },
  { OutsideIpAddress: TUNNEL_2, ...(status2 === undefined ? {} : { Status: status2 }), StatusMessage: message2 },
];

describe(ID, () => {
  it('has the catalog metadata (MEDIUM, FSBP EC2.20, notify)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('MEDIUM');
    expect(rule.meta.resourceKind).toBe('VpnConnection');
    expect(rule.meta.compliance).toEqual({ 'aws-fsbp': ['EC2.20'] });
    expect(rule.meta.remediation).toMatchObject({ defaultMode: 'notify', url: expect.stringMatching(/^https:\/\//) });
    expect(rule.meta.inputs).toEqual([]);
  });

  describe('PASS', () => {
    it('both tunnels UP', () => {
      // Arrange
      const vpn = vpnConnection('vpn-1');

      // Act
      const f = check(rule, only(vpn), 'vpn-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ tunnels: [{ tunnel: TUNNEL_1, status: 'UP' }, { tunnel: TUNNEL_2, status: 'UP' }] });
      expect(f.message).toBe('Available connection: all 2 tunnels are UP.');
    });
  });

  describe('FAIL', () => {
    it('one tunnel DOWN: each tunnel with its outside IP and status', () => {
      // Arrange
      const vpn = vpnConnection('vpn-1', { VgwTelemetry: telemetry('DOWN', 'IPSEC IS DOWN') });

      // Act
      const f = check(rule, only(vpn), 'vpn-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
      expect(f.resourceType).toBe('AWS::EC2::VPNConnection');
      expect(f.evidence).toEqual({
        tunnels: [
          { tunnel: TUNNEL_1, status: 'UP' },
          { tunnel: TUNNEL_2, status: 'DOWN', statusMessage: 'IPSEC IS DOWN' },
        ],
      });
      expect(f.message).toBe(`Available connection: 1 of 2 tunnels are not UP: ${TUNNEL_2} (DOWN: IPSEC IS DOWN).`);
    });

    it('a telemetry entry without Status is not UP', () => {
      // Arrange
      const vpn = vpnConnection('vpn-1', { VgwTelemetry: telemetry(undefined) });

      // Act
      const f = check(rule, only(vpn), 'vpn-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
      expect(f.evidence.tunnels).toEqual([
        { tunnel: TUNNEL_1, status: 'UP' },
        { tunnel: TUNNEL_2, status: null },
      ]);
    });

    it('both tunnels DOWN', () => {
      // Arrange
      const vpn = vpnConnection('vpn-1', { VgwTelemetry: telemetry('DOWN').map((t) => ({ ...t, Status: 'DOWN' })) });

      // Act
      const f = check(rule, only(vpn), 'vpn-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
      expect(f.message).toContain('2 of 2 tunnels are not UP');
    });
  });

  describe('NOT_APPLICABLE', () => {
    it.each(['pending', 'deleting', 'deleted'])('a %s connection (only available ones are judged)', (state) => {
      // Arrange
      const vpn = vpnConnection('vpn-1', { State: state, VgwTelemetry: telemetry('DOWN') });

      // Act
      const f = check(rule, only(vpn), 'vpn-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ state });
      expect(f.message).toBe(`The VPN connection is ${state}: only available connections are evaluated.`);
    });

    it.each([
      ['empty', { VgwTelemetry: [] }],
      ['absent', { VgwTelemetry: undefined }],
    ])('VgwTelemetry %s: no telemetry to judge', (_label, extra) => {
      // Arrange
      const vpn = vpnConnection('vpn-1', extra);

      // Act
      const f = check(rule, only(vpn), 'vpn-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.message).toContain('no VgwTelemetry');
    });

    it('a snapshot without VpnConnections names the missing key', () => {
      // Act
      const f = check(rule, { Vpcs: [] }, 'snapshot');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['VpnConnections'] });
    });
  });

  describe('exemption tags', () => {
    it('vpc-auditor:exempt naming the rule turns the DOWN tunnel FAIL into PASS with evidence exempted', () => {
      // Arrange
      const vpn = vpnConnection('vpn-1', { VgwTelemetry: telemetry('DOWN'), ...tagged({ 'vpc-auditor:exempt': ID }) });

      // Act
      const f = check(rule, only(vpn), 'vpn-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toMatchObject({ exempted: true, exemptTag: ID, waived: { tunnels: expect.any(Array) } });
    });
  });
});
