import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/vpn/vpn-gateway-attached';
import { check } from '../../../helpers';
import { tagged, vpnGateway } from './vpn-fixtures';

const ID = 'vpn-gateway-attached';
const only = (...gateways: Record<string, unknown>[]) => ({ VpnGateways: gateways });

describe(ID, () => {
  it('has the catalog metadata (LOW, CloudSploit unusedVirtualPrivateGateway, notify)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('LOW');
    expect(rule.meta.resourceKind).toBe('VpnGateway');
    expect(rule.meta.compliance).toEqual({ cloudsploit: ['unusedVirtualPrivateGateway'] });
    expect(rule.meta.remediation.defaultMode).toBe('notify');
  });

  describe('PASS', () => {
    it.each(['attached', 'attaching'])('an available gateway with a VPC attachment %s', (state) => {
      // Act
      const f = check(rule, only(vpnGateway('vgw-1', [{ VpcId: 'vpc-1', State: state }])), 'vgw-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ vpcs: ['vpc-1'] });
    });

    it('a detached attachment next to an attached one', () => {
      // Act
      const f = check(rule, only(vpnGateway('vgw-1', [{ VpcId: 'vpc-old', State: 'detached' }, { VpcId: 'vpc-1', State: 'attached' }])), 'vgw-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence).toEqual({ vpcs: ['vpc-1'] });
    });
  });

  describe('FAIL', () => {
    it('only a detached attachment', () => {
      // Act
      const f = check(rule, only(vpnGateway('vgw-1', [{ VpcId: 'vpc-1', State: 'detached' }])), 'vgw-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('LOW');
      expect(f.resourceType).toBe('AWS::EC2::VPNGateway');
      expect(f.evidence).toEqual({ attachments: [{ vpcId: 'vpc-1', state: 'detached' }] });
      expect(f.message).toBe('Attached to no VPC.');
    });

    it('a detaching attachment no longer counts', () => {
      // Act
      const f = check(rule, only(vpnGateway('vgw-1', [{ VpcId: 'vpc-1', State: 'detaching' }])), 'vgw-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('LOW');
    });

  });

  describe('NOT_APPLICABLE', () => {
    it('a gateway listed without its VpcAttachments key (unknown, not empty)', () => {
      // Act
      const f = check(rule, only(vpnGateway('vgw-1', [], { VpcAttachments: undefined })), 'vgw-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['VpnGateways[vgw-1].VpcAttachments'] });
    });

    it.each(['pending', 'deleting', 'deleted'])('a %s gateway', (state) => {
      // Act
      const f = check(rule, only(vpnGateway('vgw-1', [], { State: state })), 'vgw-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ state });
    });

    it('a snapshot without VpnGateways names the missing key', () => {
      // Act
      const f = check(rule, {}, 'snapshot');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['VpnGateways'] });
    });
  });

  describe('exemption tags', () => {
    it('vpc-auditor:exempt = all: PASS with evidence exempted', () => {
      // Act
      const f = check(rule, only(vpnGateway('vgw-1', [], tagged({ 'vpc-auditor:exempt': 'all' }))), 'vgw-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence).toMatchObject({ exempted: true, waived: { attachments: [] } });
    });
  });
});
