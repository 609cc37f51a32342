import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/security-group/sg-no-public-all-traffic';
import { check, perm, sg, VPC } from '../../../helpers';
import { GROUP_TYPE, groupPerm, groupsOnly, NO_NETWORK, plPerm, type RuleEvidence, ruleIdsOf, sgr, tagged } from './sg-fixtures';

const ID = 'sg-no-public-all-traffic';

const oneGroup = (...permissions: Record<string, unknown>[]) => groupsOnly(sg('sg-1', permissions));
const rulesOf = (evidence: Record<string, unknown>) => evidence.rules as RuleEvidence[];

describe(ID, () => {
  it('has the catalog metadata (HIGH, Prowler all_ports, revoke-public-ingress auto)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('HIGH');
    expect(rule.meta.resourceKind).toBe('SecurityGroup');
    expect(rule.meta.remediation.kind).toBe('revoke-public-ingress');
    expect(rule.meta.remediation.defaultMode).toBe('auto');
  });

  describe('FAIL', () => {
    it('"-1" from 0.0.0.0/0', () => {
      // Act
      const f = check(rule, oneGroup(perm('-1', undefined, undefined, '0.0.0.0/0')), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('HIGH');
      expect(f.resourceType).toBe(GROUP_TYPE);
      expect(f.evidence).toEqual({ protocols: ['all'], sources: ['0.0.0.0/0'], rules: [{ protocol: 'all', source: '0.0.0.0/0' }], exposure: NO_NETWORK });
      expect(f.message).toBe('All-ports ingress is open to the internet from 0.0.0.0/0.');
    });

    it.each([
      ['tcp 0-65535', perm('tcp', 0, 65535, '0.0.0.0/0'), { protocol: 'tcp', ports: '0-65535', source: '0.0.0.0/0' }],
      ['tcp 1-65535', perm('tcp', 1, 65535, '0.0.0.0/0'), { protocol: 'tcp', ports: '1-65535', source: '0.0.0.0/0' }],
      ['udp 0-65535', perm('udp', 0, 65535, '0.0.0.0/0'), { protocol: 'udp', ports: '0-65535', source: '0.0.0.0/0' }],
      ['"6" with absent ports', perm('6', undefined, undefined, '0.0.0.0/0'), { protocol: 'tcp', ports: '0-65535', source: '0.0.0.0/0' }],
      ['tcp -1/-1 from ::/0', perm('tcp', -1, -1, '::/0'), { protocol: 'tcp', ports: '0-65535', source: '::/0' }],
      ['"-1" from 52.0.0.0/8', perm('-1', undefined, undefined, '52.0.0.0/8'), { protocol: 'all', source: '52.0.0.0/8' }],
      ['"-1" from 2000::/3', perm('-1', undefined, undefined, '2000::/3'), { protocol: 'all', source: '2000::/3' }],
    ])('%s covers every port and is internet-open', (_name, permission, described) => {
      // Act
      const f = check(rule, oneGroup(permission), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('HIGH');
      expect(f.evidence).toEqual({ protocols: [described.protocol], sources: [described.source], rules: [described], exposure: NO_NETWORK });
    });

    it('the union per port counts: "-1" from 52.0.0.0/17 + tcp 0-65535 from 52.0.128.0/17 (a /16 together) opens every tcp port (SecurityGroupRules)', () => {
      // Arrange
      const snapshot = {
        SecurityGroups: [sg('sg-1')],
        SecurityGroupRules: [sgr('sgr-all', 'sg-1', '-1', undefined, '52.0.0.0/17'), sgr('sgr-tcp', 'sg-1', 'tcp', [0, 65535], '52.0.128.0/17')],
      };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.message).toBe('All tcp ports are open to the internet from 52.0.0.0/17, 52.0.128.0/17.');
      expect(f.evidence).toEqual({
        protocols: ['tcp'],
        sources: ['52.0.0.0/17', '52.0.128.0/17'],
        rules: [
          { ruleId: 'sgr-all', protocol: 'all', source: '52.0.0.0/17' },
          { ruleId: 'sgr-tcp', protocol: 'tcp', ports: '0-65535', source: '52.0.128.0/17' },
        ],
        exposure: NO_NETWORK,
      });
    });

    it('a customer prefix list with 0.0.0.0/1 and 128.0.0.0/1 on "-1" fails', () => {
      // Arrange
      const snapshot = {
        SecurityGroups: [sg('sg-1', [{ IpProtocol: '-1', PrefixListIds: [{ PrefixListId: 'pl-0cust' }] }])],
        ManagedPrefixLists: [{ PrefixListId: 'pl-0cust', PrefixListName: 'everyone', OwnerId: '111122223333' }],
        PrefixListEntries: { 'pl-0cust': [{ Cidr: '0.0.0.0/1' }, { Cidr: '128.0.0.0/1' }] },
      };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({ protocols: ['all'], sources: ['pl-0cust'], rules: [{ protocol: 'all', source: 'pl-0cust' }], exposure: NO_NETWORK });
    });

    it('only the all-ports rules are listed, not a public rule on a single port', () => {
      // Act
      const f = check(rule, oneGroup(perm('tcp', 22, 22, '0.0.0.0/0'), perm('-1', undefined, undefined, '::/0')), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(rulesOf(f.evidence)).toEqual([{ protocol: 'all', source: '::/0' }]);
    });
    it('tcp 0-32767 + 32768-65535 from 0.0.0.0/0: every tcp port is open, however the range is split', () => {
      // Arrange: docs/semantics.md counts the source set of each port, not rules that each cover every port.
      const snapshot = {
        SecurityGroups: [sg('sg-1')],
        SecurityGroupRules: [sgr('sgr-lo', 'sg-1', 'tcp', [0, 32767], '0.0.0.0/0'), sgr('sgr-hi', 'sg-1', 'tcp', [32768, 65535], '0.0.0.0/0')],
      };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.message).toBe('All tcp ports are open to the internet from 0.0.0.0/0.');
      expect(f.evidence).toMatchObject({ protocols: ['tcp'], sources: ['0.0.0.0/0'] });
      expect(ruleIdsOf(rulesOf(f.evidence))).toEqual(['sgr-lo', 'sgr-hi']);
    });

    it('two rules from 0.0.0.0/1 and 128.0.0.0/1, both on tcp 0-65535', () => {
      // Act
      const f = check(rule, oneGroup(perm('tcp', 0, 65535, '0.0.0.0/1'), perm('tcp', 0, 65535, '128.0.0.0/1')), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toMatchObject({ protocols: ['tcp'], sources: ['0.0.0.0/1', '128.0.0.0/1'] });
    });

    it('udp split over three rules and tcp whole: both protocols named', () => {
      // Arrange
      const group = oneGroup(perm('udp', 1, 100, '0.0.0.0/0'), perm('udp', 50, 60000, '::/0'), perm('udp', 60001, 65535, '0.0.0.0/0'), perm('tcp', 0, 65535, '0.0.0.0/0'));

      // Act
      const f = check(rule, group, 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.message).toBe('All tcp and udp ports are open to the internet from 0.0.0.0/0, ::/0.');
      expect(f.evidence.protocols).toEqual(['tcp', 'udp']);
      expect(rulesOf(f.evidence).map((r) => `${r.protocol} ${r.ports}`)).toEqual(['tcp 0-65535', 'udp 1-100', 'udp 50-60000', 'udp 60001-65535']);
    });

    it('tcp 0-65535 from an unresolved prefix list next to "-1" from 0.0.0.0/0: the FAIL is proven without the list', () => {
      // Act
      const f = check(rule, oneGroup(plPerm('tcp', 0, 65535, 'pl-0gone'), perm('-1', undefined, undefined, '0.0.0.0/0')), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toMatchObject({ protocols: ['all'], sources: ['0.0.0.0/0'], unresolvedPrefixLists: ['pl-0gone'] });
    });
  });

  describe('PASS', () => {
    it('"-1" from 10.0.0.0/8 (private)', () => {
      // Act
      const f = check(rule, oneGroup(perm('-1', undefined, undefined, '10.0.0.0/8')), 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({});
    });

    it.each([
      ['tcp 0-65534 (misses 65535)', perm('tcp', 0, 65534, '0.0.0.0/0')],
      ['tcp 2-65535 (misses 0 and 1)', perm('tcp', 2, 65535, '0.0.0.0/0')],
      ['tcp 22 only', perm('tcp', 22, 22, '0.0.0.0/0')],
      ['tcp 1-65534 (misses 65535)', perm('tcp', 1, 65534, '0.0.0.0/0')],
      ['icmp (not tcp/udp over every port, not "-1")', perm('icmp', -1, -1, '0.0.0.0/0')],
    ])('%s from 0.0.0.0/0 is not an all-ports rule', (_name, permission) => {
      // Act
      const f = check(rule, oneGroup(permission), 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence).toEqual({});
    });

    it.each(['198.51.100.0/24', '52.0.0.0/17', 'fc00::/7'])('"-1" from %s is not internet-open', (cidr) => {
      // Act
      const f = check(rule, oneGroup(perm('-1', undefined, undefined, cidr)), 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('"-1" from a security group reference', () => {
      // Act
      const f = check(rule, oneGroup(groupPerm('-1', undefined, 'sg-lb')), 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence).toEqual({});
    });

    it('"-1" from an AWS-managed prefix list', () => {
      // Arrange
      const snapshot = {
        SecurityGroups: [sg('sg-1', [{ IpProtocol: '-1', PrefixListIds: [{ PrefixListId: 'pl-6da54004' }] }])],
        ManagedPrefixLists: [{ PrefixListId: 'pl-6da54004', PrefixListName: 'com.amazonaws.eu-west-1.s3', OwnerId: 'AWS' }],
      };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('an unresolved customer prefix list on tcp 22 only passes: it covers no all-ports range', () => {
      // Act
      const f = check(rule, oneGroup(plPerm('tcp', 22, 22, 'pl-0gone')), 'sg-1');

      // Assert: docs/semantics.md "Source set": a PASS on ports the list does not make all-open stands.
      expect(f.status).toBe('PASS');
      expect(f.evidence).toEqual({ unresolvedPrefixLists: ['pl-0gone'] });
    });

    it('trustedCidrs [52.0.0.0/8] makes "-1" from 52.0.0.0/8 pass', () => {
      // Act
      const f = check(rule, oneGroup(perm('-1', undefined, undefined, '52.0.0.0/8')), 'sg-1', { trustedCidrs: ['52.0.0.0/8'] });

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('"-1" egress to 0.0.0.0/0 is not ingress', () => {
      // Act
      const f = check(rule, groupsOnly(sg('sg-1', [], { IpPermissionsEgress: [perm('-1', undefined, undefined, '0.0.0.0/0')] })), 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('exempted by vpc-auditor:exempt = sg-no-public-all-traffic', () => {
      // Arrange
      const group = sg('sg-1', [perm('-1', undefined, undefined, '0.0.0.0/0')], tagged({ 'vpc-auditor:exempt': ID }));

      // Act
      const f = check(rule, groupsOnly(group), 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence).toMatchObject({ exempted: true, waived: { sources: ['0.0.0.0/0'], rules: [{ protocol: 'all', source: '0.0.0.0/0' }] } });
    });
  });

  describe('NOT_APPLICABLE', () => {
    it('tcp 0-65535 from an unresolved customer prefix list: unknown, not empty', () => {
      // Act
      const f = check(rule, oneGroup(plPerm('tcp', 0, 65535, 'pl-0gone')), 'sg-1');

      // Assert: PASS if the list is empty, FAIL if it is the internet: undecided (docs/semantics.md "Source set").
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.message).toBe('Undecided: the snapshot lacks the entries of prefix list pl-0gone (PASS if empty, FAIL if open to the internet).');
      expect(f.evidence).toEqual({ missingInputs: ['PrefixListEntries[pl-0gone]'], ifListsEmpty: 'PASS', ifListsOpen: 'FAIL' });
    });

    it('tcp 0-32767 from 0.0.0.0/0 + 32768-65535 from an unresolved list: the list decides', () => {
      // Act
      const f = check(rule, oneGroup(perm('tcp', 0, 32767, '0.0.0.0/0'), plPerm('tcp', 32768, 65535, 'pl-0gone')), 'sg-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence?.missingInputs).toEqual(['PrefixListEntries[pl-0gone]']);
    });

    it('a snapshot without SecurityGroups gives one finding for "snapshot" naming the key', () => {
      // Act
      const f = check(rule, { Vpcs: [VPC] }, 'snapshot');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['SecurityGroups'] });
    });
  });
});
