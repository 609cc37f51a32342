import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import adminPorts from '../../../rules/catalog/security-group/sg-no-public-admin-ports';
import { EvaluationContext } from '../../../rules/engine/context';
import { SnapshotModel } from '../../../rules/engine/model';
import { parseSnapshot } from '../../../rules/engine/parse-snapshot';
import { DEFAULT_SETTINGS } from '../../../rules/engine/settings';
import { type DirectionExposure, directionExposure, openAt, openRanges } from '../../../rules/engine/sg-exposure';
import { audit, findingOf, NOW, perm, sg } from '../../helpers';
import { DEFAULT_IPV4_THRESHOLD, publicIpv4Count } from './public-ipv4-oracle';

/*
 * Oracle: docs/semantics.md "Source set" and "Internet-open", computed independently of the engine.
 *
 * Sources come from a fixed pool. IPv4 internet-openness of a union is decided exactly below, by
 * merging the union's intervals and subtracting the non-public blocks (own interval code, numbers
 * up to 2^32 are exact in a double). IPv6 needs no counting: the pool's IPv6 members are ::/0 and
 * 2600:1f00::/24 (each alone holds at least 2^96 public addresses: open), fd00::/8 (outside
 * 2000::/3: no public address) and 2001:db8:1::/48 (2^80 public addresses). Without one of the
 * first two, a union holds at most 2^80 < 2^96 public IPv6 addresses, so a union is open on the
 * IPv6 side exactly when it contains ::/0 or 2600:1f00::/24.
 *
 * Ports: generated ranges lie inside 0..40, so every port >= 41 is covered by exactly the same
 * rules as 41 (only rules with absent/-1 ports or IpProtocol "-1"); probing 0..41 and 65535 is
 * exhaustive up to equivalence. ICMP is covered only by "-1" rules and stands for every protocol
 * no rule names.
 */
const TCP = 6;
const UDP = 17;
const ICMP = 1;
const MAX_PORT = 40;
const PROBE_PORTS = [...Array.from({ length: MAX_PORT + 2 }, (_, i) => i), 65535]; // 0..41, 65535

const POOL = [
  // private / not public
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.1.0/24',
  '100.64.0.0/10',
  // small public blocks
  '198.51.100.0/24',
  '203.0.113.0/24',
  '52.1.2.0/24',
  // two /17 halves: together exactly a /16 (open), each alone not
  '52.0.0.0/17',
  '52.0.128.0/17',
  // internet-open alone or in pairs
  '0.0.0.0/1',
  '128.0.0.0/1',
  '0.0.0.0/0',
  '52.0.0.0/8',
  // IPv6 (see the comment above)
  '::/0',
  '2600:1f00::/24',
  'fd00::/8',
  '2001:db8:1::/48',
] as const;
type Source = (typeof POOL)[number];

const IPV6_OPEN: readonly string[] = ['::/0', '2600:1f00::/24'];
const IPV6_PUBLIC: readonly string[] = ['::/0', '2600:1f00::/24', '2001:db8:1::/48'];

// ---- independent oracle (public-ipv4-oracle.ts counts public IPv4) ----------------------------

function internetOpen(sources: readonly string[]): boolean {
  return sources.some((s) => IPV6_OPEN.includes(s)) || publicIpv4Count(sources) >= DEFAULT_IPV4_THRESHOLD;
}

function hasPublicAddress(source: string): boolean {
  return source.includes(':') ? IPV6_PUBLIC.includes(source) : publicIpv4Count([source]) > 0;
}

// ---- generated groups ---------------------------------------------------------------------------

type GenProtocol = '-1' | 'tcp' | 'udp' | '6';
type GenPorts = [number, number] | 'absent' | 'minus1';

interface GenPerm {
  protocol: GenProtocol;
  ports: GenPorts;
  sources: Source[];
}

interface GenGroup {
  perms: GenPerm[];
  /** true: written as SecurityGroupRules entries (with ids); false: as IpPermissions. */
  asRules: boolean;
}

const portsArb: fc.Arbitrary<GenPorts> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.nat(MAX_PORT), fc.nat(MAX_PORT)).map(([a, b]): [number, number] => [Math.min(a, b), Math.max(a, b)]) },
  { weight: 1, arbitrary: fc.constant('absent' as const) },
  { weight: 1, arbitrary: fc.constant('minus1' as const) },
);

