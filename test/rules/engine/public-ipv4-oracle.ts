/**
 * An oracle for docs/semantics.md "Public address" over IPv4, independent of the engine: the number of
 * public IPv4 addresses in a union of CIDRs, by merging intervals and subtracting the non-public
 * blocks (own interval code; numbers up to 2^32 are exact in a double). Shared by the property
 * tests that decide "internet-open" themselves.
 */

/** docs/semantics.md "Public address": the IPv4 blocks that are not public (pairwise disjoint). */
const NON_PUBLIC_V4 = ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.168.0.0/16', '224.0.0.0/3'];

/** Dotted quad to number; written here, independently of the engine's parser. */
export function ipv4ToNumber(text: string): number {
  return text.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

/** First and last address of an IPv4 CIDR, as numbers. */
export function cidrBounds(cidr: string): [number, number] {
  const [base, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const lo = ipv4ToNumber(base) - (ipv4ToNumber(base) % size);
  return [lo, lo + size - 1];
}

const NON_PUBLIC_BOUNDS = NON_PUBLIC_V4.map(cidrBounds);

/** Number of public IPv4 addresses in the union of the IPv4 CIDRs (IPv6 ones are ignored). */
export function publicIpv4Count(cidrs: readonly string[]): number {
  const sorted = cidrs.filter((c) => !c.includes(':')).map(cidrBounds).sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [lo, hi] of sorted) {
    const last = merged[merged.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  let count = 0;
  for (const [lo, hi] of merged) {
    count += hi - lo + 1;
    // Merged intervals are disjoint and so are the non-public blocks: overlaps never double-count.
    for (const [nlo, nhi] of NON_PUBLIC_BOUNDS) count -= Math.max(0, Math.min(hi, nhi) - Math.max(lo, nlo) + 1);
  }
  return count;
}

/** internetMinPrefix ipv4 16 (the default): at least 2^16 public IPv4 addresses. */
export const DEFAULT_IPV4_THRESHOLD = 2 ** 16;
