import ipaddr from 'ipaddr.js';

/** One parsed CIDR block as a closed interval of addresses. */
export type Cidr =
  | { family: 'ipv4'; lo: number; hi: number; prefix: number; text: string }
  | { family: 'ipv6'; lo: bigint; hi: bigint; prefix: number; text: string };

export const IPV4_MAX = 2 ** 32 - 1;
export const IPV6_MAX = (1n << 128n) - 1n;

/**
 * Parses "a.b.c.d/n" or an IPv6 "x::/n" (a bare address is a /32 or /128). Host bits are
 * ignored, as a prefix names the whole block. Returns null for anything else. IPv4 is not
 * cached: an inventory's IPv4 blocks are mostly distinct /32s, and a cache of them only fed the
 * garbage collector.
 */
export function parseCidr(text: string): Cidr | null {
  if (text.includes(':')) {
    // IPv6 blocks are few and repeat (::/0, a VPC's /56), and ipaddr.js parses them slowly.
    let hit = ipv6Cache.get(text);
    if (hit === undefined) {
      if (ipv6Cache.size > 10_000) ipv6Cache.clear(); // bounded in a long-lived process
      ipv6Cache.set(text, (hit = parseUncached(text)));
    }
    return hit;
  }
  return parseUncached(text);
}

const ipv6Cache = new Map<string, Cidr | null>();

function parseUncached(text: string): Cidr | null {
  const slash = text.indexOf('/');
  const addr = slash < 0 ? text : text.slice(0, slash);
  const prefixText = slash < 0 ? undefined : text.slice(slash + 1);
  const value = parseIpv4(addr);
  if (value !== null) {
    const prefix = parsePrefix(prefixText, 32);
    if (prefix === null) return null;
    const size = 2 ** (32 - prefix);
    const lo = value - (value % size);
    return { family: 'ipv4', lo, hi: lo + size - 1, prefix, text };
  }
  if (addr.includes(':') && ipaddr.IPv6.isValid(addr)) {
    const prefix = parsePrefix(prefixText, 128);
    if (prefix === null) return null;
    let value = 0n;
    for (const part of ipaddr.IPv6.parse(addr).parts) value = (value << 16n) | BigInt(part);
    const hostMask = (1n << BigInt(128 - prefix)) - 1n;
    const lo = value & ~hostMask;
    return { family: 'ipv6', lo, hi: lo | hostMask, prefix, text };
  }
  return null;
}

/**
 * Allocation-free IPv4 CIDR parse for hot loops: returns `lo * 64 + prefix` (exact: below
 * 2^38), or -1 when the text is not an IPv4 CIDR. An inventory holds ~150k source CIDRs; making
 * a Cidr object and two substrings for each was the largest allocation site of an evaluation.
 */
export function parseIpv4CidrPacked(text: string): number {
  const slash = text.indexOf('/');
  if (slash < 0) return -1;
  let prefix = 0;
  for (let i = slash + 1; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch < 48 || ch > 57 || i - slash > 2) return -1;
    prefix = prefix * 10 + (ch - 48);
  }
  if (slash + 1 === text.length || prefix > 32 || (text.length - slash > 2 && text.charCodeAt(slash + 1) === 48)) return -1;
  const value = parseIpv4(text, slash);
  if (value === null) return -1;
  const size = 2 ** (32 - prefix);
  return (value - (value % size)) * 64 + prefix;
}

/**
 * Dotted-quad IPv4 to a number, strictly (four decimal octets, no leading zeros). Hand-written
 * because inventories hold ~150k distinct /32s and a regex-based parser dominated profiles.
 */
function parseIpv4(text: string, end = text.length): number | null {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 46) {
      if (digits === 0) return null;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else if (ch >= 48 && ch <= 57) {
      if (digits > 0 && octet === 0) return null; // leading zero
      octet = octet * 10 + (ch - 48);
      if (++digits > 3 || octet > 255) return null;
    } else {
      return null;
    }
  }
  if (dots !== 3 || digits === 0) return null;
  return value * 256 + octet;
}

function parsePrefix(text: string | undefined, bits: number): number | null {
  if (text === undefined) return bits;
  if (!/^\d{1,3}$/.test(text)) return null;
  const n = Number(text);
  return n <= bits ? n : null;
}

/** Formats an IPv4 address held as a number. */
export function formatIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** Formats an IPv6 address held as a bigint, in RFC 5952 form. */
export function formatIpv6(n: bigint): string {
  const parts: number[] = [];
  for (let i = 7; i >= 0; i--) parts.push(Number((n >> BigInt(i * 16)) & 0xffffn));
  return new ipaddr.IPv6(parts).toRFC5952String();
}
