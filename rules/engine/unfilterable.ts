import { AddressSet } from './address-set';
import { formatIpv4, parseCidr } from './cidr';
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

export function unfilterableSet(vpc: Vpc | undefined): AddressSet {
  const dns = vpc ? vpcDnsAddress(vpc) : undefined;
  return dns ? FIXED.union(AddressSet.fromCidrs([dns])) : FIXED;
}
