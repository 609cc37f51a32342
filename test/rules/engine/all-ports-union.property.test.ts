import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import allTraffic from '../../../rules/catalog/security-group/sg-no-public-all-traffic';
import { check, perm, sg } from '../../helpers';
import { DEFAULT_IPV4_THRESHOLD, publicIpv4Count } from './public-ipv4-oracle';

/*
 * Oracle for sg-no-public-all-traffic (docs/semantics.md row): FAIL when the sources of "-1" rules are
 * internet-open, or when every port 1-65535 of tcp (or of udp) has an internet-open source set,
 * checked by brute force port by port, independently of the engine's range cutting.
 *
 * Port bounds are drawn mostly from values around the usual split points, so unions that cover
 * exactly 1-65535, or miss one port, come up often. IPv6 needs no counting: ::/0 alone is open,
 * 2001:db8:1::/48 holds 2^80 < 2^96 public addresses and is never open, alone or with it.
 */
const POOL = ['0.0.0.0/0', '0.0.0.0/1', '128.0.0.0/1', '10.0.0.0/8', '192.168.0.0/16', '198.51.100.0/24', '52.0.0.0/17', '52.0.128.0/17', '::/0', '2001:db8:1::/48'] as const;
const BOUNDS = [0, 1, 2, 21, 22, 23, 1023, 1024, 32767, 32768, 65533, 65534, 65535];
const TCP = 6;
const UDP = 17;

interface GenRule {
  protocol: '-1' | 'tcp' | 'udp';
  from: number;
  to: number;
  sources: string[];
}

const portArb = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...BOUNDS) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 65535 }) });

const ruleArb: fc.Arbitrary<GenRule> = fc.record({
  protocol: fc.oneof({ weight: 1, arbitrary: fc.constant('-1' as const) }, { weight: 12, arbitrary: fc.constantFrom('tcp' as const, 'udp' as const) }),
  // Half the ranges start at the bottom or end at the top, as a split of the whole range does.
  ports: fc.oneof(fc.tuple(portArb, portArb), fc.tuple(fc.constantFrom(0, 1, 2), portArb), fc.tuple(portArb, fc.constantFrom(65534, 65535))),
  sources: fc.uniqueArray(fc.constantFrom(...POOL), { minLength: 1, maxLength: 2 }),
}).map(({ protocol, ports: [a, b], sources }) => ({ protocol, from: Math.min(a, b), to: Math.max(a, b), sources }));

/**
 * Rules that tile a protocol's port range from cut points, each from random sources, with an
 * optional off-by-one gap or overlap at a cut: unions that hold every port 1-65535, or all but
 * one, come up often, which random ranges alone rarely produce.
 */
const splitArb: fc.Arbitrary<GenRule[]> = fc
  .record({
    protocol: fc.constantFrom('tcp' as const, 'udp' as const),
    start: fc.constantFrom(0, 1, 2),
    end: fc.constantFrom(65534, 65535),
    cuts: fc.uniqueArray(fc.integer({ min: 3, max: 65533 }), { minLength: 1, maxLength: 3 }),
    shift: fc.constantFrom(-1, 0, 0, 0, 1),
    // Mostly sources that are internet-open alone or in pairs, so whole tilings are common.
    sources: fc.array(
      fc.uniqueArray(fc.oneof({ weight: 3, arbitrary: fc.constantFrom('0.0.0.0/0', '::/0', '0.0.0.0/1', '128.0.0.0/1') }, { weight: 1, arbitrary: fc.constantFrom(...POOL) }), {
        minLength: 1,
        maxLength: 2,
      }),
      { minLength: 4, maxLength: 4 },
    ),
  })
  .map(({ protocol, start, end, cuts, shift, sources }) => {
    const points = [...cuts].sort((a, b) => a - b);
    const froms = [start, ...points];
    const tos = [...points.map((p, i) => (i === 0 ? p - 1 + shift : p - 1)), end];
    return froms.map((from, i) => ({ protocol, from, to: Math.max(from, tos[i]), sources: sources[i] }));
  });

