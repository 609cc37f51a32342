import { AddressSet } from './address-set';
import { formatIpv4, parseCidr, parseIpv4CidrPacked } from './cidr';
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

const FIXED = AddressSet.fromCidrs(UNFILTERABLE_ADDRESSES);

/** The Amazon DNS server of a VPC: the base of its primary IPv4 range plus two. */
export function vpcDnsAddress(vpc: Vpc): string | undefined {
  const c = vpc.CidrBlock ? parseCidr(vpc.CidrBlock) : null;
  return c?.family === 'ipv4' ? `${formatIpv4(c.lo + 2)}/32` : undefined;
}

/** The unfilterable addresses for resources of a VPC; built once per VPC per evaluation. */
export function unfilterableSet(vpc: Vpc | undefined, ctx: EvaluationContext): AddressSet {
  if (!vpc) return FIXED;
  return ctx.memo(vpc, 'unfilterable', () => {
    const dns = vpcDnsAddress(vpc);
    return dns ? FIXED.union(AddressSet.fromCidrs([dns])) : FIXED;
  });
}

/**
 * Whether a CIDR lies entirely in `targets`. Every unfilterable target is a single address, so
 * only a /32 or /128 can; the common IPv4 case is decided without allocating.
 */
export function isUnfilterable(cidr: string, targets: AddressSet): boolean {
  const packed = parseIpv4CidrPacked(cidr);
  if (packed >= 0) return packed % 64 === 32 && targets.v4.length > 0 && AddressSet.of([(packed - 32) / 64, (packed - 32) / 64], []).isSubsetOf(targets);
  if (!cidr.endsWith('/128')) return false;
  const c = parseCidr(cidr);
  return c !== null && c.family === 'ipv6' && AddressSet.fromCidr(c).isSubsetOf(targets);
}
