import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AddressSet } from '../../../rules/engine/address-set';
import { ExposurePolicy, isGlobalIpv6Address } from '../../../rules/engine/public-address';
import { z } from 'zod';

// Oracle: sets of addresses inside a small block, held as plain bitmaps and computed address by
// address. The interval code must agree with it on every operation.
const V4_BASE = 0xc0000200; // 192.0.2.0/24
const V6_BASE = 0x20010db8n << 96n; // 2001:db8::/120
const SIZE = 256;

const v4 = (i: number) => `${192}.0.2.${i}`;
const v6 = (i: number) => `2001:db8::${i.toString(16)}`;

/** A random CIDR inside the block: prefix /24-/32 (v4) or /120-/128 (v6). */
const cidrIn = (family: 'v4' | 'v6') =>
  fc.record({ start: fc.integer({ min: 0, max: SIZE - 1 }), bits: fc.integer({ min: 0, max: 8 }) }).map(({ start, bits }) => {
    const size = 1 << bits;
    const base = start - (start % size);
    return { text: family === 'v4' ? `${v4(base)}/${32 - bits}` : `${v6(base)}/${128 - bits}`, base, size };
  });

const setArb = fc.record({
  a: fc.array(cidrIn('v4'), { maxLength: 6 }),
  b: fc.array(cidrIn('v6'), { maxLength: 4 }),
});

type Sample = { a: { text: string; base: number; size: number }[]; b: { text: string; base: number; size: number }[] };

function bitmap(cidrs: { base: number; size: number }[]): boolean[] {
  const bits = new Array<boolean>(SIZE).fill(false);
  for (const c of cidrs) for (let i = c.base; i < c.base + c.size; i++) bits[i] = true;
  return bits;
}

function build(s: Sample): { set: AddressSet; v4: boolean[]; v6: boolean[] } {
  return { set: AddressSet.fromCidrs([...s.a, ...s.b].map((c) => c.text)), v4: bitmap(s.a), v6: bitmap(s.b) };
}

function expectSame(set: AddressSet, v4bits: boolean[], v6bits: boolean[]): void {
  for (let i = 0; i < SIZE; i++) {
    expect(set.has(v4(i))).toBe(v4bits[i]);
    expect(set.has(v6(i))).toBe(v6bits[i]);
  }
  expect(set.countIpv4()).toBe(v4bits.filter(Boolean).length);
  expect(set.countIpv6()).toBe(BigInt(v6bits.filter(Boolean).length));
}

const zip = (x: boolean[], y: boolean[], op: (p: boolean, q: boolean) => boolean) => x.map((p, i) => op(p, y[i]));

