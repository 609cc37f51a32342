import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/vpn/vpn-certificate-auth';
import { check } from '../../../helpers';
import { customerGateway, tagged, vpnConnection } from './vpn-fixtures';

const ID = 'vpn-certificate-auth';
const CERT = 'arn:aws:acm:eu-west-1:111122223333:certificate/5f2c8a1e-93b4-4d7a-b0e6-1c7d2f48a9e3';
const snapshotOf = (vpn: Record<string, unknown>, ...gateways: Record<string, unknown>[]) => ({ VpnConnections: [vpn], CustomerGateways: gateways });

describe(ID, () => {
  it('has the catalog metadata (LOW, seed: no framework, notify, needs CustomerGateways)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('LOW');
    expect(rule.meta.resourceKind).toBe('VpnConnection');
    expect(rule.meta.compliance).toEqual({});
    expect(rule.meta.inputs).toEqual(['CustomerGateways']);
    expect(rule.meta.remediation.defaultMode).toBe('notify');
  });

  describe('PASS', () => {
    it('the customer gateway has a CertificateArn', () => {
      // Act
      const f = check(rule, snapshotOf(vpnConnection('vpn-1'), customerGateway('cgw-1', { CertificateArn: CERT })), 'vpn-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ customerGatewayId: 'cgw-1', certificateArn: CERT });
      expect(f.message).toBe('Available connection: customer gateway cgw-1 authenticates with a certificate.');
    });
  });

  describe('FAIL', () => {
    it('the customer gateway has no CertificateArn: pre-shared keys', () => {
      // Act
      const f = check(rule, snapshotOf(vpnConnection('vpn-1'), customerGateway('cgw-1'), customerGateway('cgw-2', { CertificateArn: CERT })), 'vpn-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('LOW');
      expect(f.evidence).toEqual({ customerGatewayId: 'cgw-1', certificateArn: null });
      expect(f.message).toContain('pre-shared keys');
    });

    it('a pending connection is judged too', () => {
      // Act
      const f = check(rule, snapshotOf(vpnConnection('vpn-1', { State: 'pending' }), customerGateway('cgw-1')), 'vpn-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('LOW');
      expect(f.message).toMatch(/^Pending connection: /);
    });
  });

  describe('NOT_APPLICABLE', () => {
    it('the customer gateway is not in CustomerGateways: names the key', () => {
      // Act
      const f = check(rule, snapshotOf(vpnConnection('vpn-1'), customerGateway('cgw-other')), 'vpn-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ customerGatewayId: 'cgw-1', missingFrom: 'CustomerGateways' });
      expect(f.message).toBe("Customer gateway cgw-1 is not in the snapshot's CustomerGateways.");
    });

    it('a snapshot without CustomerGateways names the missing input', () => {
      // Act
      const f = check(rule, { VpnConnections: [vpnConnection('vpn-1')] }, 'vpn-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ missingInputs: ['CustomerGateways'] });
    });

    it('a deleted connection whose gateway uses pre-shared keys', () => {
      // Act
      const f = check(rule, snapshotOf(vpnConnection('vpn-1', { State: 'deleted' }), customerGateway('cgw-1')), 'vpn-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ state: 'deleted' });
    });

    it('a connection naming no customer gateway', () => {
      // Act
      const f = check(rule, snapshotOf(vpnConnection('vpn-1', { CustomerGatewayId: undefined }), customerGateway('cgw-1')), 'vpn-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.message).toContain('no CustomerGatewayId');
    });
  });

  describe('exemption tags', () => {
    it('an exemption tag on the VPN connection turns the FAIL into PASS with evidence exempted', () => {
      // Arrange
      const vpn = vpnConnection('vpn-1', tagged({ 'vpc-auditor:exempt': ID }));

      // Act
      const f = check(rule, snapshotOf(vpn, customerGateway('cgw-1')), 'vpn-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toMatchObject({ exempted: true, waived: { customerGatewayId: 'cgw-1', certificateArn: null } });
    });

    it('an exemption tag on the customer gateway does not exempt the connection', () => {
      // Act
      const f = check(rule, snapshotOf(vpnConnection('vpn-1'), customerGateway('cgw-1', tagged({ 'vpc-auditor:exempt': 'all' }))), 'vpn-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('LOW');
    });
  });
});
