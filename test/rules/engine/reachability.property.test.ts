import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EvaluationContext } from '../../../rules/engine/context';
import { SnapshotModel } from '../../../rules/engine/model';
import { parseSnapshot } from '../../../rules/engine/parse-snapshot';
import { reachability, reachableClients } from '../../../rules/engine/reachability';
import { SettingsSchema } from '../../../rules/engine/settings';
import { NOW } from '../../helpers';

// A brute-force simulation of docs/semantics.md "Internet reachability of a network interface", one
// address and one port at a time, written without the engine's set arithmetic, compared with
// the engine's exact reachable set on random small networks.

const EPHEMERAL = { from: 10, to: 20 };
const V4 = (i: number) => `52.1.2.${i}`;
const V6 = (i: number) => `2600::${i.toString(16)}`;
const V4_POOL = ['0.0.0.0/0', '52.1.2.0/24', '52.1.2.0/25', '52.1.2.128/25', '52.1.2.64/26', '52.1.2.16/28', '52.1.2.7/32'];
const V6_POOL = ['::/0', '2600::/120', '2600::/121', '2600::80/121'];
const POOL = [...V4_POOL, ...V6_POOL];

/** Oracle containment: v4 by octets, v6 by the last 8 bits of 2600::X (all pool blocks are /0 or /120+). */
function holds(cidr: string, address: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const bits = Number(bitsText);
  if (cidr.includes(':') !== address.includes(':')) return false;
  if (!address.includes(':')) {
    const n = (a: string) => a.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
    const size = 2 ** (32 - bits);
    return Math.floor(n(base) / size) === Math.floor(n(address) / size);
  }
  if (bits === 0) return true;
  const last = (a: string) => Number.parseInt(a.split('::')[1] || '0', 16);
  const size = 2 ** (128 - bits);
  return Math.floor(last(base) / size) === Math.floor(last(address) / size);
}

const proto = fc.constantFrom('-1', '6', '17');
const ports = fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]);
const naclEntry = fc.record({ n: fc.integer({ min: 1, max: 200 }), allow: fc.boolean(), protocol: proto, cidr: fc.constantFrom(...POOL), ports, egress: fc.boolean() });
const route = fc.record({ dest: fc.constantFrom(...POOL), target: fc.constantFrom('igw-1', 'nat-1', 'blackhole', 'pcx-1') });
const sgPerm = fc.record({ protocol: proto, ports, cidr: fc.constantFrom(...POOL) });
const networkArb = fc.record({
  routes: fc.uniqueArray(route, { selector: (r) => r.dest, maxLength: 6 }),
  entries: fc.uniqueArray(naclEntry, { selector: (e) => `${e.egress}:${e.n}`, maxLength: 8 }),
  perms: fc.array(sgPerm, { maxLength: 5 }),
  publicIp: fc.boolean(),
  ipv6: fc.boolean(),
  // Without these, random NACLs and groups rarely let anything through and the other layers
  // (routes above all) would go untested: allow-all entries after the random ones, a broad rule.
  naclFallback: fc.boolean(),
  sgFallback: fc.boolean(),
}).map((net) => ({
  ...net,
  entries: net.naclFallback
    ? [...net.entries, ...[false, true].flatMap((egress) => ['0.0.0.0/0', '::/0'].map((cidr, i) => ({ n: 300 + i, allow: true, protocol: '-1', cidr, ports: [0, 0] as [number, number], egress })))]
    : net.entries,
  perms: net.sgFallback ? [...net.perms, { protocol: '-1', ports: [0, 0] as [number, number], cidr: '0.0.0.0/0' }, { protocol: '-1', ports: [0, 0] as [number, number], cidr: '::/0' }] : net.perms,
}));
type Net = typeof networkArb extends fc.Arbitrary<infer T> ? T : never;