describe('AddressSet against a per-address oracle', () => {
  it('union, intersection and difference agree address by address', () => {
    fc.assert(
      fc.property(setArb, setArb, (sa, sb) => {
        const A = build(sa);
        const B = build(sb);
        expectSame(A.set.union(B.set), zip(A.v4, B.v4, (p, q) => p || q), zip(A.v6, B.v6, (p, q) => p || q));
        expectSame(A.set.intersect(B.set), zip(A.v4, B.v4, (p, q) => p && q), zip(A.v6, B.v6, (p, q) => p && q));
        expectSame(A.set.subtract(B.set), zip(A.v4, B.v4, (p, q) => p && !q), zip(A.v6, B.v6, (p, q) => p && !q));
      }),
      { numRuns: 300 },
    );
  });

  it('subset and equality match the oracle, and the canonical form is unique', () => {
    fc.assert(
      fc.property(setArb, setArb, (sa, sb) => {
        const A = build(sa);
        const B = build(sb);
        const oracleSubset = A.v4.every((p, i) => !p || B.v4[i]) && A.v6.every((p, i) => !p || B.v6[i]);
        expect(A.set.isSubsetOf(B.set)).toBe(oracleSubset);
        const oracleEqual = A.v4.every((p, i) => p === B.v4[i]) && A.v6.every((p, i) => p === B.v6[i]);
        expect(A.set.equals(B.set)).toBe(oracleEqual);
      }),
      { numRuns: 300 },
    );
  });

  it('toCidrs round-trips to the same set with no overlapping blocks', () => {
    fc.assert(
      fc.property(setArb, (s) => {
        const { set } = build(s);
        const cidrs = set.toCidrs();
        expect(AddressSet.fromCidrs(cidrs).equals(set)).toBe(true);
        const total = cidrs.reduce((n, c) => n + AddressSet.fromCidrs([c]).countIpv4() + Number(AddressSet.fromCidrs([c]).countIpv6()), 0);
        expect(total).toBe(set.countIpv4() + Number(set.countIpv6()));
      }),
      { numRuns: 200 },
    );
  });

  it('fromCidrText (the allocation-free IPv4 path) equals fromCidrs for any block, host bits included', () => {
    const ipv4Text = fc
      .tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 32 }))
      .map(([n, p]) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}/${p}`);
    const ipv6Text = fc.tuple(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), fc.integer({ min: 0, max: 128 })).map(([n, p]) => {
      const groups = Array.from({ length: 8 }, (_, i) => ((n >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
      return `${groups.join(':')}/${p}`;
    });
    fc.assert(
      fc.property(fc.oneof(ipv4Text, ipv6Text), (text) => {
        expect(AddressSet.fromCidrText(text).equals(AddressSet.fromCidrs([text]))).toBe(true);
      }),
      { numRuns: 500 },
    );
    expect(() => AddressSet.fromCidrText('10.0.0.0/33')).toThrow('not a CIDR block: 10.0.0.0/33');
  });

  it('uses bigint for IPv6 so whole-space counts are exact', () => {
    expect(AddressSet.fromCidrs(['::/0']).countIpv6()).toBe(1n << 128n);
    expect(AddressSet.fromCidrs(['0.0.0.0/0']).countIpv4()).toBe(2 ** 32);
    expect(V6_BASE > 0n && V4_BASE > 0).toBe(true);
  });
});

describe('ExposurePolicy.publicPartOfCidr (packed fast paths) against publicPart of the parsed block', () => {
  // Blocks near the public/private boundaries, where the fast paths must not cut corners.
  const anchors = [0x0a000000, 0x64400000, 0x7f000000, 0xa9fe0000, 0xac100000, 0xc0a80000, 0xe0000000, 0x34000000, 0xc6336400];
  const ipv4Text = fc
    .tuple(fc.oneof(fc.constantFrom(...anchors), fc.integer({ min: 0, max: 2 ** 32 - 1 })), fc.integer({ min: -3, max: 3 }), fc.integer({ min: 0, max: 32 }))
    .map(([base, nudge, p]) => {
      const n = (base + nudge * 2 ** 20) >>> 0;
      return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}/${p}`;
    });
  const ipv6Text = fc.constantFrom('::/0', '2000::/3', '2001:db8::/32', 'fd00::/8', '2600:1f18::/36', '8000::/1');

  it.each([
    ['no trusted CIDRs', []],
    ['trusted 52.0.0.0/8 and 198.51.100.0/24', ['52.0.0.0/8', '198.51.100.0/24']],
  ])('%s', (_, trusted) => {
    const policy = new ExposurePolicy(trusted, { ipv4: 16, ipv6: 32 });
    fc.assert(
      fc.property(fc.oneof(ipv4Text, ipv6Text), (text) => {
        expect(policy.publicPartOfCidr(text).equals(policy.publicPart(AddressSet.fromCidrs([text])))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('isGlobalIpv6Address (read from the text) against membership in 2000::/3', () => {
  it('agrees for every address the snapshot schema admits, compressed, upper-case and IPv4-embedded forms included', () => {
    const global = AddressSet.fromCidrs(['2000::/3']);
    const admitted = z.ipv6();
    const address = fc.oneof(fc.ipV6(), fc.ipV6().map((a) => a.toUpperCase()), fc.constantFrom('2001:db8::1', '3fff::', '4000::1', '1fff:ffff::', '::', '::ffff:192.0.2.1', '2::1'));
    fc.assert(
      fc.property(address.filter((a) => admitted.safeParse(a).success), (a) => {
        expect(isGlobalIpv6Address(a)).toBe(global.has(a));
      }),
      { numRuns: 2000 },
    );
  });
});
