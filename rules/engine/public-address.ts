import { AddressSet } from './address-set';

/** catalog.md "Public address": every IPv4 address but these; for IPv6, 2000::/3 only. */
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

export interface InternetMinPrefix {
  ipv4: number;
  ipv6: number;
}

/**
 * Decides "internet-open" (catalog.md): a set is internet-open when it holds at least as many
 * public addresses as a /ipv4 or a /ipv6 block. Built once per evaluation from the settings.
 */
export class ExposurePolicy {
  readonly publicAddresses: AddressSet;
  private readonly minIpv4: number;
  private readonly minIpv6: bigint;

  constructor(trustedCidrs: readonly string[], minPrefix: InternetMinPrefix) {
    this.publicAddresses = PUBLIC_ADDRESSES.subtract(AddressSet.fromCidrs(trustedCidrs));
    this.minIpv4 = 2 ** (32 - minPrefix.ipv4);
    this.minIpv6 = 1n << BigInt(128 - minPrefix.ipv6);
  }

  /** The public, untrusted part of a set: the only part that can make it internet-open. */
  publicPart(set: AddressSet): AddressSet {
    return set.intersect(this.publicAddresses);
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
