import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../rules/engine/errors';
import { parseSnapshot } from '../../../rules/engine/parse-snapshot';
import { RESOURCE_KINDS } from '../../../rules/engine/resources';
import { SnapshotSchema } from '../../../rules/engine/snapshot-schema';
import { snapshotValidator } from '../../../rules/engine/snapshot-validator';
import sample from '../../../examples/sample-account.json';
import { entry } from '../../helpers';

const messageOf = (value: unknown) => {
  try {
    parseSnapshot(value, 'snap.json');
    return 'accepted';
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
};

describe('parseSnapshot', () => {
  it('accepts the sample account, raw AWS CLI output with extra keys included', () => {
    expect(messageOf(sample)).toBe('accepted');
    expect(messageOf({ ...sample, NextToken: 'abc', ResponseMetadata: {} })).toBe('accepted');
  });

  it.each([
    [{ SecurityGroups: [{ GroupId: 'sg-1', IpPermissions: {} }] }, 'snap.json: SecurityGroups[0].IpPermissions: expected array, received object'],
    [{ SecurityGroups: [{ GroupId: 'sg-1', IpPermissions: [{ IpProtocol: 'tcp', IpRanges: [{ CidrIp: '10.0.0.0/33' }] }] }] }, 'snap.json: SecurityGroups[0].IpPermissions[0].IpRanges[0].CidrIp: expected an IPv4 CIDR block such as 10.0.0.0/16'],
    [{ SecurityGroups: [{ GroupId: 'sg-1', IpPermissions: [{ IpProtocol: 'tcpp' }] }] }, 'snap.json: SecurityGroups[0].IpPermissions[0].IpProtocol: expected a protocol: "-1", tcp, udp, icmp, icmpv6 or a number 0-255'],
    [{ NetworkAcls: [{ NetworkAclId: 'acl-1', Entries: [{ RuleNumber: 100, Protocol: '6', RuleAction: 'permit', Egress: false }] }] }, 'snap.json: NetworkAcls[0].Entries[0].RuleAction: expected one of "allow"|"deny"'],
    [{ NetworkAcls: [{ NetworkAclId: 'acl-1', Entries: [{ RuleNumber: 1.5, Protocol: '6', RuleAction: 'allow', Egress: false }] }] }, 'snap.json: NetworkAcls[0].Entries[0].RuleNumber: expected int, received number'],
    [{ SecurityGroupRules: [{ SecurityGroupRuleId: 'sgr-1', GroupId: 'sg-1', IsEgress: 'no', IpProtocol: 'tcp' }] }, 'snap.json: SecurityGroupRules[0].IsEgress: expected boolean, received string'],
    [{ PrefixListEntries: { 'pl-1': [{ Cidr: 'nope' }] } }, 'snap.json: PrefixListEntries.pl-1[0].Cidr: expected a CIDR block'],
    // Ports EC2 never returns: above 65535 they cut the port space where no port exists.
    [{ SecurityGroups: [{ GroupId: 'sg-1', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 70000, ToPort: 70001 }] }] }, 'snap.json: SecurityGroups[0].IpPermissions[0].FromPort: expected a port from -1 to 65535'],
    [{ SecurityGroupRules: [{ SecurityGroupRuleId: 'sgr-1', GroupId: 'sg-1', IsEgress: false, IpProtocol: 'udp', FromPort: 53, ToPort: 65540 }] }, 'snap.json: SecurityGroupRules[0].ToPort: expected a port from -1 to 65535'],
    // Beyond safe integers too: the range is the error, not zod's bound on integers.
    [{ SecurityGroups: [{ GroupId: 'sg-1', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 1e20, ToPort: 22 }] }] }, 'snap.json: SecurityGroups[0].IpPermissions[0].FromPort: expected a port from -1 to 65535'],
    [{ NetworkAcls: [{ NetworkAclId: 'acl-1', Entries: [{ ...entry(100, 'allow', '6', '0.0.0.0/0'), RuleNumber: -1e20 }] }] }, 'snap.json: NetworkAcls[0].Entries[0].RuleNumber: expected an integer from 1 to 32768'],
    [{ NetworkAcls: [{ NetworkAclId: 'acl-1', Entries: [{ RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: false, PortRange: { From: -1, To: 22 } }] }] }, 'snap.json: NetworkAcls[0].Entries[0].PortRange.From: expected a port from 0 to 65535'],
    [{ NetworkAcls: [{ NetworkAclId: 'acl-1', Entries: [{ RuleNumber: 100, Protocol: '1', RuleAction: 'allow', Egress: false, IcmpTypeCode: { Type: 256 } }] }] }, 'snap.json: NetworkAcls[0].Entries[0].IcmpTypeCode.Type: expected an ICMP type or code from -1 to 255'],
    [[], 'snap.json: expected a JSON object with keys such as SecurityGroups and NetworkAcls'],
    // An empty port range is broken input, not "no port": it would PASS every port rule.
    [{ SecurityGroups: [{ GroupId: 'sg-1' }, { GroupId: 'sg-2', IpPermissionsEgress: [{ IpProtocol: '6', FromPort: 443, ToPort: 80 }] }] }, 'snap.json: SecurityGroups[1].IpPermissionsEgress[0]: FromPort 443 is above ToPort 80'],
    [{ SecurityGroupRules: [{ SecurityGroupRuleId: 'sgr-1', GroupId: 'sg-1', IsEgress: false, IpProtocol: 'tcp', FromPort: 22, ToPort: 21 }] }, 'snap.json: SecurityGroupRules[0]: FromPort 22 is above ToPort 21'],
    [{ NetworkAcls: [{ NetworkAclId: 'acl-1', Entries: [{ RuleNumber: 100, Protocol: '17', RuleAction: 'allow', Egress: false, PortRange: { From: 500, To: 53 } }] }] }, 'snap.json: NetworkAcls[0].Entries[0].PortRange: From 500 is above To 53'],
    // One id twice: two findings for one resource, and lookups see only one of them.
    [{ SecurityGroups: [{ GroupId: 'sg-1' }, { GroupId: 'sg-2' }, { GroupId: 'sg-1' }] }, 'snap.json: SecurityGroups[0] and SecurityGroups[2] both have GroupId sg-1'],
    [{ Subnets: [{ SubnetId: 'subnet-1' }, { SubnetId: 'subnet-1' }] }, 'snap.json: Subnets[0] and Subnets[1] both have SubnetId subnet-1'],
    [{ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-1' }, { NetworkInterfaceId: 'eni-1' }] }, 'snap.json: NetworkInterfaces[0] and NetworkInterfaces[1] both have NetworkInterfaceId eni-1'],
    // A NACL entry with no address (an allow that matches nothing would PASS), or with two.
    [{ NetworkAcls: [{ NetworkAclId: 'acl-1', Entries: [{ RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: false }] }] }, 'snap.json: NetworkAcls[0].Entries[0]: expected one of CidrBlock or Ipv6CidrBlock, got neither'],
    [{ NetworkAcls: [{ NetworkAclId: 'acl-1', Entries: [{ ...entry(100, 'allow', '-1', '0.0.0.0/0'), Ipv6CidrBlock: '::/0' }] }] }, 'snap.json: NetworkAcls[0].Entries[0]: expected one of CidrBlock or Ipv6CidrBlock, got both'],
    // One NACL rule number twice in a direction: whether the allow or the deny matches first would hang on list order.
    [
      { NetworkAcls: [{ NetworkAclId: 'acl-1', Entries: [entry(100, 'allow', '6', '0.0.0.0/0', [22, 22]), entry(100, 'allow', '-1', '::/0'), entry(100, 'allow', '6', '0.0.0.0/0', [22, 22], true), entry(100, 'deny', '-1', '10.0.0.0/8')] }] },
      'snap.json: NetworkAcls[0].Entries[0] and NetworkAcls[0].Entries[3] are both inbound rule 100',
    ],
    [
      { SecurityGroupRules: ['sg-1', 'sg-2'].map((GroupId) => ({ SecurityGroupRuleId: 'sgr-1', GroupId, IsEgress: false, IpProtocol: '-1' })) },
      'snap.json: SecurityGroupRules[0] and SecurityGroupRules[1] both have SecurityGroupRuleId sgr-1',
    ],
  ])('names the bad path on one line: %j', (input, message) => {
    const got = messageOf(input);
    expect(got).toBe(message);
    expect(got).not.toContain('\n');
  });

  it.each([
    ['ICMP type above code', { IpProtocol: 'icmp', FromPort: 8, ToPort: 0 }],
    ['all ports up to -1', { IpProtocol: 'tcp', FromPort: 22, ToPort: -1 }],
    ['ports of protocol -1', { IpProtocol: '-1', FromPort: 443, ToPort: 80 }],
  ])('accepts FromPort above ToPort where they are not a port range: %s', (_, permission) => {
    expect(messageOf({ SecurityGroups: [{ GroupId: 'sg-1', IpPermissions: [permission] }] })).toBe('accepted');
  });

  it('checks every resource list the engine names resources by, for one id twice', () => {
    for (const kind of Object.values(RESOURCE_KINDS)) {
      const item = { [kind.idField]: 'x-1' };
      expect(messageOf({ [kind.snapshotKey]: [item, item] })).toBe(`snap.json: ${kind.snapshotKey}[0] and ${kind.snapshotKey}[1] both have ${kind.idField} x-1`);
    }
  });

  it('the compiled fast path never accepts what the zod schema rejects (and vice versa)', () => {
    // Mutate the sample at random places with values of other types: the compiled validator's
    // decision (parseSnapshot's fast path) must equal zod's own on every input. (parseSnapshot
    // then checks what neither schema says, such as FromPort <= ToPort: not compared here.)
    const groups = sample.SecurityGroups as unknown as Record<string, unknown>[];
    const junk = fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.constant([]), fc.constant({}), fc.boolean(), fc.constantFrom('10.0.0.0/8', '::/0', 'tcp', '-1', '300'));
    const fields = ['IpPermissions', 'GroupId', 'VpcId', 'Tags', 'IpPermissionsEgress', 'OwnerId'];
    fc.assert(
      fc.property(fc.nat(groups.length - 1), fc.constantFrom(...fields), junk, fc.nat(3), (gi, field, value, depth) => {
        const copy = structuredClone(sample) as Record<string, unknown>;
        const g = (copy.SecurityGroups as Record<string, unknown>[])[gi];
        const perms = g.IpPermissions as Record<string, unknown>[];
        if (depth > 0 && perms.length > 0) {
          const p = perms[depth % perms.length];
          p[['IpProtocol', 'FromPort', 'IpRanges', 'Ipv6Ranges'][depth]] = value;
        } else {
          g[field] = value;
        }
        const zodAccepts = SnapshotSchema.safeParse(copy).success;
        expect(snapshotValidator()(copy)).toBe(zodAccepts);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with zod on a junk value in any field of any list item (each list has its own compiled item function)', () => {
    const lists = Object.entries(sample as Record<string, unknown>).filter(([, v]) => Array.isArray(v) && v.length > 0);
    const junk = fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.constant([]), fc.constant({}), fc.boolean(), fc.constantFrom('10.0.0.0/33', '::/0', 'up'));
    fc.assert(
      fc.property(fc.nat(lists.length - 1), fc.nat(), fc.nat(), junk, (li, ii, fi, value) => {
        const copy = structuredClone(sample) as Record<string, unknown>;
        const list = copy[lists[li][0]] as Record<string, unknown>[];
        const item = list[ii % list.length];
        const fields = Object.keys(item);
        item[fields[fi % fields.length]] = value;
        const zodAccepts = SnapshotSchema.safeParse(copy).success;
        expect(snapshotValidator()(copy)).toBe(zodAccepts);
      }),
      { numRuns: 500 },
    );
  });
});