const permArb: fc.Arbitrary<GenPerm> = fc.record({
  protocol: fc.constantFrom<GenProtocol>('-1', 'tcp', 'udp', '6'),
  ports: portsArb,
  sources: fc.uniqueArray(fc.constantFrom(...POOL), { minLength: 1, maxLength: 3 }),
});

const groupArb = (asRules: fc.Arbitrary<boolean>): fc.Arbitrary<GenGroup> =>
  fc.record({ perms: fc.array(permArb, { maxLength: 6 }), asRules });

const ruleId = (i: number, j: number) => `sgr-${i}-${j}`;

function wirePorts(p: GenPerm): [number, number] | undefined {
  if (p.protocol === '-1' || p.ports === 'absent') return undefined;
  return p.ports === 'minus1' ? [-1, -1] : p.ports;
}

function snapshotOf(group: GenGroup): Record<string, unknown> {
  if (!group.asRules) {
    const permissions = group.perms.map((p) => {
      const ports = wirePorts(p);
      return perm(p.protocol, ports?.[0], ports?.[1], ...p.sources);
    });
    return { SecurityGroups: [sg('sg-p', permissions)] };
  }
  const entries = group.perms.flatMap((p, i) =>
    p.sources.map((source, j) => {
      const ports = wirePorts(p);
      return {
        SecurityGroupRuleId: ruleId(i, j),
        GroupId: 'sg-p',
        IsEgress: false,
        IpProtocol: p.protocol,
        ...(ports ? { FromPort: ports[0], ToPort: ports[1] } : {}),
        ...(source.includes(':') ? { CidrIpv6: source } : { CidrIpv4: source }),
      };
    }),
  );
  return { SecurityGroups: [sg('sg-p')], SecurityGroupRules: entries };
}

/** docs/semantics.md "Source set": IpProtocol -1, or the same protocol and the port in range. */
function oracleCovers(p: GenPerm, protocol: number, port: number): boolean {
  if (p.protocol === '-1') return true;
  if ((p.protocol === 'udp' ? UDP : TCP) !== protocol) return false;
  return p.ports === 'absent' || p.ports === 'minus1' || (p.ports[0] <= port && port <= p.ports[1]);
}

function oracleOpen(group: GenGroup, protocol: number, port: number): boolean {
  return internetOpen(group.perms.filter((p) => oracleCovers(p, protocol, port)).flatMap((p) => p.sources));
}

// ---- engine under test --------------------------------------------------------------------------

/** The ingress exposure through the path rules use (snapshot validation, model, context). */
function exposureOf(group: GenGroup): { exp: DirectionExposure; ctx: EvaluationContext } {
  const model = new SnapshotModel(parseSnapshot(snapshotOf(group)));
  const ctx = new EvaluationContext(model, DEFAULT_SETTINGS, NOW);
  return { exp: directionExposure(model.securityGroups[0], false, ctx), ctx };
}

const RUNS = { numRuns: 200 };
const PORT_PROTOCOLS = [TCP, UDP];
const ADMIN = [22, 3389].flatMap((port) => [TCP, UDP].map((protocol) => ({ protocol, port })));
const label = (protocol: number) => (protocol === TCP ? 'tcp' : 'udp');

