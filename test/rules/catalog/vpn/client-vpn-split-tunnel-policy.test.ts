import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/vpn/client-vpn-split-tunnel-policy';
import { check } from '../../../helpers';
import { clientVpnEndpoint } from './vpn-fixtures';

const ID = 'client-vpn-split-tunnel-policy';
const EP = 'cvpn-endpoint-1';
const only = (extra: Record<string, unknown>) => ({ ClientVpnEndpoints: [clientVpnEndpoint(EP, extra)] });

describe(ID, () => {
  it('has the catalog metadata (LOW, seed: no framework, notify)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('LOW');
    expect(rule.meta.resourceKind).toBe('ClientVpnEndpoint');
    expect(rule.meta.compliance).toEqual({});
    expect(rule.meta.remediation.defaultMode).toBe('notify');
  });

  describe('PASS', () => {
    it('SplitTunnel false under the default policy (full tunnel)', () => {
      // Act
      const f = check(rule, only({ SplitTunnel: false }), EP);

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ splitTunnel: false, expected: false });
    });

    it('clientVpnSplitTunnel true: a split-tunnel endpoint complies', () => {
      // Act
      const f = check(rule, only({ SplitTunnel: true }), EP, { clientVpnSplitTunnel: true });

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence).toEqual({ splitTunnel: true, expected: true });
    });
  });

  describe('FAIL', () => {
    it('SplitTunnel true under the default policy', () => {
      // Act
      const f = check(rule, only({ SplitTunnel: true }), EP);

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('LOW');
      expect(f.evidence).toEqual({ splitTunnel: true, expected: false });
      expect(f.message).toContain('clientVpnSplitTunnel=false');
    });

    it('clientVpnSplitTunnel true: a full-tunnel endpoint fails', () => {
      // Act
      const f = check(rule, only({ SplitTunnel: false }), EP, { clientVpnSplitTunnel: true });

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('LOW');
      expect(f.evidence).toEqual({ splitTunnel: false, expected: true });
    });
  });

  describe('NOT_APPLICABLE', () => {
    it.each([false, true])('an endpoint listed without SplitTunnel names the key, whatever the policy (clientVpnSplitTunnel=%s)', (policy) => {
      // Act
      const f = check(rule, only({ SplitTunnel: undefined }), EP, { clientVpnSplitTunnel: policy });

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ missingInputs: [`ClientVpnEndpoints[${EP}].SplitTunnel`] });
      expect(f.message).toBe('The snapshot lists this endpoint without its SplitTunnel.');
    });

    it.each(['deleting', 'deleted'])('a %s endpoint', (code) => {
      // Act
      const f = check(rule, only({ SplitTunnel: true, Status: { Code: code } }), EP);

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ status: code });
    });

    it('a snapshot without ClientVpnEndpoints names the missing key', () => {
      // Act
      const f = check(rule, {}, 'snapshot');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['ClientVpnEndpoints'] });
    });
  });
});
