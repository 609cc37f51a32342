import type { ResourceKindName } from '../../rules/engine/types';
import { type Affected, type KindSweep, type Lookup, kindOfId, refs } from './affected';
import type { CloudTrailDetail } from './cloudtrail-event';
import { topValuesOf, valuesOf } from './event-fields';

/**
 * "Which resources did this call touch", for every CloudTrail event name in rule metadata
 * (`triggers.cloudTrailEvents`). Each entry reads the call's requestParameters and
 * responseElements (see event-fields.ts for their two styles) and answers with the resources it
 * names, the Describe lookups that find the ones it only implies, and the kinds to sweep when
 * nothing in the event identifies them. Only kinds whose verdicts can change are returned.
 */
type Part = Partial<Affected>;
type Resolver = (request: unknown, response: unknown) => Part;

/** Resources named under these keys, anywhere in the request or the response. */
const named =
  (spec: Partial<Record<ResourceKindName, string[]>>): Resolver =>
  (request, response) => ({
    resources: Object.entries(spec).flatMap(([kind, keys]) => refs(kind as ResourceKindName, valuesOf([request, response], keys))),
  });

/** Resources named by id under these keys whatever their kind (CreateTags' resourcesSet). */
const byIdPrefix =
  (keys: string[], only?: ResourceKindName[]): Resolver =>
  (request) => ({
    resources: valuesOf(request, keys).flatMap((id) => {
      const kind = kindOfId(id);
      return kind && (!only || only.includes(kind)) ? [{ kind, id }] : [];
    }),
  });

/** Resources another Describe call finds, one lookup per value of `key`. */
const lookup =
  (kind: ResourceKindName, describe: Lookup['describe'], filter: string, key: string): Resolver =>
  (request, response) => ({ lookups: valuesOf([request, response], [key]).map((value) => ({ kind, describe, filter, value })) });

/** Route tables whose routes name a target that this call removed: they may hold blackholes now. */
const routesThrough = (filter: string, key: string) => lookup('RouteTable', 'RouteTables', `route.${filter}`, key);

/** The interfaces of the instances the call names. */
const interfacesOfInstances = lookup('NetworkInterface', 'NetworkInterfaces', 'attachment.instance-id', 'instanceId');

const sweep =
  (kind: ResourceKindName, reason: string): Resolver =>
  () => ({ sweeps: [{ kind, reason }] });

/** Applies `resolver` only when the request sets `key` (ModifyNetworkInterfaceAttribute's groupSet). */
const when =
  (key: string, resolver: Resolver): Resolver =>
  (request, response) =>
    typeof request === 'object' && request !== null && key in request ? resolver(request, response) : {};

const all =
  (...resolvers: Resolver[]): Resolver =>
  (request, response) =>
    merge(resolvers.map((r) => r(request, response)));

/**
 * A security-group call. The group changed is the request's `groupId` (or the response's, for
 * CreateSecurityGroup and the rule set Authorize* returns); groups its rules reference change too
 * (sg-attached counts references). In a default VPC a caller may name the group by `groupName`
 * only: that name is returned as a lookup.
 */
const securityGroupChange: Resolver = (request, response) => {
  const target = [...topValuesOf(request, ['groupId']), ...valuesOf(response, ['groupId'])];
  const groups = refs('SecurityGroup', valuesOf([request, response], ['groupId', 'referencedGroupId']));
  const names = target.length === 0 ? topValuesOf(request, ['groupName']) : [];
  return {
    resources: groups,
    lookups: names.map((value) => ({ kind: 'SecurityGroup', describe: 'SecurityGroups', filter: 'group-name', value, inDefaultVpc: true })),
  };
};

const GROUPS_LEFT = 'the groups the interface used before are not named';
const groupsAndInterfaces = named({ NetworkInterface: ['networkInterfaceId'], SecurityGroup: ['groupId'] });
const routeTable = named({ RouteTable: ['routeTableId'] });
const networkAcl = named({ NetworkAcl: ['networkAclId'] });
const vpnConnection = named({ VpnConnection: ['vpnConnectionId'], CustomerGateway: ['customerGatewayId'] });
const customerGateway = named({ CustomerGateway: ['customerGatewayId'] });
const vpnGateway = named({ VpnGateway: ['vpnGatewayId'] });
const clientVpn = named({ ClientVpnEndpoint: ['clientVpnEndpointId'] });
const tags = byIdPrefix(['resourceId']);
/** An internet gateway comes or goes: reachability and NAT placement change across the VPC. */
const gatewayChange = all(
  sweep('NetworkInterface', 'internet reachability changes for the whole VPC'),
  sweep('NatGateway', 'which subnets are public changes for the whole VPC'),
);

