import { SECURITY_GROUP_TRIGGERS } from '../triggers';

/**
 * An interface's exposure changes with its groups, its subnet's routes and NACL, and its
 * addresses: any of these events re-evaluates it.
 */
export const INTERFACE_EXPOSURE_TRIGGERS = {
  cloudTrailEvents: [
    ...SECURITY_GROUP_TRIGGERS.cloudTrailEvents,
    'CreateNetworkInterface',
    'ModifyNetworkInterfaceAttribute',
    'AssociateAddress',
    'DisassociateAddress',
    'AssignIpv6Addresses',
    'UnassignIpv6Addresses',
    'RunInstances',
    'CreateRoute',
    'ReplaceRoute',
    'DeleteRoute',
    'AssociateRouteTable',
    'ReplaceRouteTableAssociation',
    'DisassociateRouteTable',
    'AttachInternetGateway',
    'DetachInternetGateway',
    'CreateNetworkAclEntry',
    'ReplaceNetworkAclEntry',
    'DeleteNetworkAclEntry',
    'ReplaceNetworkAclAssociation',
  ],
  configResourceTypes: [
    'AWS::EC2::NetworkInterface',
    'AWS::EC2::SecurityGroup',
    'AWS::EC2::RouteTable',
    'AWS::EC2::NetworkAcl',
    'AWS::EC2::InternetGateway',
  ],
};
