import ipaddr from 'ipaddr.js';

/** One parsed CIDR block as a closed interval of addresses. */
export type Cidr =
  | { family: 'ipv4'; lo: number; hi: number; prefix: number; text: string }
  | { family: 'ipv6'; lo: bigint; hi: bigint; prefix: number; text: string };

export const IPV4_MAX = 2 ** 32 - 1;
export const IPV6_MAX = (1n << 128n) - 1n;

// Inventories repeat the same few CIDRs (0.0.0.0/0, VPC ranges) many thousands of times, and the
// snapshot validator parses every CIDR before the rules do: caching makes the second parse free.
const cache = new Map<string, Cidr | null>();

/**
 * Parses "a.b.c.d/n" or an IPv6 "x::/n" (a bare address is a /32 or /128). Host bits are
 * ignored, as a prefix names the whole block. Returns null for anything else.
 */
export function parseCidr(text: string): Cidr | null {
  let hit = cache.get(text);
  if (hit === undefined) {
    hit = parseUncached(text);
    cache.set(text, hit);
  }
  return hit;
}

function parseUncached(text: string): Cidr | null {
  const slash = text.indexOf('/');
  const addr = slash < 0 ? text : text.slice(0, slash);
  const prefixText = slash < 0 ? undefined : text.slice(slash + 1);
  if (ipaddr.IPv4.isValidFourPartDecimal(addr)) {
    const prefix = parsePrefix(prefixText, 32);
    if (prefix === null) return null;
    const [a, b, c, d] = ipaddr.IPv4.parse(addr).octets;
    const value = ((a * 256 + b) * 256 + c) * 256 + d;
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

function parsePrefix(text: string | undefined, bits: number): number | null {
  if (text === undefined) return bits;
  if (!/^\d{1,3}$/.test(text)) return null;
  const n = Number(text);
  return n <= bits ? n : null;
}

export function isCidrOf(family: 'ipv4' | 'ipv6', text: string): boolean {
  return parseCidr(text)?.family === family;
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
