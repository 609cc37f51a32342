import type { ResourceKindName } from '../../rules/engine/types';

/** A resource an event names. */
export interface ResourceRef {
  kind: ResourceKindName;
  id: string;
}

/**
 * A resource the event does not name but one Describe call finds: call `Describe<describe>` with
 * the EC2 filter `filter` = `value`. When `describe` is the kind's own list the items found are the
 * resources; otherwise (a Subnet found through a NACL or route-table association) the resource is
 * the SubnetId of the matching association.
 */
export interface Lookup {
  kind: ResourceKindName;
  describe: 'SecurityGroups' | 'NetworkAcls' | 'RouteTables' | 'NetworkInterfaces' | 'VpnConnections';
  filter: string;
  value: string;
  /**
   * The value names something of the region's default VPC: a group named by GroupName (EC2 accepts
   * a name only there). DescribeSecurityGroups' GroupNames parameter resolves exactly that; the
   * group-name filter alone would also match same-named groups (every VPC has a `default`).
   */
  inDefaultVpc?: true;
}

/**
 * The event changed resources of this kind that nothing in it identifies (the interface an
 * address left, the table a subnet left): every resource of the kind in the event's VPC (or, when
 * it names none, its region) must be evaluated again. The change handler reads a VPC's context
 * anyway, so within a known VPC this costs no extra call.
 */
export interface KindSweep {
  kind: ResourceKindName;
  reason: string;
}

/** What one CloudTrail event touched. */
export interface Affected {
  resources: ResourceRef[];
  /** VPCs the event names (request or response); their context is what evaluation reads. */
  vpcIds: string[];
  lookups: Lookup[];
  sweeps: KindSweep[];
}

/** EC2 id prefixes of the kinds the catalog evaluates (CreateTags names any resource by id). */
const ID_PREFIXES: [string, ResourceKindName][] = [
  ['sg-', 'SecurityGroup'],
  ['acl-', 'NetworkAcl'],
  ['rtb-', 'RouteTable'],
  ['subnet-', 'Subnet'],
  ['vpc-', 'Vpc'],
  ['nat-', 'NatGateway'],
  ['eni-', 'NetworkInterface'],
  ['vpn-', 'VpnConnection'],
  ['vgw-', 'VpnGateway'],
  ['cgw-', 'CustomerGateway'],
  ['cvpn-endpoint-', 'ClientVpnEndpoint'],
];

/** The kind an EC2 id belongs to, by its prefix; undefined for kinds no rule evaluates (i-, igw-). */
export function kindOfId(id: string): ResourceKindName | undefined {
  return ID_PREFIXES.find(([prefix]) => id.startsWith(prefix))?.[1];
}

export const refs = (kind: ResourceKindName, ids: readonly string[]): ResourceRef[] => ids.map((id) => ({ kind, id }));
