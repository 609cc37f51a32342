import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/vpn/client-vpn-no-authorize-all';
import { check } from '../../../helpers';
import { authorizationRule, clientVpnEndpoint } from './vpn-fixtures';

const ID = 'client-vpn-no-authorize-all';
const EP = 'cvpn-endpoint-1';
const OTHER = 'cvpn-endpoint-2';
const snapshotOf = (rules: Record<string, unknown>[], endpoint = clientVpnEndpoint(EP)) => ({
  ClientVpnEndpoints: [endpoint, clientVpnEndpoint(OTHER)],
  AuthorizationRules: rules,
});

describe(ID, () => {
  it('has the catalog metadata (MEDIUM, Config ec2-client-vpn-not-authorize-all, needs AuthorizationRules)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('MEDIUM');
    expect(rule.meta.resourceKind).toBe('ClientVpnEndpoint');
    expect(rule.meta.compliance).toEqual({ 'aws-config': ['ec2-client-vpn-not-authorize-all'] });
    expect(rule.meta.inputs).toEqual(['AuthorizationRules']);
  });

  describe('PASS', () => {
    it('group-based rules only', () => {
      // Act
      const f = check(rule, snapshotOf([authorizationRule(EP, '10.0.0.0/16'), authorizationRule(EP, '0.0.0.0/0')]), EP);

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ rules: 2 });
    });

    it("another endpoint's authorize-all rule does not count", () => {
      // Act
      const f = check(rule, snapshotOf([authorizationRule(OTHER, '10.0.0.0/16', { AccessAll: true, GroupId: '' })]), EP);

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence).toEqual({ rules: 0 });
    });
  });

  describe('FAIL', () => {
    it('an authorization rule with AccessAll true: the destination CIDRs authorized for all', () => {
      // Arrange
      const rules = [
        authorizationRule(EP, '10.0.0.0/16', { AccessAll: true, GroupId: '' }),
        authorizationRule(EP, '10.0.11.0/24'),
        authorizationRule(EP, '192.168.0.0/16', { AccessAll: true, GroupId: '' }),
      ];

      // Act
      const f = check(rule, snapshotOf(rules), EP);

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
      expect(f.resourceType).toBe('AWS::EC2::ClientVpnEndpoint');
      expect(f.evidence).toEqual({ destinationCidrs: ['10.0.0.0/16', '192.168.0.0/16'] });
      expect(f.message).toBe('2 authorization rule(s) authorize all clients to 10.0.0.0/16, 192.168.0.0/16.');
    });
  });

  describe('NOT_APPLICABLE', () => {
    it('a snapshot without AuthorizationRules names the missing input (never a false PASS)', () => {
      // Act
      const f = check(rule, { ClientVpnEndpoints: [clientVpnEndpoint(EP)] }, EP);

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ missingInputs: ['AuthorizationRules'] });
    });

    it('a deleted endpoint', () => {
      // Arrange
      const rules = [authorizationRule(EP, '10.0.0.0/16', { AccessAll: true })];

      // Act
      const f = check(rule, snapshotOf(rules, clientVpnEndpoint(EP, { Status: { Code: 'deleted' } })), EP);

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ status: 'deleted' });
    });
  });
});
