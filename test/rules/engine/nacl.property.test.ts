import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EvaluationContext } from '../../../rules/engine/context';
import { type NaclDirection, naclView, type NaclView } from '../../../rules/engine/nacl';
import { shadowedEntries } from '../../../rules/engine/nacl-shadow';
import { SnapshotModel } from '../../../rules/engine/model';
import { parseSnapshot } from '../../../rules/engine/parse-snapshot';
import { DEFAULT_SETTINGS } from '../../../rules/engine/settings';
import { entry, nacl, NOW } from '../../helpers';
import { cidrBounds, ipv4ToNumber } from './public-ipv4-oracle';

/*
 * Oracle: docs/semantics.md "NACL effective allow", simulated address by address. Entries use CIDRs
 * inside 10.1.2.0/24 (prefix /24-/32) or 0.0.0.0/0 and tcp/udp ports inside 0..20, so the sample
 * below is exhaustive up to equivalence: every address outside 10.1.2.0/24 is held by exactly the
 * 0.0.0.0/0 entries (one sample stands for all of them), every tcp/udp port >= 21 is matched by
 * exactly the same entries as 21, and every protocol other than 1, 6, 17 only by "-1" entries (47
 * stands for them).
 */
const TCP = 6;
const UDP = 17;
const ICMP = 1;
const GRE = 47;
const MAX_PORT = 20;

interface GenEntry {
  ruleNumber: number;
  allow: boolean;
  protocol: '-1' | '6' | '17' | '1';
  cidr: string;
  ports?: [number, number];
  egress: boolean;
}

// ---- independent oracle -------------------------------------------------------------------------

/** Entries of one direction, sorted by RuleNumber, with their CIDR bounds parsed once. */
interface Oracle {
  ordered: Array<GenEntry & { lo: number; hi: number }>;
}

function oracleOf(entries: readonly GenEntry[]): Oracle {
  const ordered = [...entries].sort((x, y) => x.ruleNumber - y.ruleNumber).map((e) => {
    const [lo, hi] = cidrBounds(e.cidr);
    return { ...e, lo, hi };
  });
  return { ordered };
}

/**
 * The entry that decides (address, protocol, port), or undefined (no match = deny). `address` is
 * the IPv4 address as a number, or null for an IPv6 address (every generated entry is IPv4).
 */
function firstMatch(oracle: Oracle, address: number | null, protocol: number, port: number): GenEntry | undefined {
  if (address === null) return undefined;
  for (const e of oracle.ordered) {
    if (address < e.lo || address > e.hi) continue;
    if (e.protocol === '-1') return e;
    if (Number(e.protocol) !== protocol) continue;
    if ((protocol === TCP || protocol === UDP) && e.ports && (port < e.ports[0] || port > e.ports[1])) continue;
    return e;
  }
  return undefined;
}

// ---- sample space -------------------------------------------------------------------------------

const INSIDE = Array.from({ length: 256 }, (_, i) => `10.1.2.${i}`);
const OUTSIDE = ['10.1.1.255', '10.1.3.0', '0.0.0.0', '8.8.8.8', '203.0.113.7', '255.255.255.255', '2001:db8::1'];
const ADDRESSES = [...INSIDE, ...OUTSIDE].map((text) => ({ text, value: text.includes(':') ? null : ipv4ToNumber(text) }));
const PORTS = Array.from({ length: MAX_PORT + 2 }, (_, i) => i); // 0..21

/** Every (protocol, port) class of traffic: tcp/udp on 0..21, icmp, and one other protocol. */
const TRAFFIC: Array<{ protocol: number; port: number }> = [
  ...PORTS.flatMap((port) => [TCP, UDP].map((protocol) => ({ protocol, port }))),
  { protocol: ICMP, port: 0 },
  { protocol: GRE, port: 0 },
];

// ---- generators ---------------------------------------------------------------------------------