function snapshotOf(net: Net) {
  const cidrKey = (c: string, v4: string, v6: string) => (c.includes(':') ? { [v6]: c } : { [v4]: c });
  return {
    Subnets: [{ SubnetId: 'subnet-1', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24' }],
    InternetGateways: [{ InternetGatewayId: 'igw-1', Attachments: [{ VpcId: 'vpc-1', State: 'available' }] }],
    RouteTables: [
      {
        RouteTableId: 'rtb-1',
        VpcId: 'vpc-1',
        Associations: [{ SubnetId: 'subnet-1' }],
        Routes: [
          { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' },
          ...net.routes.map((r) => ({
            ...cidrKey(r.dest, 'DestinationCidrBlock', 'DestinationIpv6CidrBlock'),
            ...(r.target === 'nat-1' ? { NatGatewayId: 'nat-1' } : r.target === 'pcx-1' ? { VpcPeeringConnectionId: 'pcx-1' } : { GatewayId: r.target === 'blackhole' ? 'igw-gone' : r.target }),
            State: r.target === 'blackhole' ? 'blackhole' : 'active',
          })),
        ],
      },
    ],
    NetworkAcls: [
      {
        NetworkAclId: 'acl-1',
        VpcId: 'vpc-1',
        Associations: [{ SubnetId: 'subnet-1' }],
        Entries: net.entries.map((e) => ({
          RuleNumber: e.n,
          RuleAction: e.allow ? 'allow' : 'deny',
          Protocol: e.protocol,
          Egress: e.egress,
          ...cidrKey(e.cidr, 'CidrBlock', 'Ipv6CidrBlock'),
          ...(e.protocol === '-1' ? {} : { PortRange: { From: e.ports[0], To: e.ports[1] } }),
        })),
      },
    ],
    SecurityGroups: [
      {
        GroupId: 'sg-1',
        IpPermissions: net.perms.map((p) => ({
          IpProtocol: p.protocol,
          ...(p.protocol === '-1' ? {} : { FromPort: p.ports[0], ToPort: p.ports[1] }),
          ...(p.cidr.includes(':') ? { Ipv6Ranges: [{ CidrIpv6: p.cidr }] } : { IpRanges: [{ CidrIp: p.cidr }] }),
        })),
      },
    ],
    NetworkInterfaces: [
      {
        NetworkInterfaceId: 'eni-1',
        SubnetId: 'subnet-1',
        ...(net.publicIp ? { Association: { PublicIp: '34.240.1.10' } } : {}),
        Ipv6Addresses: net.ipv6 ? [{ Ipv6Address: '2600:1f18::10' }] : [],
        Groups: [{ GroupId: 'sg-1' }],
      },
    ],
  };
}

/** The definition, for one client address, protocol and port. */
function oracle(net: Net, address: string, protocol: string, port: number): boolean {
  const v6 = address.includes(':');
  if (v6 ? !net.ipv6 : !net.publicIp) return false;
  const prefix = (c: string) => Number(c.split('/')[1]);
  const best = net.routes.filter((r) => holds(r.dest, address)).sort((a, b) => prefix(b.dest) - prefix(a.dest))[0];
  if (!best || best.target !== 'igw-1') return false;
  const firstMatch = (egress: boolean, p: number) => {
    const e = net.entries
      .filter((x) => x.egress === egress)
      .sort((a, b) => a.n - b.n)
      .find((x) => holds(x.cidr, address) && (x.protocol === '-1' || (x.protocol === protocol && x.ports[0] <= p && p <= x.ports[1])));
    return e?.allow ?? false;
  };
  if (!firstMatch(false, port)) return false;
  let out = false;
  for (let q = EPHEMERAL.from; q <= EPHEMERAL.to && !out; q++) out = firstMatch(true, q);
  if (!out) return false;
  return net.perms.some((p) => holds(p.cidr, address) && (p.protocol === '-1' || (p.protocol === protocol && p.ports[0] <= port && port <= p.ports[1])));
}

describe('internet reachability of an interface', () => {
  it('equals a per-address, per-port simulation of the definition on random small networks', () => {
    const addresses = [...Array.from({ length: 256 }, (_, i) => V4(i)), ...[0, 1, 0x7f, 0x80, 0xff].map(V6)];
    fc.assert(
      fc.property(networkArb, (net) => {
        const model = new SnapshotModel(parseSnapshot(snapshotOf(net)));
        const ctx = new EvaluationContext(model, SettingsSchema.parse({ ephemeralPorts: EPHEMERAL }), NOW);
        const eni = model.snapshot.NetworkInterfaces![0];
        for (const [protocol, number] of [['6', 6], ['17', 17]] as const) {
          for (const port of [0, 5, 9, 10, 15, 20, 21, 30]) {
            const clients = reachableClients(eni, number, port, ctx);
            expect(clients).not.toBeNull();
            for (const a of addresses) {
              if (clients!.has(a) !== oracle(net, a, protocol, port)) {
                throw new Error(`${protocol}/${port} ${a}: engine ${clients!.has(a)}, oracle ${!clients!.has(a)}`);
              }
            }
          }
        }
      }),
      { numRuns: 80 },
    );
  });

  it('the exposed ranges the rules read cover exactly the ports where that reachable set is internet-open', () => {
    // exposedRanges cuts the groups' open ranges at NACL boundaries instead of deciding each
    // port; checked against reachableClients (itself checked against the oracle above). With
    // internetMinPrefix /32 and /128 any public client counts, so small networks get exposed.
    const settings = SettingsSchema.parse({ ephemeralPorts: EPHEMERAL, internetMinPrefix: { ipv4: 32, ipv6: 128 } });
    const ports = [...Array.from({ length: 33 }, (_, i) => i), 1000, 65535];
    fc.assert(
      fc.property(networkArb, (net) => {
        const model = new SnapshotModel(parseSnapshot(snapshotOf(net)));
        const ctx = new EvaluationContext(model, settings, NOW);
        const eni = model.snapshot.NetworkInterfaces![0];
        const r = reachability(eni, ctx);
        if (!r.known) throw new Error(`undecidable: ${r.missing.join(', ')}`);
        for (const protocol of [6, 17]) {
          const ranges = r.exposed(protocol);
          for (const port of ports) {
            const range = ranges.find((e) => e.range.from <= port && port <= e.range.to);
            const clients = reachableClients(eni, protocol, port, ctx)!;
            expect({ protocol, port, exposed: range !== undefined }).toEqual({ protocol, port, exposed: !clients.isEmpty() });
            if (range && range.range.from === port) expect(range.clients.equals(clients)).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
