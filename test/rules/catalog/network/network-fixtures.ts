/** Snapshot pieces in describe-* shape for the route, NAT, interface, VPC and subnet rules. */
type Json = Record<string, unknown>;

export const VPC_ID = 'vpc-1';

export function subnet(id: string, az = 'eu-west-1a', extra: Json = {}): Json {
  return { SubnetId: id, VpcId: VPC_ID, CidrBlock: '10.0.0.0/24', AvailabilityZone: az, MapPublicIpOnLaunch: false, AssignIpv6AddressOnCreation: false, ...extra };
}

/** A route to `target`, whose id prefix picks the field EC2 fills in (igw-, nat-, i-, eni-, pcx-, local). */
export function route(destination: string, target: string, state = 'active'): Json {
  const dest = destination.startsWith('pl-')
    ? { DestinationPrefixListId: destination }
    : destination.includes(':')
      ? { DestinationIpv6CidrBlock: destination }
      : { DestinationCidrBlock: destination };
  const field = target.startsWith('nat-')
    ? { NatGatewayId: target }
    : target.startsWith('i-')
      ? { InstanceId: target }
      : target.startsWith('eni-')
        ? { NetworkInterfaceId: target }
        : target.startsWith('pcx-')
          ? { VpcPeeringConnectionId: target }
          : target.startsWith('eigw-')
            ? { EgressOnlyInternetGatewayId: target }
            : { GatewayId: target };
  return { ...dest, ...field, State: state };
}

export const LOCAL = route('10.0.0.0/16', 'local');

/**
 * A route table with explicit subnet associations, or the VPC's main table with `main`. `states`
 * gives a subnet's association an AssociationState (EC2 shape); without it the association has none.
 */
export function routeTable(id: string, routes: Json[], associate: { subnets?: string[]; main?: boolean; states?: Record<string, string> } = {}): Json {
  const associations: Json[] = (associate.subnets ?? []).map((SubnetId, i) => ({
    Main: false,
    RouteTableAssociationId: `rtbassoc-${id}-${i}`,
    SubnetId,
    ...(associate.states?.[SubnetId] ? { AssociationState: { State: associate.states[SubnetId] } } : {}),
  }));
  if (associate.main) associations.push({ Main: true, RouteTableAssociationId: `rtbassoc-${id}-main` });
  return { RouteTableId: id, VpcId: VPC_ID, Associations: associations, Routes: [LOCAL, ...routes] };
}

export function natGateway(id: string, subnetId: string, extra: Json = {}): Json {
  return {
    NatGatewayId: id,
    SubnetId: subnetId,
    VpcId: VPC_ID,
    State: 'available',
    ConnectivityType: 'public',
    NatGatewayAddresses: [{ NetworkInterfaceId: `eni-${id}`, PrivateIp: '10.0.0.9', PublicIp: '198.51.100.9' }],
    ...extra,
  };
}

export function internetGateway(id: string, vpcId = VPC_ID, state = 'available'): Json {
  return { InternetGatewayId: id, Attachments: [{ VpcId: vpcId, State: state }] };
}

export function eni(id: string, extra: Json = {}): Json {
  return {
    NetworkInterfaceId: id,
    SubnetId: 'subnet-1',
    VpcId: VPC_ID,
    InterfaceType: 'interface',
    RequesterManaged: false,
    SourceDestCheck: true,
    Groups: [{ GroupId: 'sg-1' }],
    ...extra,
  };
}

export function flowLog(id: string, resourceId: string, extra: Json = {}): Json {
  return { FlowLogId: id, ResourceId: resourceId, TrafficType: 'ALL', FlowLogStatus: 'ACTIVE', DeliverLogsStatus: 'SUCCESS', ...extra };
}