/** A CIDR inside 10.1.2.0/24 with prefix /24-/32, or (1 time in 10) 0.0.0.0/0. */
const cidrArb: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.record({ start: fc.integer({ min: 0, max: 255 }), hostBits: fc.integer({ min: 0, max: 8 }) }).map(({ start, hostBits }) => {
      const size = 2 ** hostBits;
      return `10.1.2.${start - (start % size)}/${32 - hostBits}`;
    }),
  },
  { weight: 1, arbitrary: fc.constant('0.0.0.0/0') },
);

const portRangeArb = fc
  .tuple(fc.integer({ min: 0, max: MAX_PORT }), fc.integer({ min: 0, max: MAX_PORT }))
  .map(([a, b]): [number, number] => [Math.min(a, b), Math.max(a, b)]);

const entryArb: fc.Arbitrary<GenEntry> = fc
  .record({
    ruleNumber: fc.integer({ min: 1, max: 60 }),
    allow: fc.boolean(),
    protocol: fc.constantFrom('-1' as const, '6' as const, '17' as const, '1' as const),
    cidr: cidrArb,
    ports: portRangeArb,
    egress: fc.boolean(),
  })
  .map((e) => (e.protocol === '6' || e.protocol === '17' ? e : { ...e, ports: undefined }));

/** Entries in random array order; rule numbers unique per direction, as EC2 enforces. */
const entriesArb = fc.uniqueArray(entryArb, { maxLength: 10, selector: (e) => `${e.egress}:${e.ruleNumber}` });

const catchAll = (egress: boolean): GenEntry => ({ ruleNumber: 32767, allow: false, protocol: '-1', cidr: '0.0.0.0/0', egress });

/** Sometimes append the catch-all denies, which AWS puts in every NACL. */
const naclArb = fc
  .tuple(entriesArb, fc.boolean())
  .map(([entries, withCatchAll]) => (withCatchAll ? [...entries, catchAll(false), catchAll(true)] : entries));

// ---- engine under test --------------------------------------------------------------------------

/** Builds the engine's view through the same path the rules use (snapshot validation, sorting). */
function viewOf(entries: readonly GenEntry[]): NaclView {
  const snapshot = {
    NetworkAcls: [nacl('acl-p', entries.map((e) => entry(e.ruleNumber, e.allow ? 'allow' : 'deny', e.protocol, e.cidr, e.ports, e.egress)))],
  };
  const model = new SnapshotModel(parseSnapshot(snapshot));
  const ctx = new EvaluationContext(model, DEFAULT_SETTINGS, NOW);
  return naclView(model.networkAcls[0], ctx);
}

const DIRECTIONS = [
  { name: 'inbound', egress: false },
  { name: 'outbound', egress: true },
] as const;

const directionOf = (view: NaclView, egress: boolean): NaclDirection => (egress ? view.outbound : view.inbound);
const oracleFor = (entries: readonly GenEntry[], egress: boolean) => oracleOf(entries.filter((e) => e.egress === egress));

const RUNS = { numRuns: 200 };

