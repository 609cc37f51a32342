import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/vpn/client-vpn-connection-logging';
import { check } from '../../../helpers';
import { clientVpnEndpoint, tagged } from './vpn-fixtures';

const ID = 'client-vpn-connection-logging';
const only = (...endpoints: Record<string, unknown>[]) => ({ ClientVpnEndpoints: endpoints });
const EP = 'cvpn-endpoint-1';

describe(ID, () => {
  it('has the catalog metadata (LOW, FSBP EC2.51, notify)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('LOW');
    expect(rule.meta.resourceKind).toBe('ClientVpnEndpoint');
    expect(rule.meta.compliance).toEqual({ 'aws-fsbp': ['EC2.51'] });
    expect(rule.meta.remediation.defaultMode).toBe('notify');
  });

  describe('PASS', () => {
    it('ConnectionLogOptions.Enabled true', () => {
      // Act
      const f = check(rule, only(clientVpnEndpoint(EP)), EP);

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ connectionLogging: true });
    });

    it('an endpoint pending association is judged', () => {
      // Act
      const f = check(rule, only(clientVpnEndpoint(EP, { Status: { Code: 'pending-associate' } })), EP);

      // Assert
      expect(f.status).toBe('PASS');
    });
  });

  describe('FAIL', () => {
    it('ConnectionLogOptions.Enabled false', () => {
      // Act
      const f = check(rule, only(clientVpnEndpoint(EP, { ConnectionLogOptions: { Enabled: false } })), EP);

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('LOW');
      expect(f.resourceType).toBe('AWS::EC2::ClientVpnEndpoint');
      expect(f.evidence).toEqual({ connectionLogging: false });
    });

    it('no ConnectionLogOptions at all', () => {
      // Act
      const f = check(rule, only(clientVpnEndpoint(EP, { ConnectionLogOptions: undefined })), EP);

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('LOW');
      expect(f.evidence).toEqual({ connectionLogging: null });
    });
  });

  describe('NOT_APPLICABLE', () => {
    it.each(['deleting', 'deleted'])('a %s endpoint', (code) => {
      // Act
      const f = check(rule, only(clientVpnEndpoint(EP, { Status: { Code: code }, ConnectionLogOptions: { Enabled: false } })), EP);

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

  describe('exemption tags', () => {
    it('vpc-auditor:exempt naming the rule: PASS with evidence exempted', () => {
      // Act
      const f = check(rule, only(clientVpnEndpoint(EP, { ConnectionLogOptions: { Enabled: false }, ...tagged({ 'vpc-auditor:exempt': ID }) })), EP);

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence).toMatchObject({ exempted: true, waived: { connectionLogging: false } });
    });
  });
});
