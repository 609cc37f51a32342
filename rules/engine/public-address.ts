import { AddressSet } from './address-set';
import { parseCidr, parseIpv4CidrPacked } from './cidr';
import { EMPTY as EMPTY_IPV6 } from './intervals';

/** docs/semantics.md "Public address": every IPv4 address but these; for IPv6, 2000::/3 only. */
export const NON_PUBLIC_IPV4 = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '224.0.0.0/3',
] as const;

export const PUBLIC_ADDRESSES = AddressSet.fromCidrs(['0.0.0.0/0', '2000::/3']).subtract(
  AddressSet.fromCidrs(NON_PUBLIC_IPV4),
);

/**
 * Whether a valid IPv6 address (as the snapshot schema admits them) lies in 2000::/3, read from
 * its text: the first group is 0x2000-0x3fff exactly when it has four digits and starts with 2
 * or 3. Interfaces carry distinct addresses, and parsing each one was a hot spot.
 */
export function isGlobalIpv6Address(address: string): boolean {
  const first = address.charCodeAt(0);
  return address.indexOf(':') === 4 && (first === 50 || first === 51);
}


/** Index of an interval of the canonical list overlapping [lo, hi], or -1 (binary search). */
function overlapping(list: readonly number[], lo: number, hi: number): number {
  let a = 0;
  let b = list.length / 2 - 1;
  while (a <= b) {
    const mid = (a + b) >> 1;
    if (list[2 * mid + 1] < lo) a = mid + 1;
    else if (list[2 * mid] > hi) b = mid - 1;
    else return mid;
  }
  return -1;
}

export interface InternetMinPrefix {
  ipv4: number;
  ipv6: number;
}

/**
 * Decides "internet-open" (docs/semantics.md): a set is internet-open when it holds at least as many
 * public addresses as a /ipv4 or a /ipv6 block. Built once per evaluation from the settings.
 */
export class ExposurePolicy {
  readonly publicAddresses: AddressSet;
  private readonly minIpv4: number;
  private readonly minIpv6: bigint;
  private readonly publicByCidr = new Map<string, AddressSet>();

  constructor(trustedCidrs: readonly string[], minPrefix: InternetMinPrefix) {
    this.publicAddresses = PUBLIC_ADDRESSES.subtract(AddressSet.fromCidrs(trustedCidrs));
    this.minIpv4 = 2 ** (32 - minPrefix.ipv4);
    this.minIpv6 = 1n << BigInt(128 - minPrefix.ipv6);
  }

  /** The public, untrusted part of a set: the only part that can make it internet-open. */
  publicPart(set: AddressSet): AddressSet {
    return set.intersect(this.publicAddresses);
  }

  /**
   * Public part of one CIDR block. IPv4 blocks wholly private or wholly public (nearly all of
   * an inventory's, and mostly distinct) are answered from the packed parse: EMPTY, or the
   * block itself. Blocks straddling the boundary (0.0.0.0/0 and friends) repeat, so are cached.
   */
  publicPartOfCidr(cidr: string): AddressSet {
    const packed = parseIpv4CidrPacked(cidr);
    if (packed >= 0) {
      const prefix = packed % 64;
      const lo = (packed - prefix) / 64;
      const hi = lo + 2 ** (32 - prefix) - 1;
      const pub = this.publicAddresses.v4;
      const i = overlapping(pub, lo, hi);
      if (i < 0) return AddressSet.EMPTY;
      if (pub[2 * i] <= lo && hi <= pub[2 * i + 1]) return AddressSet.of([lo, hi], EMPTY_IPV6);
    }
    let pub = this.publicByCidr.get(cidr);
    if (pub) return pub;
    const parsed = parseCidr(cidr);
    if (!parsed) throw new Error(`not a CIDR block: ${cidr}`);
    pub = this.publicPart(AddressSet.fromCidr(parsed));
    this.publicByCidr.set(cidr, pub);
    return pub;
  }

  /**
   * Internet-sized regardless of trustedCidrs: for questions about routing ("does this table
   * send the internet to a gateway?"), where trusting some senders changes nothing.
   */
  isInternetSized(set: AddressSet): boolean {
    const pub = set.intersect(PUBLIC_ADDRESSES);
    return pub.countIpv4() >= this.minIpv4 || pub.countIpv6() >= this.minIpv6;
  }

  isInternetOpen(set: AddressSet): boolean {
    const pub = this.publicPart(set);
    return pub.countIpv4() >= this.minIpv4 || pub.countIpv6() >= this.minIpv6;
  }

  /** Same as isInternetOpen for a set already reduced to its public part (hot path). */
  isInternetOpenPublic(pub: AddressSet): boolean {
    return pub.countIpv4() >= this.minIpv4 || pub.countIpv6() >= this.minIpv6;
  }
}
