import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/security-group/sg-no-public-high-risk-ports';
import { check, perm, sg } from '../../../helpers';
import { GROUP_TYPE, groupsOnly, openPortKeys, openPorts, plPerm, ruleIdsOf, sgr, tagged } from './sg-fixtures';

const ID = 'sg-no-public-high-risk-ports';

/** docs/semantics.md default highRiskPorts, in the order the rule probes them (tcp, then udp). */
const DEFAULT_TCP = [20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389, 4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300];
const DEFAULT_UDP = [137, 138, 139, 161, 445, 1434, 11211];

const oneGroup = (...permissions: Record<string, unknown>[]) => groupsOnly(sg('sg-1', permissions));

describe(ID, () => {
  it('has the catalog metadata (HIGH, FSBP EC2.19, revoke-public-ingress notify)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('HIGH');
    expect(rule.meta.resourceKind).toBe('SecurityGroup');
    expect(rule.meta.compliance).toEqual({ 'aws-fsbp': ['EC2.19'] });
    expect(rule.meta.remediation.kind).toBe('revoke-public-ingress');
    expect(rule.meta.remediation.defaultMode).toBe('notify');
  });

  describe('FAIL', () => {
    it('tcp 0-1024 from 0.0.0.0/0 opens every default high-risk tcp port up to 1024', () => {
      // Act
      const f = check(rule, oneGroup(perm('tcp', 0, 1024, '0.0.0.0/0')), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('HIGH');
      expect(f.resourceType).toBe(GROUP_TYPE);
      expect(openPortKeys(f)).toEqual([20, 21, 22, 23, 25, 110, 135, 143, 445].map((p) => `tcp ${p}`));
      for (const o of openPorts(f)) {
        expect(o.sources).toEqual(['0.0.0.0/0']);
        expect(o.rules).toEqual([{ protocol: 'tcp', ports: '0-1024', source: '0.0.0.0/0' }]);
      }
    });

    it('"-1" from ::/0 opens the whole default list, tcp and udp', () => {
      // Act
      const f = check(rule, oneGroup(perm('-1', undefined, undefined, '::/0')), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPortKeys(f)).toEqual([...DEFAULT_TCP.map((p) => `tcp ${p}`), ...DEFAULT_UDP.map((p) => `udp ${p}`)]);
      expect(openPorts(f)[0].rules).toEqual([{ protocol: 'all', source: '::/0' }]);
    });

    it('tcp 3306 from 0.0.0.0/1 and 128.0.0.0/1 (SecurityGroupRules) fails with both rule ids', () => {
      // Arrange
      const snapshot = {
        SecurityGroups: [sg('sg-1')],
        SecurityGroupRules: [sgr('sgr-lo', 'sg-1', 'tcp', [3306, 3306], '0.0.0.0/1'), sgr('sgr-hi', 'sg-1', '6', [3306, 3306], '128.0.0.0/1')],
      };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPortKeys(f)).toEqual(['tcp 3306']);
      expect(openPorts(f)[0].sources).toEqual(['0.0.0.0/1', '128.0.0.0/1']);
      expect(ruleIdsOf(openPorts(f)[0].rules)).toEqual(['sgr-lo', 'sgr-hi']);
    });

    it('udp 11211 (memcached) from 52.0.0.0/8, written as IpProtocol "17"', () => {
      // Act
      const f = check(rule, oneGroup(perm('17', 11211, 11211, '52.0.0.0/8')), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPorts(f)).toEqual([{ protocol: 'udp', port: 11211, sources: ['52.0.0.0/8'], rules: [{ protocol: 'udp', ports: '11211-11211', source: '52.0.0.0/8' }] }]);
    });

    it('tcp 9200-9300 from 2000::/3 opens 9200 and 9300', () => {
      // Act
      const f = check(rule, oneGroup(perm('tcp', 9200, 9300, '2000::/3')), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPortKeys(f)).toEqual(['tcp 9200', 'tcp 9300']);
    });

    it('a customer prefix list expanding to the whole IPv4 internet fails on tcp 5432', () => {
      // Arrange
      const snapshot = {
        SecurityGroups: [sg('sg-1', [plPerm('tcp', 5432, 5432, 'pl-0cust')])],
        ManagedPrefixLists: [{ PrefixListId: 'pl-0cust', PrefixListName: 'everyone', OwnerId: '111122223333' }],
        PrefixListEntries: { 'pl-0cust': [{ Cidr: '0.0.0.0/1' }, { Cidr: '128.0.0.0/1' }] },
      };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPorts(f)).toEqual([{ protocol: 'tcp', port: 5432, sources: ['pl-0cust'], rules: [{ protocol: 'tcp', ports: '5432-5432', source: 'pl-0cust' }] }]);
    });

    it('highRiskPorts setting: a port added there (tcp 8443) is checked', () => {
      // Act
      const f = check(rule, oneGroup(perm('tcp', 8443, 8443, '0.0.0.0/0')), 'sg-1', { highRiskPorts: { tcp: [8443], udp: [53] } });

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPortKeys(f)).toEqual(['tcp 8443']);
    });

    it('highRiskPorts setting replaces the default list: with udp [53], "-1" open lists only tcp 8443 and udp 53', () => {
      // Act
      const f = check(rule, oneGroup(perm('-1', undefined, undefined, '0.0.0.0/0')), 'sg-1', { highRiskPorts: { tcp: [8443], udp: [53] } });

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPortKeys(f)).toEqual(['tcp 8443', 'udp 53']);
    });
  });

  describe('PASS', () => {
    it('only tcp 80 and 443 are open to the world', () => {
      // Act
      const f = check(rule, oneGroup(perm('tcp', 80, 80, '0.0.0.0/0', '::/0'), perm('tcp', 443, 443, '0.0.0.0/0', '::/0')), 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({});
    });

    it('the protocol matters: tcp 137-139 and udp 3306 are not on the list', () => {
      // Act
      const f = check(rule, oneGroup(perm('tcp', 137, 139, '0.0.0.0/0'), perm('udp', 3306, 3306, '0.0.0.0/0')), 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
    });

    it.each([
      ['10.0.0.0/8', '10.0.0.0/8'],
      ['198.51.100.0/24', '198.51.100.0/24'],
    ])('tcp 0-65535 from %s is not internet-open', (_name, cidr) => {
      // Act
      const f = check(rule, oneGroup(perm('tcp', 0, 65535, cidr)), 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence.openPorts).toBeUndefined();
    });

    it('trustedCidrs [52.0.0.0/8] makes tcp 3306 from 52.0.0.0/8 pass', () => {
      // Act
      const f = check(rule, oneGroup(perm('tcp', 3306, 3306, '52.0.0.0/8')), 'sg-1', { trustedCidrs: ['52.0.0.0/8'] });

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('highRiskPorts setting without tcp 3306: 3306 open to the world passes', () => {
      // Act
      const f = check(rule, oneGroup(perm('tcp', 3306, 3306, '0.0.0.0/0')), 'sg-1', { highRiskPorts: { tcp: [22], udp: [] } });

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('an unresolved customer prefix list on 443 passes and is named in the evidence', () => {
      // Act
      const f = check(rule, oneGroup(plPerm('tcp', 443, 443, 'pl-0gone')), 'sg-1');

      // Assert: 443 is no high-risk port, whatever the list holds.
      expect(f.status).toBe('PASS');
      expect(f.evidence).toEqual({ unresolvedPrefixLists: ['pl-0gone'] });
    });

    it('vpc-auditor:exempt = all: PASS with exempted and the waived open ports', () => {
      // Arrange
      const group = sg('sg-1', [perm('tcp', 3306, 3306, '0.0.0.0/0')], tagged({ 'vpc-auditor:exempt': 'all' }));

      // Act
      const f = check(rule, groupsOnly(group), 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence.exempted).toBe(true);
      expect((f.evidence.waived as { openPorts: unknown[] }).openPorts).toEqual([
        { protocol: 'tcp', port: 3306, sources: ['0.0.0.0/0'], rules: [{ protocol: 'tcp', ports: '3306-3306', source: '0.0.0.0/0' }] },
      ]);
    });
  });

  describe('NOT_APPLICABLE', () => {
    it('tcp 1433 only through an unresolved customer prefix list: unknown, not empty', () => {
      // Act
      const f = check(rule, oneGroup(plPerm('tcp', 1433, 1433, 'pl-0gone')), 'sg-1');

      // Assert: docs/semantics.md "Source set": never a silent PASS.
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['PrefixListEntries[pl-0gone]'], ifListsEmpty: 'PASS', ifListsOpen: 'FAIL' });
    });

    it('a FAIL proven by 0.0.0.0/0 on 5432 stands next to an unresolved list on 1433', () => {
      // Act
      const f = check(rule, oneGroup(perm('tcp', 5432, 5432, '0.0.0.0/0'), plPerm('tcp', 1433, 1433, 'pl-0gone')), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPortKeys(f)).toEqual(['tcp 5432']);
      expect(f.evidence.unresolvedPrefixLists).toEqual(['pl-0gone']);
    });

    it('a snapshot without SecurityGroups gives one finding for "snapshot" naming the key', () => {
      // Act
      const f = check(rule, { NetworkAcls: [] }, 'snapshot');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['SecurityGroups'] });
    });
  });
});
