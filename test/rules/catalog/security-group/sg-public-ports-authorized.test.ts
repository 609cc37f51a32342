import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/security-group/sg-public-ports-authorized';
import type { Finding } from '../../../../rules/engine/types';
import { check, perm, sg } from '../../../helpers';
import { GROUP_TYPE, groupPerm, groupsOnly, plPerm, type RuleEvidence, sgr, tagged } from './sg-fixtures';

const ID = 'sg-public-ports-authorized';

interface Unauthorized {
  protocol: string;
  ports?: string;
  sources: string[];
  rules: RuleEvidence[];
}
const unauthorized = (f: Finding) => f.evidence.unauthorized as Unauthorized[];
/** "protocol ports" of every unauthorized entry ("all (-1)" has no ports). */
const unauthorizedKeys = (f: Finding) => unauthorized(f).map((u) => (u.ports === undefined ? u.protocol : `${u.protocol} ${u.ports}`));

const oneGroup = (...permissions: Record<string, unknown>[]) => groupsOnly(sg('sg-1', permissions));
const WEB = [perm('tcp', 80, 80, '0.0.0.0/0', '::/0'), perm('tcp', 443, 443, '0.0.0.0/0', '::/0')];

describe(ID, () => {
  it('has the catalog metadata (HIGH, FSBP EC2.18, revoke-public-ingress notify)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('HIGH');
    expect(rule.meta.resourceKind).toBe('SecurityGroup');
    expect(rule.meta.compliance).toEqual({ 'aws-fsbp': ['EC2.18'] });
    expect(rule.meta.remediation.kind).toBe('revoke-public-ingress');
    expect(rule.meta.remediation.defaultMode).toBe('notify');
  });

  describe('FAIL', () => {
    it('tcp 0-1024 from 0.0.0.0/0: unauthorized 0-79, 81-442, 444-1024', () => {
      // Act
      const f = check(rule, oneGroup(perm('tcp', 0, 1024, '0.0.0.0/0')), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('HIGH');
      expect(f.resourceType).toBe(GROUP_TYPE);
      const rules = [{ protocol: 'tcp', ports: '0-1024', source: '0.0.0.0/0' }];
      expect(unauthorized(f)).toEqual([
        { protocol: 'tcp', ports: '0-79', sources: ['0.0.0.0/0'], rules },
        { protocol: 'tcp', ports: '81-442', sources: ['0.0.0.0/0'], rules },
        { protocol: 'tcp', ports: '444-1024', sources: ['0.0.0.0/0'], rules },
      ]);
    });

    it('udp 53 from 0.0.0.0/0 (no udp port is authorized by default)', () => {
      // Act
      const f = check(rule, oneGroup(perm('udp', 53, 53, '0.0.0.0/0')), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(unauthorized(f)).toEqual([{ protocol: 'udp', ports: '53', sources: ['0.0.0.0/0'], rules: [{ protocol: 'udp', ports: '53-53', source: '0.0.0.0/0' }] }]);
    });

    it('"-1" from 0.0.0.0/0: every tcp port but 80/443, every udp port, and "all (-1)"', () => {
      // Act
      const f = check(rule, oneGroup(perm('-1', undefined, undefined, '0.0.0.0/0')), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(unauthorizedKeys(f)).toEqual(['tcp 0-79', 'tcp 81-442', 'tcp 444-65535', 'udp 0-65535', 'all (-1)']);
      const all = unauthorized(f).find((u) => u.protocol === 'all (-1)');
      expect(all).toEqual({ protocol: 'all (-1)', ports: undefined, sources: ['0.0.0.0/0'], rules: [{ protocol: 'all', source: '0.0.0.0/0' }] });
    });

    it('the union counts: tcp 8080 from 0.0.0.0/1 and 128.0.0.0/1 (SecurityGroupRules)', () => {
      // Arrange
      const snapshot = {
        SecurityGroups: [sg('sg-1')],
        SecurityGroupRules: [sgr('sgr-lo', 'sg-1', 'tcp', [8080, 8080], '0.0.0.0/1'), sgr('sgr-hi', 'sg-1', 'tcp', [8080, 8080], '128.0.0.0/1')],
      };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(unauthorized(f)).toEqual([
        {
          protocol: 'tcp',
          ports: '8080',
          sources: ['0.0.0.0/1', '128.0.0.0/1'],
          rules: [
            { ruleId: 'sgr-lo', protocol: 'tcp', ports: '8080-8080', source: '0.0.0.0/1' },
            { ruleId: 'sgr-hi', protocol: 'tcp', ports: '8080-8080', source: '128.0.0.0/1' },
          ],
        },
      ]);
    });

    it('authorizedTcpPorts setting: with [22], tcp 22 open is fine and tcp 80 open is not', () => {
      // Act
      const f = check(rule, oneGroup(perm('tcp', 22, 22, '0.0.0.0/0'), perm('tcp', 80, 80, '0.0.0.0/0')), 'sg-1', { authorizedTcpPorts: [22] });

      // Assert
      expect(f.status).toBe('FAIL');
      expect(unauthorizedKeys(f)).toEqual(['tcp 80']);
    });

    it('the unauthorized part is attributed to the rule that opens it, not to a neighbouring authorized rule', () => {
      // Arrange: sgr-http opens the authorized 80; sgr-range opens 81-90 from the same source.
      const snapshot = {
        SecurityGroups: [sg('sg-1')],
        SecurityGroupRules: [sgr('sgr-http', 'sg-1', 'tcp', [80, 80], '0.0.0.0/0'), sgr('sgr-range', 'sg-1', 'tcp', [81, 90], '0.0.0.0/0')],
      };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert: revoke-public-ingress acts on these rules; sgr-http covers no unauthorized port.
      expect(f.status).toBe('FAIL');
      expect(unauthorized(f)).toEqual([
        { protocol: 'tcp', ports: '81-90', sources: ['0.0.0.0/0'], rules: [{ ruleId: 'sgr-range', protocol: 'tcp', ports: '81-90', source: '0.0.0.0/0' }] },
      ]);
    });
  });

  describe('PASS', () => {
    it('an explicit protocol without ports (GRE 47) open to the world: only tcp, udp and -1 are restricted; the message names it without ports', () => {
      // Act
      const f = check(rule, oneGroup(...WEB, perm('47', undefined, undefined, '0.0.0.0/0')), 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.message).toBe('Only authorized ports are open to the internet: tcp 80, tcp 443, protocol 47.');
    });

    it('tcp 80 and 443 open to the world (IPv4 and IPv6)', () => {
      // Act
      const f = check(rule, oneGroup(...WEB), 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({});
      expect(f.message).toBe('Only authorized ports are open to the internet: tcp 80, tcp 443.');
    });

    it('icmp open to the world alone is applicable and passes (only "-1" counts as other protocols)', () => {
      // Act
      const f = check(rule, oneGroup(perm('icmp', -1, -1, '0.0.0.0/0')), 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.message).toContain('icmp');
    });

    it('authorizedUdpPorts setting [53]: udp 53 open passes', () => {
      // Act
      const f = check(rule, oneGroup(perm('udp', 53, 53, '0.0.0.0/0')), 'sg-1', { authorizedUdpPorts: [53] });

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('authorizedTcpPorts setting [8443]: tcp 8443 open passes', () => {
      // Act
      const f = check(rule, oneGroup(perm('tcp', 8443, 8443, '0.0.0.0/0')), 'sg-1', { authorizedTcpPorts: [8443] });

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('tcp 22 from a small /24 next to public 80/443: only internet-open ports count', () => {
      // Act
      const f = check(rule, oneGroup(...WEB, perm('tcp', 22, 22, '198.51.100.0/24')), 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('an unresolved prefix list on 443 next to public 80/443 passes and is named in the evidence', () => {
      // Act
      const f = check(rule, oneGroup(...WEB, plPerm('tcp', 443, 443, 'pl-0gone')), 'sg-1');

      // Assert: docs/semantics.md "Source set": only authorized ports, whatever the list holds.
      expect(f.status).toBe('PASS');
      expect(f.evidence).toEqual({ unresolvedPrefixLists: ['pl-0gone'] });
    });

    it('exempted by vpc-auditor:exempt = all', () => {
      // Arrange
      const group = sg('sg-1', [perm('udp', 53, 53, '0.0.0.0/0')], tagged({ 'vpc-auditor:exempt': 'all' }));

      // Act
      const f = check(rule, groupsOnly(group), 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence.exempted).toBe(true);
      expect((f.evidence.waived as { unauthorized: Unauthorized[] }).unauthorized.map((u) => u.ports)).toEqual(['53']);
    });
  });

  describe('NOT_APPLICABLE', () => {
    it('public 80/443 and tcp 22 through an unresolved customer prefix list: undecided', () => {
      // Act
      const f = check(rule, oneGroup(...WEB, plPerm('tcp', 22, 22, 'pl-0gone')), 'sg-1');

      // Assert: PASS if the list is empty, FAIL if it is the internet (docs/semantics.md "Source set").
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['PrefixListEntries[pl-0gone]'], ifListsEmpty: 'PASS', ifListsOpen: 'FAIL' });
    });

    it('only tcp 443 through an unresolved list: nothing open, or only authorized ports open', () => {
      // Act
      const f = check(rule, oneGroup(plPerm('tcp', 443, 443, 'pl-0gone')), 'sg-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['PrefixListEntries[pl-0gone]'], ifListsEmpty: 'NOT_APPLICABLE', ifListsOpen: 'PASS' });
    });

    it('no internet-open ingress: private and small sources, a group reference, egress open', () => {
      // Arrange
      const group = sg(
        'sg-1',
        [perm('-1', undefined, undefined, '10.0.0.0/8'), perm('tcp', 22, 22, '198.51.100.0/24'), groupPerm('tcp', [0, 65535], 'sg-2')],
        { IpPermissionsEgress: [perm('-1', undefined, undefined, '0.0.0.0/0')] },
      );

      // Act
      const f = check(rule, groupsOnly(group, sg('sg-2')), 'sg-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.message).toBe('No ingress is open to the internet.');
    });

    it('a group without ingress rules', () => {
      // Act
      const f = check(rule, groupsOnly(sg('sg-1')), 'sg-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
    });

    it('a snapshot without SecurityGroups gives one finding for "snapshot" naming the key', () => {
      // Act
      const f = check(rule, {}, 'snapshot');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['SecurityGroups'] });
    });
  });
});