describe('NACL first-match engine (property)', () => {
  it('allowed(protocol, port) agrees with a per-address first-match simulation', () => {
    fc.assert(
      fc.property(naclArb, (entries) => {
        // Arrange
        const view = viewOf(entries);
        for (const { egress } of DIRECTIONS) {
          const direction = directionOf(view, egress);
          const oracle = oracleFor(entries, egress);
          for (const { protocol, port } of TRAFFIC) {
            // Act
            const allowed = direction.allowed(protocol, port).addresses;

            // Assert
            for (const address of ADDRESSES) {
              const expected = firstMatch(oracle, address.value, protocol, port)?.allow === true;
              if (allowed.has(address.text) !== expected) {
                throw new Error(`egress=${egress} protocol ${protocol} port ${port} address ${address.text}: engine ${!expected}, oracle ${expected}`);
              }
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('the hits of allowed() are the allow entries that are the first match for their addresses', () => {
    fc.assert(
      fc.property(naclArb, (entries) => {
        // Arrange
        const view = viewOf(entries);
        for (const { egress } of DIRECTIONS) {
          const oracle = oracleFor(entries, egress);
          for (const { protocol, port } of TRAFFIC) {
            // Act
            const { hits } = directionOf(view, egress).allowed(protocol, port);

            // Assert: every address a hit claims is first-matched by that very entry (in the sample).
            for (const hit of hits) {
              expect(hit.entry.allow).toBe(true);
              for (const address of ADDRESSES) {
                if (!hit.addresses.has(address.text)) continue;
                const first = firstMatch(oracle, address.value, protocol, port)?.ruleNumber;
                if (first !== hit.entry.ruleNumber) {
                  throw new Error(`egress=${egress} protocol ${protocol} port ${port} address ${address.text}: hit ${hit.entry.ruleNumber}, oracle ${first}`);
                }
              }
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('pieces() are contiguous, non-overlapping, cover the query range, and decide alike at every port', () => {
    const rangeArb = fc.oneof(
      portRangeArb.map(([from, to]) => ({ from, to: to + 5 })), // may reach past every boundary
      fc.constant({ from: 0, to: 65535 }),
    );
    fc.assert(
      fc.property(naclArb, fc.constantFrom(TCP, UDP), rangeArb, fc.boolean(), (entries, protocol, range, egress) => {
        // Arrange
        const direction = directionOf(viewOf(entries), egress);

        // Act
        const pieces = direction.pieces(protocol, range);

        // Assert: a partition of the range, in order.
        expect(pieces.length).toBeGreaterThan(0);
        expect(pieces[0].from).toBe(range.from);
        expect(pieces[pieces.length - 1].to).toBe(range.to);
        for (let i = 0; i < pieces.length; i++) {
          expect(pieces[i].from).toBeLessThanOrEqual(pieces[i].to);
          if (i > 0) expect(pieces[i].from).toBe(pieces[i - 1].to + 1);
        }
        // Assert: one decision per piece; every port of a short piece, else both ends, the middle
        // and the first ports (entries only name ports 0..20, so long pieces are uniform past 21).
        for (const piece of pieces) {
          const reference = direction.allowed(protocol, piece.from).addresses;
          const mid = piece.from + Math.floor((piece.to - piece.from) / 2);
          const ports =
            piece.to - piece.from <= 32
              ? Array.from({ length: piece.to - piece.from + 1 }, (_, i) => piece.from + i)
              : [piece.from + 1, piece.from + 2, MAX_PORT + 1, mid, piece.to].filter((p) => p >= piece.from && p <= piece.to);
          for (const port of ports) {
            if (!direction.allowed(protocol, port).addresses.equals(reference)) {
              throw new Error(`piece ${piece.from}-${piece.to}: port ${port} decides differently from port ${piece.from}`);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('pieces() of a port-less protocol is the query range itself', () => {
    fc.assert(
      fc.property(naclArb, fc.constantFrom(ICMP, GRE), (entries, protocol) => {
        // Arrange
        const direction = viewOf(entries).inbound;

        // Act
        const pieces = direction.pieces(protocol, { from: 0, to: 65535 });

        // Assert
        expect(pieces).toEqual([{ from: 0, to: 65535 }]);
      }),
      RUNS,
    );
  });

  it('a shadowed entry is never the first match (soundness), and its shadowers come before it', () => {
    fc.assert(
      fc.property(naclArb, (entries) => {
        // Arrange
        const view = viewOf(entries);
        for (const { egress } of DIRECTIONS) {
          const oracle = oracleFor(entries, egress);

          // Act
          const shadowed = shadowedEntries(directionOf(view, egress));

          // Assert
          for (const s of shadowed) {
            expect(s.ruleNumber).not.toBe(32767);
            expect(s.shadowedBy.length).toBeGreaterThan(0);
            for (const by of s.shadowedBy) expect(by).toBeLessThan(s.ruleNumber);
            for (const { protocol, port } of TRAFFIC) {
              for (const address of ADDRESSES) {
                const first = firstMatch(oracle, address.value, protocol, port);
                if (first?.ruleNumber === s.ruleNumber) {
                  throw new Error(`egress=${egress}: entry ${s.ruleNumber} reported shadowed but decides ${address.text} protocol ${protocol} port ${port}`);
                }
              }
            }
          }
        }
      }),
      RUNS,
    );
  });
});