export const RESOLVERS: Readonly<Record<string, Resolver>> = {
  CreateSecurityGroup: securityGroupChange,
  AuthorizeSecurityGroupIngress: securityGroupChange,
  AuthorizeSecurityGroupEgress: securityGroupChange,
  RevokeSecurityGroupIngress: securityGroupChange,
  RevokeSecurityGroupEgress: securityGroupChange,
  ModifySecurityGroupRules: securityGroupChange,
  CreateTags: tags,
  DeleteTags: tags,

  CreateNetworkInterface: groupsAndInterfaces,
  DeleteNetworkInterface: all(
    named({ NetworkInterface: ['networkInterfaceId'] }),
    routesThrough('network-interface-id', 'networkInterfaceId'),
    sweep('SecurityGroup', GROUPS_LEFT),
  ),
  ModifyNetworkInterfaceAttribute: all(groupsAndInterfaces, when('groupSet', sweep('SecurityGroup', GROUPS_LEFT))),
  AttachNetworkInterface: named({ NetworkInterface: ['networkInterfaceId'] }),
  DetachNetworkInterface: all(
    sweep('NetworkInterface', 'the interface is named only by its attachment id, which no longer exists'),
    sweep('RouteTable', 'routes through the detached interface are not named'),
  ),
  AssociateAddress: all(named({ NetworkInterface: ['networkInterfaceId'] }), interfacesOfInstances),
  DisassociateAddress: sweep('NetworkInterface', 'the interface is named only by the association id, which no longer exists'),
  AssignIpv6Addresses: named({ NetworkInterface: ['networkInterfaceId'] }),
  UnassignIpv6Addresses: named({ NetworkInterface: ['networkInterfaceId'] }),
  RunInstances: groupsAndInterfaces,
  TerminateInstances: all(interfacesOfInstances, routesThrough('instance-id', 'instanceId'), sweep('SecurityGroup', GROUPS_LEFT)),
  StopInstances: routesThrough('instance-id', 'instanceId'),
  ModifyInstanceAttribute: all(interfacesOfInstances, named({ SecurityGroup: ['groupId'] }), when('groupSet', sweep('SecurityGroup', GROUPS_LEFT))),

  CreateRouteTable: routeTable,
  CreateRoute: routeTable,
  ReplaceRoute: routeTable,
  DeleteRoute: routeTable,
  AssociateRouteTable: all(routeTable, named({ Subnet: ['subnetId'] }), sweep('RouteTable', 'the table the subnet used before is not named')),
  ReplaceRouteTableAssociation: all(
    routeTable,
    lookup('Subnet', 'RouteTables', 'association.route-table-association-id', 'newAssociationId'),
    sweep('RouteTable', 'the table the subnet used before is not named'),
  ),
  DisassociateRouteTable: all(
    sweep('RouteTable', 'the table is named only by the association id, which no longer exists'),
    sweep('Subnet', 'the subnet is named only by the association id, which no longer exists'),
  ),
  AttachInternetGateway: gatewayChange,
  DetachInternetGateway: all(gatewayChange, routesThrough('gateway-id', 'internetGatewayId')),
  DeleteInternetGateway: routesThrough('gateway-id', 'internetGatewayId'),
  DeleteEgressOnlyInternetGateway: routesThrough('egress-only-internet-gateway-id', 'egressOnlyInternetGatewayId'),
  DeleteVpcPeeringConnection: routesThrough('vpc-peering-connection-id', 'vpcPeeringConnectionId'),
  DeleteTransitGatewayVpcAttachment: routesThrough('transit-gateway-id', 'transitGatewayId'),

  CreateNetworkAcl: networkAcl,
  CreateNetworkAclEntry: networkAcl,
  ReplaceNetworkAclEntry: networkAcl,
  DeleteNetworkAclEntry: networkAcl,
  ReplaceNetworkAclAssociation: all(
    networkAcl,
    lookup('Subnet', 'NetworkAcls', 'association.association-id', 'newAssociationId'),
    sweep('NetworkAcl', 'the NACL the subnet left is not named'),
  ),

  CreateNatGateway: named({ NatGateway: ['natGatewayId'] }),
  DeleteNatGateway: all(named({ NatGateway: ['natGatewayId'] }), routesThrough('nat-gateway-id', 'natGatewayId')),
  CreateSubnet: named({ Subnet: ['subnetId'] }),
  ModifySubnetAttribute: named({ Subnet: ['subnetId'] }),
  CreateVpc: named({ Vpc: ['vpcId'] }),
  CreateFlowLogs: byIdPrefix(['resourceId'], ['Vpc']),
  DeleteFlowLogs: sweep('Vpc', 'the flow log is named only by its id, and its VPC is not named'),

  CreateVpnConnection: vpnConnection,
  ModifyVpnConnection: vpnConnection,
  ModifyVpnConnectionOptions: vpnConnection,
  ModifyVpnTunnelOptions: vpnConnection,
  DeleteVpnConnection: all(vpnConnection, lookup('CustomerGateway', 'VpnConnections', 'vpn-connection-id', 'vpnConnectionId')),
  CreateCustomerGateway: customerGateway,
  DeleteCustomerGateway: customerGateway,
  CreateVpnGateway: vpnGateway,
  AttachVpnGateway: vpnGateway,
  DetachVpnGateway: all(vpnGateway, routesThrough('gateway-id', 'vpnGatewayId')),
  CreateClientVpnEndpoint: clientVpn,
  ModifyClientVpnEndpoint: clientVpn,
  AuthorizeClientVpnIngress: clientVpn,
  RevokeClientVpnIngress: clientVpn,
};

/** What the call touched; undefined when no resolver knows its event name. */
export function affectedResources(detail: Pick<CloudTrailDetail, 'eventName' | 'requestParameters' | 'responseElements'>): Affected | undefined {
  const resolver = RESOLVERS[detail.eventName];
  if (!resolver) return undefined;
  const request = detail.requestParameters ?? {};
  const response = detail.responseElements ?? {};
  return merge([resolver(request, response), { vpcIds: valuesOf([request, response], ['vpcId']) }]);
}

/** Concatenates parts, each list deduplicated. */
function merge(parts: Part[]): Affected {
  const key = (x: object) => JSON.stringify(x);
  const unique = <T extends object | string>(items: T[]) => [...new Map(items.map((i) => [typeof i === 'string' ? i : key(i), i])).values()];
  return {
    resources: unique(parts.flatMap((p) => p.resources ?? [])),
    vpcIds: unique(parts.flatMap((p) => p.vpcIds ?? [])),
    lookups: unique(parts.flatMap((p) => p.lookups ?? [])),
    sweeps: unique<KindSweep>(parts.flatMap((p) => p.sweeps ?? [])),
  };
}
