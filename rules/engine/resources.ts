import type { SnapshotModel } from './model';
import type {
  ClientVpnEndpoint,
  CustomerGateway,
  NatGateway,
  NetworkAcl,
  NetworkInterface,
  RouteTable,
  SecurityGroup,
  Snapshot,
  SnapshotKey,
  Subnet,
  Tag,
  Vpc,
  VpnConnection,
  VpnGateway,
} from './snapshot-schema';
import type { ResourceKindName } from './types';

export interface ResourceOf {
  SecurityGroup: SecurityGroup;
  NetworkAcl: NetworkAcl;
  Vpc: Vpc;
  Subnet: Subnet;
  NatGateway: NatGateway;
  RouteTable: RouteTable;
  NetworkInterface: NetworkInterface;
  VpnConnection: VpnConnection;
  VpnGateway: VpnGateway;
  CustomerGateway: CustomerGateway;
  ClientVpnEndpoint: ClientVpnEndpoint;
}

/** How the engine lists, names and tags each kind of resource; rules never repeat this. */
export interface ResourceKind<R> {
  /** CloudFormation type, used in findings (design.md). */
  cfnType: string;
  /** ASFF Resources[].Type ("Other" where ASFF has none). */
  asffType: string;
  /** Config resource type that triggers re-evaluation. */
  configType: string;
  snapshotKey: SnapshotKey;
  /** ARN resource part: arn:PARTITION:ec2:REGION:ACCOUNT:<arnType>/<id>. */
  arnType: string;
  /** The field holding the id (named in input errors: two resources with one id). */
  idField: string;
  list(model: SnapshotModel): R[];
  id(resource: R): string;
  tags(resource: R): Tag[] | undefined;
}

/** A kind whose resources are the snapshot's list under `key`, each named by its field `idField`. */
function kind<K extends SnapshotKey, R extends NonNullable<Snapshot[K]> extends Array<infer I> ? I : never>(
  key: K,
  cfn: string,
  asffType: string,
  arnType: string,
  idField: keyof R & string,
  tags: (r: R) => Tag[] | undefined = (r) => (r as { Tags?: Tag[] }).Tags,
): ResourceKind<R> {
  return {
    cfnType: `AWS::EC2::${cfn}`,
    asffType,
    configType: `AWS::EC2::${cfn}`,
    snapshotKey: key,
    arnType,
    idField,
    list: (m) => (m.snapshot[key] ?? []) as R[],
    id: (r) => r[idField] as string,
    tags,
  };
}

export const RESOURCE_KINDS: { [K in ResourceKindName]: ResourceKind<ResourceOf[K]> } = {
  SecurityGroup: kind('SecurityGroups', 'SecurityGroup', 'AwsEc2SecurityGroup', 'security-group', 'GroupId'),
  NetworkAcl: kind('NetworkAcls', 'NetworkAcl', 'AwsEc2NetworkAcl', 'network-acl', 'NetworkAclId'),
  Vpc: kind('Vpcs', 'VPC', 'AwsEc2Vpc', 'vpc', 'VpcId'),
  Subnet: kind('Subnets', 'Subnet', 'AwsEc2Subnet', 'subnet', 'SubnetId'),
  NatGateway: kind('NatGateways', 'NatGateway', 'Other', 'natgateway', 'NatGatewayId'),
  RouteTable: kind('RouteTables', 'RouteTable', 'AwsEc2RouteTable', 'route-table', 'RouteTableId'),
  NetworkInterface: kind('NetworkInterfaces', 'NetworkInterface', 'AwsEc2NetworkInterface', 'network-interface', 'NetworkInterfaceId', (r) => r.TagSet),
  VpnConnection: kind('VpnConnections', 'VPNConnection', 'AwsEc2VpnConnection', 'vpn-connection', 'VpnConnectionId'),
  VpnGateway: kind('VpnGateways', 'VPNGateway', 'Other', 'vpn-gateway', 'VpnGatewayId'),
  CustomerGateway: kind('CustomerGateways', 'CustomerGateway', 'Other', 'customer-gateway', 'CustomerGatewayId'),
  ClientVpnEndpoint: kind('ClientVpnEndpoints', 'ClientVpnEndpoint', 'AwsEc2ClientVpnEndpoint', 'client-vpn-endpoint', 'ClientVpnEndpointId'),
};

export function partitionOf(region: string): string {
  return region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

export function resourceArn(kind: ResourceKindName, id: string, account: string, region: string): string {
  return `arn:${partitionOf(region)}:ec2:${region}:${account}:${RESOURCE_KINDS[kind].arnType}/${id}`;
}