function internetOpen(sources: readonly string[]): boolean {
  return sources.includes('::/0') || publicIpv4Count(sources) >= DEFAULT_IPV4_THRESHOLD;
}

/** Whether every port 1-65535 of the protocol has an internet-open source set. */
function everyPortOpen(rules: readonly GenRule[], protocol: number): boolean {
  const name = protocol === TCP ? 'tcp' : 'udp';
  // The source set of a port depends only on which rules cover it: decide each cover once.
  const decided = new Map<number, boolean>();
  for (let port = 1; port <= 65535; port++) {
    let mask = 0;
    rules.forEach((r, i) => {
      if (r.protocol === '-1' || (r.protocol === name && r.from <= port && port <= r.to)) mask |= 1 << i;
    });
    let open = decided.get(mask);
    if (open === undefined) {
      open = internetOpen(rules.filter((_, i) => mask & (1 << i)).flatMap((r) => r.sources));
      decided.set(mask, open);
    }
    if (!open) return false;
  }
  return true;
}

/** The protocols the finding should name: ['all'], or the port protocols open on every port. */
function expectedProtocols(rules: readonly GenRule[]): string[] {
  if (internetOpen(rules.filter((r) => r.protocol === '-1').flatMap((r) => r.sources))) return ['all'];
  return [TCP, UDP].filter((p) => everyPortOpen(rules, p)).map((p) => (p === TCP ? 'tcp' : 'udp'));
}

/** Random rules, or a split of the port range next to a few random rules. */
const rulesArb: fc.Arbitrary<GenRule[]> = fc.oneof(
  fc.array(ruleArb, { minLength: 1, maxLength: 5 }),
  fc.tuple(splitArb, fc.array(ruleArb, { maxLength: 2 })).map(([split, more]) => [...split, ...more]),
);

const snapshotOf = (rules: readonly GenRule[]) => ({
  SecurityGroups: [sg('sg-p', rules.map((r) => (r.protocol === '-1' ? perm('-1', undefined, undefined, ...r.sources) : perm(r.protocol, r.from, r.to, ...r.sources))))],
});

describe('sg-no-public-all-traffic against a per-port brute force (property)', () => {
  it('FAILs exactly when "-1" sources or every tcp/udp port 1-65535 are internet-open, naming those protocols', () => {
    fc.assert(
      fc.property(rulesArb, (rules) => {
        // Arrange
        const expected = expectedProtocols(rules);

        // Act
        const f = check(allTraffic, snapshotOf(rules), 'sg-p');

        // Assert
        expect(f.status).toBe(expected.length > 0 ? 'FAIL' : 'PASS');
        if (expected.length > 0) expect(f.evidence.protocols).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  // The brute force pinned on the catalog's own examples, so a wrong oracle cannot agree with a wrong engine.
  it.each([
    [[{ protocol: 'tcp', from: 0, to: 32767, sources: ['0.0.0.0/0'] }, { protocol: 'tcp', from: 32768, to: 65535, sources: ['0.0.0.0/0'] }], ['tcp']],
    [[{ protocol: 'tcp', from: 1, to: 65534, sources: ['0.0.0.0/0'] }], []],
    [[{ protocol: 'tcp', from: 0, to: 65535, sources: ['0.0.0.0/1'] }, { protocol: 'tcp', from: 0, to: 65535, sources: ['128.0.0.0/1'] }], ['tcp']],
    [[{ protocol: 'udp', from: 0, to: 65535, sources: ['52.0.0.0/17'] }], []],
    [[{ protocol: '-1', from: 0, to: 65535, sources: ['10.0.0.0/8'] }, { protocol: 'udp', from: 1, to: 65535, sources: ['::/0'] }], ['udp']],
  ] as Array<[GenRule[], string[]]>)('oracle self-check %#', (rules, expected) => {
    expect(expectedProtocols(rules)).toEqual(expected);
  });
});
