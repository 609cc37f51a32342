import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/vpn/customer-gateway-in-use';
import { check } from '../../../helpers';
import { customerGateway, vpnConnection } from './vpn-fixtures';

const ID = 'customer-gateway-in-use';
const snapshotOf = (gateway: Record<string, unknown>, ...vpns: Record<string, unknown>[]) => ({ CustomerGateways: [gateway], VpnConnections: vpns });

describe(ID, () => {
  it('has the catalog metadata (LOW, no framework, notify, needs VpnConnections)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('LOW');
    expect(rule.meta.resourceKind).toBe('CustomerGateway');
    expect(rule.meta.compliance).toEqual({});
    expect(rule.meta.inputs).toEqual(['VpnConnections']);
  });

  describe('PASS', () => {
    it('used by an available connection', () => {
      // Act
      const f = check(rule, snapshotOf(customerGateway('cgw-1'), vpnConnection('vpn-1'), vpnConnection('vpn-2', { CustomerGatewayId: 'cgw-2' })), 'cgw-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ vpnConnections: ['vpn-1'] });
    });

    it.each(['pending', 'deleting'])('a %s connection is not deleted, so it counts', (state) => {
      // Act
      const f = check(rule, snapshotOf(customerGateway('cgw-1'), vpnConnection('vpn-1', { State: state })), 'cgw-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence).toEqual({ vpnConnections: ['vpn-1'] });
    });
  });

  describe('FAIL', () => {
    it('only referenced by a deleted connection', () => {
      // Act
      const f = check(rule, snapshotOf(customerGateway('cgw-1'), vpnConnection('vpn-old', { State: 'deleted' })), 'cgw-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('LOW');
      expect(f.resourceType).toBe('AWS::EC2::CustomerGateway');
      expect(f.evidence).toEqual({ vpnConnections: [], deletedConnections: ['vpn-old'] });
      expect(f.message).toBe('Used by no VPN connection (only by deleted vpn-old).');
    });

    it('no connection at all (an empty VpnConnections list)', () => {
      // Act
      const f = check(rule, snapshotOf(customerGateway('cgw-1')), 'cgw-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('LOW');
      expect(f.evidence).toEqual({ vpnConnections: [], deletedConnections: [] });
    });
  });

  describe('NOT_APPLICABLE', () => {
    it.each(['pending', 'deleting', 'deleted'])('a %s customer gateway', (state) => {
      // Act
      const f = check(rule, snapshotOf(customerGateway('cgw-1', { State: state })), 'cgw-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ state });
    });

    it('a snapshot without VpnConnections names the missing input (never a false FAIL)', () => {
      // Act
      const f = check(rule, { CustomerGateways: [customerGateway('cgw-1')] }, 'cgw-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['VpnConnections'] });
    });

    it('a snapshot without CustomerGateways names the missing key', () => {
      // Act
      const f = check(rule, { VpnConnections: [] }, 'snapshot');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['CustomerGateways'] });
    });
  });
});