describe('security-group ingress exposure (property)', () => {
  it('openAt(protocol, port) is defined exactly when the oracle finds the covering sources internet-open', () => {
    fc.assert(
      fc.property(groupArb(fc.boolean()), (group) => {
        // Arrange
        const { exp, ctx } = exposureOf(group);
        const probes = [...PORT_PROTOCOLS.flatMap((protocol) => PROBE_PORTS.map((port) => ({ protocol, port }))), { protocol: ICMP, port: 0 }];
        for (const { protocol, port } of probes) {
          // Act
          const engine = openAt(exp, protocol, port, ctx) !== undefined;

          // Assert
          const expected = oracleOpen(group, protocol, port);
          if (engine !== expected) throw new Error(`protocol ${protocol} port ${port}: engine ${engine}, oracle ${expected}`);
        }
      }),
      RUNS,
    );
  });

  it('openRanges(tcp/udp) are sorted, disjoint, open at every port inside and closed at every probed port outside', () => {
    fc.assert(
      fc.property(groupArb(fc.boolean()), (group) => {
        // Arrange
        const { exp, ctx } = exposureOf(group);
        for (const protocol of PORT_PROTOCOLS) {
          // Act
          const ranges = openRanges(exp, protocol, ctx);

          // Assert: well-formed, in order, no overlap.
          for (let i = 0; i < ranges.length; i++) {
            const { from, to } = ranges[i].range;
            expect(ranges[i].protocol).toBe(protocol);
            expect(0 <= from && from <= to && to <= 65535).toBe(true);
            if (i > 0) expect(from).toBeGreaterThan(ranges[i - 1].range.to);
          }
          // Assert: inside = open, outside = closed (ports past 41 behave as 41 and 65535 do).
          const inside = (port: number) => ranges.some((r) => r.range.from <= port && port <= r.range.to);
          const checked = new Set([...PROBE_PORTS, ...ranges.flatMap((r) => [r.range.from, r.range.to])]);
          for (const port of checked) {
            if (inside(port) !== oracleOpen(group, protocol, port)) {
              throw new Error(`${label(protocol)} ${port}: inside an open range ${inside(port)}, oracle open ${!inside(port)}`);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('sg-no-public-admin-ports fails exactly on the admin ports the oracle finds open', () => {
    fc.assert(
      fc.property(groupArb(fc.boolean()), (group) => {
        // Arrange
        const expected = ADMIN.filter(({ protocol, port }) => oracleOpen(group, protocol, port)).map(({ protocol, port }) => `${label(protocol)} ${port}`);

        // Act
        const f = findingOf(audit(snapshotOf(group), [adminPorts]), adminPorts.meta.id, 'sg-p');

        // Assert
        expect(f.status).toBe(expected.length > 0 ? 'FAIL' : 'PASS');
        const open = (f.evidence.openPorts as Array<{ protocol: string; port: number }> | undefined) ?? [];
        expect(open.map((o) => `${o.protocol} ${o.port}`)).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('the rules of an open range are exactly the public rules covering each of its ports', () => {
    // The rules are what revoke-public-ingress acts on (docs/semantics.md "Remediation kinds": every
    // ingress rule that covers an offending port and contributes public addresses).
    fc.assert(
      fc.property(groupArb(fc.constant(true)), (group) => {
        // Arrange
        const { exp, ctx } = exposureOf(group);
        for (const protocol of PORT_PROTOCOLS) {
          for (const port of PROBE_PORTS) {
            // Act
            const open = openAt(exp, protocol, port, ctx);
            if (!open) continue;

            // Assert
            const expected = group.perms
              .flatMap((p, i) => (oracleCovers(p, protocol, port) ? p.sources.map((s, j) => ({ s, id: ruleId(i, j) })) : []))
              .filter(({ s }) => hasPublicAddress(s))
              .map(({ id }) => id)
              .sort();
            const actual = open.rules.map((r) => r.ruleId ?? '?').sort();
            if (JSON.stringify(actual) !== JSON.stringify(expected)) {
              throw new Error(`${label(protocol)} ${port}: engine rules ${actual.join(',')}, oracle ${expected.join(',')}`);
            }
          }
        }
      }),
      RUNS,
    );
  });
});

// The oracle's own arithmetic, pinned on the catalog's examples so a wrong oracle cannot agree
// with a wrong engine.
describe('oracle self-check', () => {
  it.each([
    [['0.0.0.0/0'], true],
    [['0.0.0.0/1', '128.0.0.0/1'], true],
    [['52.0.0.0/8'], true],
    [['::/0'], true],
    [['198.51.100.0/24'], false],
    [['52.0.0.0/17'], false],
    [['52.0.0.0/17', '52.0.128.0/17'], true],
    [['10.0.0.0/8', '172.16.0.0/12', '100.64.0.0/10'], false],
    [['fd00::/8', '2001:db8:1::/48'], false],
  ])('%j internet-open: %s', (sources, expected) => {
    expect(internetOpen(sources)).toBe(expected);
  });

  it('counts public IPv4 exactly', () => {
    expect(publicIpv4Count(['0.0.0.0/0'])).toBe(2 ** 32 - 2 ** 24 * 3 - 2 ** 22 - 2 ** 16 * 2 - 2 ** 20 - 2 ** 29);
    expect(publicIpv4Count(['52.0.0.0/17', '52.0.0.0/17'])).toBe(2 ** 15);
    expect(publicIpv4Count(['10.0.0.0/8'])).toBe(0);
  });
});
