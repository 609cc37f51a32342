import { AddressSet } from './address-set';
import { formatIpv4, parseCidr } from './cidr';
import type { EvaluationContext } from './context';
import type { Vpc } from './snapshot-schema';

/**
 * Addresses whose traffic security groups and NACLs do not filter (instance metadata, Amazon
 * DNS, time sync): a rule or entry naming only these has no effect.
 */
export const UNFILTERABLE_ADDRESSES = [
  '169.254.169.254/32',
  '169.254.169.253/32',
  '169.254.169.123/32',
  'fd00:ec2::254/128',
  'fd00:ec2::253/128',
  'fd00:ec2::123/128',
] as const;

/** The unfilterable addresses of one VPC, as a set and, for IPv4, as the /32 texts. */
export interface Unfilterable {
  addresses: AddressSet;
  /** "169.254.169.254/32", …: the schema only admits canonical dotted quads, so text equality is exact. */
  ipv4: ReadonlySet<string>;
}

const FIXED: Unfilterable = {
  addresses: AddressSet.fromCidrs(UNFILTERABLE_ADDRESSES),
  ipv4: new Set(UNFILTERABLE_ADDRESSES.filter((a) => !a.includes(':'))),
};

/** The Amazon DNS server of a VPC: the base of its primary IPv4 range plus two. */
export function vpcDnsAddress(vpc: Vpc): string | undefined {
  const c = vpc.CidrBlock ? parseCidr(vpc.CidrBlock) : null;
  return c?.family === 'ipv4' ? `${formatIpv4(c.lo + 2)}/32` : undefined;
}

/** The unfilterable addresses for resources of a VPC; built once per VPC per evaluation. */
export function unfilterableSet(vpc: Vpc | undefined, ctx: EvaluationContext): Unfilterable {
  if (!vpc) return FIXED;
  return ctx.memo(vpc, 'unfilterable', () => {
    const dns = vpcDnsAddress(vpc);
    if (!dns) return FIXED;
    return { addresses: FIXED.addresses.union(AddressSet.fromCidrs([dns])), ipv4: new Set([...FIXED.ipv4, dns]) };
  });
}

/**
 * Whether a CIDR lies entirely in the unfilterable addresses. Every one is a single address, so
 * only a /32 or /128 can, and an IPv4 /32 is decided by its text (this runs once per rule of an
 * inventory).
 */
export function isUnfilterable(cidr: string | undefined, targets: Unfilterable): boolean {
  if (cidr === undefined) return false;
  if (cidr.endsWith('/32')) return targets.ipv4.has(cidr);
  if (!cidr.endsWith('/128')) return false;
  const c = parseCidr(cidr);
  return c !== null && c.family === 'ipv6' && AddressSet.fromCidr(c).isSubsetOf(targets.addresses);
}
