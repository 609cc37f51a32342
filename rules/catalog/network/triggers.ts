/**
 * CloudTrail events and Config resource types after which the route, NAT, interface, VPC and
 * subnet rules must run again. Tag events are included: adding or removing an exemption tag
 * changes the verdict.
 */
const TAG_EVENTS = ['CreateTags', 'DeleteTags'];

/** Any change to which routes a table holds. */
const ROUTE_EVENTS = ['CreateRoute', 'ReplaceRoute', 'DeleteRoute'];

/** Any change to which table a subnet uses. */
const ASSOCIATION_EVENTS = ['AssociateRouteTable', 'ReplaceRouteTableAssociation', 'DisassociateRouteTable'];

/** A NAT gateway is created or deleted, its subnet's routes change, or its internet gateway goes. */
export const NAT_GATEWAY_PLACEMENT_TRIGGERS = {
  cloudTrailEvents: [
    'CreateNatGateway',
    'DeleteNatGateway',
    ...ROUTE_EVENTS,
    ...ASSOCIATION_EVENTS,
    'AttachInternetGateway',
    'DetachInternetGateway',
    ...TAG_EVENTS,
  ],
  configResourceTypes: ['AWS::EC2::NatGateway', 'AWS::EC2::RouteTable', 'AWS::EC2::Subnet'],
};

/** A table's NAT routes or its subnets change, or a NAT gateway comes or goes. */
export const NAT_ROUTE_AZ_TRIGGERS = {
  cloudTrailEvents: ['CreateRouteTable', ...ROUTE_EVENTS, ...ASSOCIATION_EVENTS, 'CreateNatGateway', 'DeleteNatGateway', ...TAG_EVENTS],
  configResourceTypes: ['AWS::EC2::RouteTable', 'AWS::EC2::NatGateway', 'AWS::EC2::Subnet'],
};

/** A route is written, or the target it names disappears (which turns the route into a blackhole). */
export const BLACKHOLE_ROUTE_TRIGGERS = {
  cloudTrailEvents: [
    'CreateRouteTable',
    ...ROUTE_EVENTS,
    'DeleteNatGateway',
    'TerminateInstances',
    'StopInstances',
    'DeleteNetworkInterface',
    'DetachNetworkInterface',
    'DeleteVpcPeeringConnection',
    'DetachInternetGateway',
    'DeleteInternetGateway',
    'DeleteEgressOnlyInternetGateway',
    'DetachVpnGateway',
    'DeleteTransitGatewayVpcAttachment',
    ...TAG_EVENTS,
  ],
  configResourceTypes: ['AWS::EC2::RouteTable'],
};

/** Source/destination checking is set, or routes start or stop pointing at the interface. */
export const SOURCE_DEST_CHECK_TRIGGERS = {
  cloudTrailEvents: [
    'CreateNetworkInterface',
    'ModifyNetworkInterfaceAttribute',
    'ModifyInstanceAttribute',
    'RunInstances',
    'AttachNetworkInterface',
    ...ROUTE_EVENTS,
    ...TAG_EVENTS,
  ],
  configResourceTypes: ['AWS::EC2::NetworkInterface', 'AWS::EC2::Instance'],
};

export const FLOW_LOG_TRIGGERS = {
  cloudTrailEvents: ['CreateVpc', 'CreateFlowLogs', 'DeleteFlowLogs', ...TAG_EVENTS],
  configResourceTypes: ['AWS::EC2::VPC', 'AWS::EC2::FlowLog'],
};

export const SUBNET_ATTRIBUTE_TRIGGERS = {
  cloudTrailEvents: ['CreateSubnet', 'ModifySubnetAttribute', ...TAG_EVENTS],
  configResourceTypes: ['AWS::EC2::Subnet'],
};

export const NAT_GATEWAY_DOC = 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html';
export const ROUTE_TABLES_DOC = 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html';
