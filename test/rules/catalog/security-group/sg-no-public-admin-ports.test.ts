import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/security-group/sg-no-public-admin-ports';
import highRisk from '../../../../rules/catalog/security-group/sg-no-public-high-risk-ports';
import { audit, check, findingOf, perm, sg, VPC } from '../../../helpers';
import { GROUP_TYPE, groupPerm, groupsOnly, NO_NETWORK, openPortKeys, openPorts, plPerm, ruleIdsOf, sgr, tagged } from './sg-fixtures';

const ID = 'sg-no-public-admin-ports';
const ALL_ADMIN = ['tcp 22', 'udp 22', 'tcp 3389', 'udp 3389'];

/** One group opening tcp 22 from 0.0.0.0/0, with extra fields (tags). */
const sshOpen = (extra: Record<string, unknown> = {}) => sg('sg-1', [perm('tcp', 22, 22, '0.0.0.0/0')], extra);

describe(ID, () => {
  it('has the catalog metadata (HIGH, FSBP EC2.13/14/53/54, CIS 5.2/5.3, revoke-public-ingress auto)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('HIGH');
    expect(rule.meta.resourceKind).toBe('SecurityGroup');
    expect(rule.meta.compliance).toEqual({ 'aws-fsbp': ['EC2.13', 'EC2.14', 'EC2.53', 'EC2.54'], 'cis-aws-3.0': ['5.2', '5.3'] });
    expect(rule.meta.remediation.kind).toBe('revoke-public-ingress');
    expect(rule.meta.remediation.defaultMode).toBe('auto');
  });

  describe('FAIL', () => {
    it('tcp 22 from 0.0.0.0/1 and 128.0.0.0/1 in two permissions: the union is internet-open', () => {
      // Arrange
      const group = sg('sg-1', [perm('tcp', 22, 22, '0.0.0.0/1'), perm('tcp', 22, 22, '128.0.0.0/1')]);

      // Act
      const f = check(rule, groupsOnly(group), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('HIGH');
      expect(f.resourceType).toBe(GROUP_TYPE);
      expect(openPorts(f)).toEqual([
        {
          protocol: 'tcp',
          port: 22,
          sources: ['0.0.0.0/1', '128.0.0.0/1'],
          rules: [
            { protocol: 'tcp', ports: '22-22', source: '0.0.0.0/1' },
            { protocol: 'tcp', ports: '22-22', source: '128.0.0.0/1' },
          ],
        },
      ]);
    });

    it('the same split as two SecurityGroupRules entries: the evidence names both rule ids', () => {
      // Arrange
      const snapshot = {
        SecurityGroups: [sg('sg-1')],
        SecurityGroupRules: [sgr('sgr-0a', 'sg-1', 'tcp', [22, 22], '0.0.0.0/1'), sgr('sgr-0b', 'sg-1', 'tcp', [22, 22], '128.0.0.0/1')],
      };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('HIGH');
      expect(openPorts(f)).toEqual([
        {
          protocol: 'tcp',
          port: 22,
          sources: ['0.0.0.0/1', '128.0.0.0/1'],
          rules: [
            { ruleId: 'sgr-0a', protocol: 'tcp', ports: '22-22', source: '0.0.0.0/1' },
            { ruleId: 'sgr-0b', protocol: 'tcp', ports: '22-22', source: '128.0.0.0/1' },
          ],
        },
      ]);
    });

    it('udp 3389 from ::/0 (IPv6, udp) fails', () => {
      // Act
      const f = check(rule, groupsOnly(sg('sg-1', [perm('udp', 3389, 3389, '::/0')])), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('HIGH');
      expect(openPorts(f)).toEqual([{ protocol: 'udp', port: 3389, sources: ['::/0'], rules: [{ protocol: 'udp', ports: '3389-3389', source: '::/0' }] }]);
    });

    it('tcp 0-1024 from 0.0.0.0/0 opens tcp 22 (3389 is outside the range)', () => {
      // Act
      const f = check(rule, groupsOnly(sg('sg-1', [perm('tcp', 0, 1024, '0.0.0.0/0')])), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPorts(f)).toEqual([{ protocol: 'tcp', port: 22, sources: ['0.0.0.0/0'], rules: [{ protocol: 'tcp', ports: '0-1024', source: '0.0.0.0/0' }] }]);
      expect(f.message).toBe('Ingress open to the internet on tcp 22 from 0.0.0.0/0.');
    });

    it('IpProtocol "6" is tcp', () => {
      // Act
      const f = check(rule, groupsOnly(sg('sg-1', [perm('6', 22, 22, '0.0.0.0/0')])), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPorts(f)).toEqual([{ protocol: 'tcp', port: 22, sources: ['0.0.0.0/0'], rules: [{ protocol: 'tcp', ports: '22-22', source: '0.0.0.0/0' }] }]);
    });

    it('IpProtocol "17" is udp', () => {
      // Act
      const f = check(rule, groupsOnly(sg('sg-1', [perm('17', 3389, 3389, '0.0.0.0/0')])), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPortKeys(f)).toEqual(['udp 3389']);
    });

    it.each([
      ['absent ports', perm('tcp', undefined, undefined, '0.0.0.0/0')],
      ['FromPort/ToPort -1', perm('tcp', -1, -1, '0.0.0.0/0')],
      ['absent ports, IpProtocol "6"', perm('6', undefined, undefined, '0.0.0.0/0')],
    ])('tcp with %s means every port: tcp 22 and 3389 are open', (_name, permission) => {
      // Act
      const f = check(rule, groupsOnly(sg('sg-1', [permission])), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPortKeys(f)).toEqual(['tcp 22', 'tcp 3389']);
      expect(openPorts(f)[0].rules).toEqual([{ protocol: 'tcp', ports: '0-65535', source: '0.0.0.0/0' }]);
    });

    it('udp with absent ports opens udp 22 and 3389', () => {
      // Act
      const f = check(rule, groupsOnly(sg('sg-1', [perm('udp', undefined, undefined, '::/0')])), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPortKeys(f)).toEqual(['udp 22', 'udp 3389']);
    });

    it('"-1" from 0.0.0.0/0 opens all four admin ports; the rule has no port range', () => {
      // Act
      const f = check(rule, groupsOnly(sg('sg-1', [perm('-1', undefined, undefined, '0.0.0.0/0')])), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPortKeys(f)).toEqual(ALL_ADMIN);
      for (const o of openPorts(f)) expect(o.rules).toEqual([{ protocol: 'all', source: '0.0.0.0/0' }]);
    });

    it.each([
      ['52.0.0.0/8', ['52.0.0.0/8']],
      ['2000::/3 (all public IPv6)', ['2000::/3']],
      ['52.0.0.0/16 (exactly 2^16 public IPv4)', ['52.0.0.0/16']],
      ['2001:db8::/32 (exactly 2^96 public IPv6)', ['2001:db8::/32']],
      ['52.0.0.0/17 + 54.0.0.0/17 (disjoint halves: the count decides, not contiguity)', ['52.0.0.0/17', '54.0.0.0/17']],
      ['10.0.0.0/8 + 52.0.0.0/16 (the private part adds nothing, the public /16 suffices)', ['10.0.0.0/8', '52.0.0.0/16']],
    ])('tcp 22 from %s is internet-open', (_name, cidrs) => {
      // Act
      const f = check(rule, groupsOnly(sg('sg-1', cidrs.map((c) => perm('tcp', 22, 22, c)))), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('HIGH');
      expect(openPortKeys(f)).toEqual(['tcp 22']);
      // Every covering rule is listed; the private-only one contributes no public address.
      expect(openPorts(f)[0].sources).toEqual(cidrs.filter((c) => c !== '10.0.0.0/8'));
    });

    it('a customer prefix list holding 0.0.0.0/1 and 128.0.0.0/1 is expanded and fails', () => {
      // Arrange
      const snapshot = {
        SecurityGroups: [sg('sg-1', [plPerm('tcp', 22, 22, 'pl-0cust')])],
        ManagedPrefixLists: [{ PrefixListId: 'pl-0cust', PrefixListName: 'partners', OwnerId: '111122223333', AddressFamily: 'IPv4' }],
        PrefixListEntries: { 'pl-0cust': [{ Cidr: '0.0.0.0/1' }, { Cidr: '128.0.0.0/1' }] },
      };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPorts(f)).toEqual([{ protocol: 'tcp', port: 22, sources: ['pl-0cust'], rules: [{ protocol: 'tcp', ports: '22-22', source: 'pl-0cust' }] }]);
      expect(f.evidence.unresolvedPrefixLists).toBeUndefined();
    });

    it('a customer prefix list (0.0.0.0/1) and a CIDR (128.0.0.0/1) count together', () => {
      // Arrange
      const snapshot = {
        SecurityGroups: [sg('sg-1')],
        SecurityGroupRules: [sgr('sgr-pl', 'sg-1', 'tcp', [3389, 3389], 'pl-0half'), sgr('sgr-cidr', 'sg-1', 'tcp', [3389, 3389], '128.0.0.0/1')],
        ManagedPrefixLists: [{ PrefixListId: 'pl-0half', PrefixListName: 'half', OwnerId: '111122223333' }],
        PrefixListEntries: { 'pl-0half': [{ Cidr: '0.0.0.0/1' }] },
      };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPortKeys(f)).toEqual(['tcp 3389']);
      expect(ruleIdsOf(openPorts(f)[0].rules)).toEqual(['sgr-pl', 'sgr-cidr']);
      expect(openPorts(f)[0].sources).toEqual(['pl-0half', '128.0.0.0/1']);
    });

    it('an unresolved prefix list is named in FAIL evidence too', () => {
      // Arrange
      const group = sg('sg-1', [perm('tcp', 22, 22, '0.0.0.0/0'), plPerm('tcp', 3389, 3389, 'pl-0unknown')]);

      // Act
      const f = check(rule, groupsOnly(group), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPortKeys(f)).toEqual(['tcp 22']);
      expect(f.evidence.unresolvedPrefixLists).toEqual(['pl-0unknown']);
    });

    it('internetMinPrefix ipv4 24 makes 198.51.100.0/24 internet-open', () => {
      // Act
      const f = check(rule, groupsOnly(sg('sg-1', [perm('tcp', 22, 22, '198.51.100.0/24')])), 'sg-1', { internetMinPrefix: { ipv4: 24, ipv6: 32 } });

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPorts(f)[0].sources).toEqual(['198.51.100.0/24']);
    });

    it('internetMinPrefix ipv6 48 makes 2001:db8:1::/48 internet-open', () => {
      // Act
      const f = check(rule, groupsOnly(sg('sg-1', [perm('udp', 22, 22, '2001:db8:1::/48')])), 'sg-1', { internetMinPrefix: { ipv4: 16, ipv6: 48 } });

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPortKeys(f)).toEqual(['udp 22']);
    });

    it('trustedCidrs removes only what it names: 52.0.0.0/15 minus a trusted /16 still holds a /16', () => {
      // Act
      const f = check(rule, groupsOnly(sg('sg-1', [perm('tcp', 22, 22, '52.0.0.0/15')])), 'sg-1', { trustedCidrs: ['52.0.0.0/16'] });

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPorts(f)[0].sources).toEqual(['52.0.0.0/15']);
    });

    it('IpPermissions are used when SecurityGroupRules has entries only for other groups', () => {
      // Arrange
      const snapshot = {
        SecurityGroups: [sshOpen(), sg('sg-2')],
        SecurityGroupRules: [sgr('sgr-other', 'sg-2', 'tcp', [443, 443], '0.0.0.0/0')],
      };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPorts(f)).toEqual([{ protocol: 'tcp', port: 22, sources: ['0.0.0.0/0'], rules: [{ protocol: 'tcp', ports: '22-22', source: '0.0.0.0/0' }] }]);
    });

    it('IpPermissions are used for ingress when SecurityGroupRules holds only egress entries of the group', () => {
      // Arrange
      const snapshot = {
        SecurityGroups: [sshOpen()],
        SecurityGroupRules: [sgr('sgr-egress', 'sg-1', '-1', undefined, '0.0.0.0/0', true)],
      };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPorts(f)[0].rules).toEqual([{ protocol: 'tcp', ports: '22-22', source: '0.0.0.0/0' }]);
    });

    it('lists every rule that opens tcp 22, also when a wider rule with the same sources covers it', () => {
      // Arrange: sgr-ssh opens 22 exactly; sgr-wide opens 0-65535 from the same source. Revoking
      // only sgr-wide (docs/semantics.md revoke-public-ingress: every covering public rule) would leave 22 open.
      const snapshot = {
        SecurityGroups: [sg('sg-1')],
        SecurityGroupRules: [sgr('sgr-wide', 'sg-1', 'tcp', [0, 65535], '0.0.0.0/0'), sgr('sgr-ssh', 'sg-1', 'tcp', [22, 22], '0.0.0.0/0')],
      };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPortKeys(f)).toEqual(['tcp 22', 'tcp 3389']);
      expect(ruleIdsOf(openPorts(f)[0].rules)).toEqual(['sgr-wide', 'sgr-ssh']);
      expect(ruleIdsOf(openPorts(f)[1].rules)).toEqual(['sgr-wide']);
    });

    it('attributes each open port to the rule that covers it, not to an adjacent rule with the same source', () => {
      // Arrange: sgr-low covers 0-22, sgr-high covers 23-3389, both from 0.0.0.0/0.
      const snapshot = {
        SecurityGroups: [sg('sg-1')],
        SecurityGroupRules: [sgr('sgr-low', 'sg-1', 'tcp', [0, 22], '0.0.0.0/0'), sgr('sgr-high', 'sg-1', 'tcp', [23, 3389], '0.0.0.0/0')],
      };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(openPorts(f)).toEqual([
        { protocol: 'tcp', port: 22, sources: ['0.0.0.0/0'], rules: [{ ruleId: 'sgr-low', protocol: 'tcp', ports: '0-22', source: '0.0.0.0/0' }] },
        { protocol: 'tcp', port: 3389, sources: ['0.0.0.0/0'], rules: [{ ruleId: 'sgr-high', protocol: 'tcp', ports: '23-3389', source: '0.0.0.0/0' }] },
      ]);
    });
  });

  describe('PASS', () => {
    it('"-1" from 10.0.0.0/8 is private: nothing is open', () => {
      // Act
      const f = check(rule, groupsOnly(sg('sg-1', [perm('-1', undefined, undefined, '10.0.0.0/8')])), 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({});
    });

    it.each([
      ['198.51.100.0/24 (256 public addresses)', ['198.51.100.0/24']],
      ['52.0.0.0/17 (one short of a /16)', ['52.0.0.0/17']],
      ['52.0.0.0/17 twice (a union, not a sum)', ['52.0.0.0/17', '52.0.0.0/17']],
      ['100.64.0.0/10 (shared address space is not public)', ['100.64.0.0/10']],
      ['10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16', ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']],
      ['fc00::/7 (IPv6 outside 2000::/3)', ['fc00::/7']],
      ['2001:db8::/33 (half of a /32)', ['2001:db8::/33']],
    ])('tcp 22 from %s is not internet-open', (_name, cidrs) => {
      // Act
      const f = check(rule, groupsOnly(sg('sg-1', cidrs.map((c) => perm('tcp', 22, 22, c)))), 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence.openPorts).toBeUndefined();
    });

    it('an AWS-managed prefix list (com.amazonaws.eu-west-1.s3) adds no public address', () => {
      // Arrange: even with public entries known, the AWS-managed list does not count.
      const snapshot = {
        SecurityGroups: [sg('sg-1', [plPerm('tcp', 22, 22, 'pl-6da54004')])],
        ManagedPrefixLists: [{ PrefixListId: 'pl-6da54004', PrefixListName: 'com.amazonaws.eu-west-1.s3', OwnerId: 'AWS' }],
        PrefixListEntries: { 'pl-6da54004': [{ Cidr: '52.92.0.0/17' }, { Cidr: '52.218.0.0/17' }, { Cidr: '3.5.64.0/21' }] },
      };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence).toEqual({});
    });

    it('an unresolved customer prefix list on tcp 443 passes: it covers no checked port', () => {
      // Arrange: the list is known by name, but its entries are not in the snapshot.
      const snapshot = {
        SecurityGroups: [sg('sg-1', [plPerm('tcp', 443, 443, 'pl-0cust')])],
        ManagedPrefixLists: [{ PrefixListId: 'pl-0cust', PrefixListName: 'partners', OwnerId: '111122223333' }],
      };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert: docs/semantics.md "Source set": a PASS on ports the list does not cover stands.
      expect(f.status).toBe('PASS');
      expect(f.evidence).toEqual({ unresolvedPrefixLists: ['pl-0cust'] });
    });

    it('a security-group reference as the source adds no public address', () => {
      // Act
      const f = check(rule, groupsOnly(sg('sg-1', [groupPerm('tcp', [22, 22], 'sg-bastion')]), sg('sg-bastion')), 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence).toEqual({});
    });

    it('trustedCidrs containing 52.0.0.0/8 makes 52.0.0.0/8 pass', () => {
      // Act
      const f = check(rule, groupsOnly(sg('sg-1', [perm('tcp', 22, 22, '52.0.0.0/8')])), 'sg-1', { trustedCidrs: ['52.0.0.0/8'] });

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('internetMinPrefix ipv4 8: a /9 is no longer enough', () => {
      // Act
      const f = check(rule, groupsOnly(sg('sg-1', [perm('tcp', 22, 22, '52.0.0.0/9')])), 'sg-1', { internetMinPrefix: { ipv4: 8, ipv6: 32 } });

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('other ports open to the world (tcp 21, 23, 80, 443, 3388, 3390) do not count', () => {
      // Arrange
      const group = sg('sg-1', [perm('tcp', 21, 21, '0.0.0.0/0'), perm('tcp', 23, 443, '0.0.0.0/0'), perm('tcp', 3388, 3388, '::/0'), perm('udp', 3390, 4000, '0.0.0.0/0')]);

      // Act
      const f = check(rule, groupsOnly(group), 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence).toEqual({});
    });

    it('icmp from 0.0.0.0/0 covers no tcp/udp port', () => {
      // Act
      const f = check(rule, groupsOnly(sg('sg-1', [perm('icmp', -1, -1, '0.0.0.0/0')])), 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('egress rules do not count: "-1" egress to 0.0.0.0/0', () => {
      // Act
      const f = check(rule, groupsOnly(sg('sg-1', [], { IpPermissionsEgress: [perm('-1', undefined, undefined, '0.0.0.0/0')] })), 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('SecurityGroupRules win over IpPermissions for the same group and direction', () => {
      // Arrange: IpPermissions say tcp 22 is open; the group's SecurityGroupRules (with ids) say only 443.
      const snapshot = {
        SecurityGroups: [sshOpen()],
        SecurityGroupRules: [sgr('sgr-https', 'sg-1', 'tcp', [443, 443], '0.0.0.0/0')],
      };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('PASS');
    });
  });

  describe('exemption tags', () => {
    const at = (iso: string) => new Date(iso);
    const run = (tags: Record<string, string>, now?: Date) =>
      findingOf(audit(groupsOnly(sshOpen(tagged(tags))), [rule], {}, now), ID, 'sg-1');
    const ORIGINAL = {
      openPorts: [{ protocol: 'tcp', port: 22, sources: ['0.0.0.0/0'], rules: [{ protocol: 'tcp', ports: '22-22', source: '0.0.0.0/0' }] }],
      exposure: NO_NETWORK,
    };

    it('vpc-auditor:exempt = the rule id: PASS with exempted true and the waived evidence', () => {
      // Act
      const f = run({ 'vpc-auditor:exempt': ID });

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence.exempted).toBe(true);
      expect(f.evidence.waived).toEqual(ORIGINAL);
    });

    it('a comma list naming the rule among others exempts it', () => {
      // Act
      const f = run({ 'vpc-auditor:exempt': 'sg-rule-count, sg-no-public-admin-ports' });

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence.exempted).toBe(true);
    });

    it('vpc-auditor:exempt = all exempts it', () => {
      // Act
      const f = run({ 'vpc-auditor:exempt': 'all' });

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence.exempted).toBe(true);
      expect(f.evidence.waived).toEqual(ORIGINAL);
    });

    it('vpc-auditor:exempt = false exempts nothing', () => {
      // Act
      const f = run({ 'vpc-auditor:exempt': 'false' });

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('HIGH');
      expect(f.evidence).toEqual(ORIGINAL);
    });

    it('an exemption for another rule does not exempt this one', () => {
      // Act
      const findings = audit(groupsOnly(sshOpen(tagged({ 'vpc-auditor:exempt': 'sg-no-public-high-risk-ports' }))), [rule, highRisk]);

      // Assert
      expect(findingOf(findings, ID, 'sg-1').status).toBe('FAIL');
      expect(findingOf(findings, 'sg-no-public-high-risk-ports', 'sg-1').status).toBe('PASS');
      expect(findingOf(findings, 'sg-no-public-high-risk-ports', 'sg-1').evidence.exempted).toBe(true);
    });

    it('exempt-until in the future (date-time) still exempts', () => {
      // Act
      const f = run({ 'vpc-auditor:exempt': ID, 'vpc-auditor:exempt-until': '2026-11-22T13:00:00Z' }, at('2026-11-22T12:00:00Z'));

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence.exempted).toBe(true);
      expect(f.evidence.exemptUntil).toBe('2026-11-22T13:00:00Z');
    });

    it('exempt-until in the future (date) still exempts', () => {
      // Act
      const f = run({ 'vpc-auditor:exempt': ID, 'vpc-auditor:exempt-until': '2026-12-31' });

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence.exempted).toBe(true);
    });

    it('exempt-until in the past: FAIL with evidence.exemptionLapsed', () => {
      // Act
      const f = run({ 'vpc-auditor:exempt': ID, 'vpc-auditor:exempt-until': '2026-11-21' });

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('HIGH');
      expect(f.evidence).toMatchObject(ORIGINAL);
      expect(f.evidence.exemptionLapsed).toMatchObject({ value: ID, until: '2026-11-21' });
    });

    it('a date-only exempt-until covers its whole last UTC day', () => {
      // Arrange
      const tags = { 'vpc-auditor:exempt': ID, 'vpc-auditor:exempt-until': '2026-11-22' };

      // Act
      const lastSecond = run(tags, at('2026-11-22T23:59:59Z'));
      const nextDay = run(tags, at('2026-11-23T00:00:00Z'));

      // Assert
      expect(lastSecond.status).toBe('PASS');
      expect(lastSecond.evidence.exempted).toBe(true);
      expect(nextDay.status).toBe('FAIL');
      expect(nextDay.evidence.exemptionLapsed).toMatchObject({ until: '2026-11-22' });
    });

    it.each(['2026-02-31', 'next tuesday', '31/12/2099'])('an invalid exempt-until (%s) exempts nothing', (until) => {
      // Act
      const f = run({ 'vpc-auditor:exempt': ID, 'vpc-auditor:exempt-until': until });

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('HIGH');
      expect(f.evidence.exempted).toBeUndefined();
      expect(f.evidence.exemptionLapsed).toMatchObject({ until });
    });
  });

  describe('NOT_APPLICABLE', () => {
    it('tcp 3389 only through an unresolved customer prefix list: unknown, not empty', () => {
      // Arrange: the list is known by name, but its entries are not in the snapshot.
      const snapshot = {
        SecurityGroups: [sg('sg-1', [plPerm('tcp', 3389, 3389, 'pl-0cust')])],
        ManagedPrefixLists: [{ PrefixListId: 'pl-0cust', PrefixListName: 'partners', OwnerId: '111122223333' }],
      };

      // Act
      const f = check(rule, snapshot, 'sg-1');

      // Assert: PASS if the list is empty, FAIL if it is the internet (docs/semantics.md "Source set").
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.message).toBe('Undecided: the snapshot lacks the entries of prefix list pl-0cust (PASS if empty, FAIL if open to the internet).');
      expect(f.evidence).toEqual({ missingInputs: ['PrefixListEntries[pl-0cust]'], ifListsEmpty: 'PASS', ifListsOpen: 'FAIL' });
    });

    it('a snapshot without SecurityGroups gives one finding for "snapshot" naming the key', () => {
      // Act
      const f = check(rule, { Vpcs: [VPC], NetworkInterfaces: [] }, 'snapshot');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.resourceType).toBe(GROUP_TYPE);
      expect(f.evidence).toEqual({ missingInputs: ['SecurityGroups'] });
    });
  });
});
