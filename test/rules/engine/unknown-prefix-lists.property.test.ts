import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import eniExposed from '../../../rules/catalog/interface/eni-no-internet-exposed-ports';
import natInstance from '../../../rules/catalog/interface/nat-instance-no-public-ingress';
import adminPorts from '../../../rules/catalog/security-group/sg-no-public-admin-ports';
import allTraffic from '../../../rules/catalog/security-group/sg-no-public-all-traffic';
import highRisk from '../../../rules/catalog/security-group/sg-no-public-high-risk-ports';
import authorized from '../../../rules/catalog/security-group/sg-public-ports-authorized';
import { audit, entry, findingOf } from '../../helpers';
import { network } from '../catalog/interface/network-fixture';

/*
 * docs/semantics.md "Source set": a customer prefix list whose entries the snapshot lacks is unknown.
 * Oracle: audit the same snapshot twice with the list's entries given, once empty and once
 * 0.0.0.0/0 + ::/0. Where both audits agree, the audit without entries must give that verdict
 * (and the message of the empty case: the proven part); where they differ, NOT_APPLICABLE
 * naming PrefixListEntries[pl-u]. Every reader of source sets is checked, reachability included:
 * the interface (eni-1, a NAT instance too) sits behind a random NACL, with or without a public IP.
 */
const LIST = 'pl-u';
const CIDRS = ['0.0.0.0/0', '0.0.0.0/1', '128.0.0.0/1', '10.0.0.0/8', '198.51.100.0/24', '::/0'] as const;
const PORTS = [0, 21, 22, 23, 80, 443, 1433, 3389, 8080, 65535];
const RULES = [adminPorts, highRisk, allTraffic, authorized, eniExposed, natInstance];
const SUBJECT: Record<string, string> = { SecurityGroup: 'sg-1', NetworkInterface: 'eni-1' };

type Json = Record<string, unknown>;

/** One IpPermissions item from CIDRs and, maybe, the unresolved list. */
const permArb: fc.Arbitrary<Json> = fc
  .record({
    protocol: fc.constantFrom('tcp', 'udp', '-1'),
    ports: fc.tuple(fc.constantFrom(...PORTS), fc.constantFrom(...PORTS)),
    cidrs: fc.uniqueArray(fc.constantFrom(...CIDRS), { maxLength: 2 }),
    list: fc.boolean(),
  })
  .map(({ protocol, ports: [a, b], cidrs, list }) => ({
    IpProtocol: protocol,
    ...(protocol === '-1' ? {} : { FromPort: Math.min(a, b), ToPort: Math.max(a, b) }),
    IpRanges: cidrs.filter((c) => !c.includes(':')).map((CidrIp) => ({ CidrIp })),
    Ipv6Ranges: cidrs.filter((c) => c.includes(':')).map((CidrIpv6) => ({ CidrIpv6 })),
    PrefixListIds: list ? [{ PrefixListId: LIST }] : [],
  }));

/** The list on one tcp/udp range, so every group names it at least once. */
const listPermArb: fc.Arbitrary<Json> = fc
  .record({ protocol: fc.constantFrom('tcp', 'udp'), ports: fc.tuple(fc.constantFrom(...PORTS), fc.constantFrom(...PORTS)) })
  .map(({ protocol, ports: [a, b] }) => ({ IpProtocol: protocol, FromPort: Math.min(a, b), ToPort: Math.max(a, b), PrefixListIds: [{ PrefixListId: LIST }] }));

const OUT_ALL = entry(100, 'allow', '-1', '0.0.0.0/0', undefined, true);
const NACLS: Json[][] = [
  [entry(100, 'allow', '-1', '0.0.0.0/0'), entry(101, 'allow', '-1', '::/0'), OUT_ALL, entry(101, 'allow', '-1', '::/0', undefined, true)],
  [entry(90, 'deny', '6', '0.0.0.0/0', [22, 22]), entry(100, 'allow', '-1', '0.0.0.0/0'), OUT_ALL],
  [entry(100, 'allow', '6', '0.0.0.0/0', [443, 443]), OUT_ALL],
  [entry(100, 'allow', '6', '0.0.0.0/1', [0, 65535]), OUT_ALL],
];

const caseArb = fc.record({
  ingress: fc.tuple(listPermArb, fc.array(permArb, { maxLength: 3 })).map(([list, more]) => [list, ...more]),
  naclEntries: fc.constantFrom(...NACLS),
  publicIp: fc.constantFrom(undefined, ''),
});

/** The case as a snapshot; `entries` undefined = the list's entries are not in the snapshot. */
function snapshotOf(c: { ingress: Json[]; naclEntries: Json[]; publicIp?: string }, entries?: string[]): Json {
  const snapshot = network({ ingress: c.ingress, naclEntries: c.naclEntries, publicIp: c.publicIp });
  // eni-1 is also a NAT instance: source/dest check off, and a (subnet-less) table routes to it.
  (snapshot.NetworkInterfaces as Json[])[0].SourceDestCheck = false;
  (snapshot.RouteTables as Json[]).push({ RouteTableId: 'rtb-nat', VpcId: 'vpc-1', Associations: [], Routes: [{ DestinationCidrBlock: '0.0.0.0/0', InstanceId: 'i-1', State: 'active' }] });
  snapshot.ManagedPrefixLists = [{ PrefixListId: LIST, PrefixListName: 'partners', OwnerId: '111122223333' }];
  if (entries) snapshot.PrefixListEntries = { [LIST]: entries.map((Cidr) => ({ Cidr })) };
  return snapshot;
}

describe('unresolved customer prefix lists (property)', () => {
  it('every source-set rule gives the verdict the list empty and the list the internet agree on, else NOT_APPLICABLE naming it', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        // Act
        const unknown = audit(snapshotOf(c), RULES);
        const empty = audit(snapshotOf(c, []), RULES);
        const internet = audit(snapshotOf(c, ['0.0.0.0/0', '::/0']), RULES);

        // Assert
        for (const rule of RULES) {
          const id = SUBJECT[rule.meta.resourceKind];
          const [u, e, o] = [unknown, empty, internet].map((findings) => findingOf(findings, rule.meta.id, id));
          const where = `${rule.meta.id}: empty ${e.status}, internet ${o.status}, unknown ${u.status} (${u.message})`;
          if (e.status === o.status) {
            expect(u.status, where).toBe(e.status);
            expect(u.message, where).toBe(e.message);
          } else {
            expect(u.status, where).toBe('NOT_APPLICABLE');
            expect(u.evidence.missingInputs, where).toEqual([`PrefixListEntries[${LIST}]`]);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
