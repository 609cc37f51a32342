import { EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { type AwsStub, mockClient } from 'aws-sdk-client-mock';
import { SOURCES, type Source } from '../../../../lambdas/adapters/ec2/sources';

type Item = Record<string, unknown>;

const ingress22 = { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] };
const fromList = { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, IpRanges: [], Ipv6Ranges: [], PrefixListIds: [{ PrefixListId: 'pl-cust' }], UserIdGroupPairs: [] };

/**
 * A small account in describe-* shapes, two items per list so that every paginated call can be
 * served in two pages: sg-web is open on 22 to the world (a HIGH failure), sg-db admits a
 * customer prefix list, the main route table sends a prefix list of AWS's to the gateway.
 */
export const ACCOUNT: Record<string, Item[]> = {
  SecurityGroups: [
    { GroupId: 'sg-web', GroupName: 'web', VpcId: 'vpc-1', OwnerId: '111122223333', IpPermissions: [ingress22], IpPermissionsEgress: [] },
    { GroupId: 'sg-db', GroupName: 'db', VpcId: 'vpc-1', OwnerId: '111122223333', IpPermissions: [fromList], IpPermissionsEgress: [] },
  ],
  SecurityGroupRules: [
    { SecurityGroupRuleId: 'sgr-1', GroupId: 'sg-web', IsEgress: false, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '0.0.0.0/0' },
    { SecurityGroupRuleId: 'sgr-2', GroupId: 'sg-db', IsEgress: false, IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, PrefixListId: 'pl-cust' },
  ],
  NetworkAcls: [
    { NetworkAclId: 'acl-1', VpcId: 'vpc-1', IsDefault: true, Associations: [{ SubnetId: 'subnet-1' }], Entries: [] },
    { NetworkAclId: 'acl-2', VpcId: 'vpc-1', IsDefault: false, Associations: [{ SubnetId: 'subnet-2' }], Entries: [] },
  ],
  Vpcs: [
    { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' },
    { VpcId: 'vpc-2', CidrBlock: '10.1.0.0/16' },
  ],
  Subnets: [
    { SubnetId: 'subnet-1', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', AvailabilityZone: 'eu-west-1a', MapPublicIpOnLaunch: false },
    { SubnetId: 'subnet-2', VpcId: 'vpc-1', CidrBlock: '10.0.2.0/24', AvailabilityZone: 'eu-west-1b', MapPublicIpOnLaunch: false },
  ],
  RouteTables: [
    {
      RouteTableId: 'rtb-1',
      VpcId: 'vpc-1',
      Associations: [{ Main: true }],
      Routes: [
        { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active', Origin: 'CreateRoute' },
        { DestinationPrefixListId: 'pl-aws', GatewayId: 'vpce-1', State: 'active', Origin: 'CreateRoute' },
      ],
    },
    { RouteTableId: 'rtb-2', VpcId: 'vpc-1', Associations: [{ SubnetId: 'subnet-2' }], Routes: [] },
  ],
  InternetGateways: [
    { InternetGatewayId: 'igw-1', Attachments: [{ VpcId: 'vpc-1', State: 'available' }] },
    { InternetGatewayId: 'igw-2', Attachments: [] },
  ],
  EgressOnlyInternetGateways: [{ EgressOnlyInternetGatewayId: 'eigw-1' }, { EgressOnlyInternetGatewayId: 'eigw-2' }],
  NatGateways: [
    { NatGatewayId: 'nat-1', SubnetId: 'subnet-1', VpcId: 'vpc-1', State: 'available', ConnectivityType: 'public' },
    { NatGatewayId: 'nat-2', SubnetId: 'subnet-2', VpcId: 'vpc-1', State: 'available', ConnectivityType: 'private' },
  ],
  NetworkInterfaces: [
    { NetworkInterfaceId: 'eni-1', SubnetId: 'subnet-1', VpcId: 'vpc-1', InterfaceType: 'interface', SourceDestCheck: true, Groups: [{ GroupId: 'sg-web' }], Association: { PublicIp: '198.51.100.7' } },
    { NetworkInterfaceId: 'eni-2', SubnetId: 'subnet-2', VpcId: 'vpc-1', InterfaceType: 'interface', SourceDestCheck: true, Groups: [{ GroupId: 'sg-db' }] },
  ],
  Reservations: [{ Instances: [{ InstanceId: 'i-1', SourceDestCheck: true }] }, { Instances: [{ InstanceId: 'i-2', SourceDestCheck: true }] }],
  FlowLogs: [
    { FlowLogId: 'fl-1', ResourceId: 'vpc-1', TrafficType: 'ALL', FlowLogStatus: 'ACTIVE', DeliverLogsStatus: 'SUCCESS' },
    { FlowLogId: 'fl-2', ResourceId: 'vpc-2', TrafficType: 'ALL', FlowLogStatus: 'ACTIVE', DeliverLogsStatus: 'SUCCESS' },
  ],
  VpnConnections: [{ VpnConnectionId: 'vpn-1', State: 'available', CustomerGatewayId: 'cgw-1', VpnGatewayId: 'vgw-1' }],
  VpnGateways: [{ VpnGatewayId: 'vgw-1', State: 'available', VpcAttachments: [{ VpcId: 'vpc-1', State: 'attached' }] }],
  CustomerGateways: [{ CustomerGatewayId: 'cgw-1', State: 'available' }],
  ClientVpnEndpoints: [
    { ClientVpnEndpointId: 'cvpn-endpoint-1', ConnectionLogOptions: { Enabled: true }, SplitTunnel: false },
    { ClientVpnEndpointId: 'cvpn-endpoint-2', ConnectionLogOptions: { Enabled: false }, SplitTunnel: true },
  ],
  ManagedPrefixLists: [
    { PrefixListId: 'pl-cust', PrefixListName: 'office', OwnerId: '111122223333' },
    { PrefixListId: 'pl-aws', PrefixListName: 'com.amazonaws.eu-west-1.s3', OwnerId: 'AWS' },
    { PrefixListId: 'pl-unused', PrefixListName: 'partners', OwnerId: '111122223333' },
  ],
};

/** Per endpoint (AuthorizationRules) or per prefix list (entries): two items each, so two pages. */
export const PER_ITEM: Record<string, Record<string, Item[]>> = {
  AuthorizationRules: {
    'cvpn-endpoint-1': [
      { ClientVpnEndpointId: 'cvpn-endpoint-1', DestinationCidr: '10.0.0.0/16', AccessAll: false, GroupId: 'g-1' },
      { ClientVpnEndpointId: 'cvpn-endpoint-1', DestinationCidr: '10.1.0.0/16', AccessAll: false, GroupId: 'g-2' },
    ],
    'cvpn-endpoint-2': [
      { ClientVpnEndpointId: 'cvpn-endpoint-2', DestinationCidr: '0.0.0.0/0', AccessAll: true },
      { ClientVpnEndpointId: 'cvpn-endpoint-2', DestinationCidr: '10.0.0.0/8', AccessAll: true },
    ],
  },
  PrefixListEntries: {
    'pl-cust': [{ Cidr: '203.0.113.0/24', Description: 'office' }, { Cidr: '198.51.100.0/24' }],
    'pl-unused': [{ Cidr: '192.0.2.0/24' }, { Cidr: '192.0.2.128/25' }],
  },
};

export const ACCOUNT_ID = '111122223333';

/** The items a call answers, in pages of one when the call pages (NextToken 'page-2'). */
function answer(source: Source, input: Item): Item {
  const items =
    source.key === 'AuthorizationRules'
      ? (PER_ITEM.AuthorizationRules[input.ClientVpnEndpointId as string] ?? [])
      : source.key === 'PrefixListEntries'
        ? (PER_ITEM.PrefixListEntries[input.PrefixListId as string] ?? [])
        : ACCOUNT[source.key];
  if (!source.paginate) return { [source.field]: items };
  const half = Math.ceil(items.length / 2);
  return input.NextToken === 'page-2' ? { [source.field]: items.slice(half) } : { [source.field]: items.slice(0, half), NextToken: 'page-2' };
}

export interface FakeAccount {
  ec2: AwsStub<any, any, any>;
  sts: AwsStub<any, any, any>;
  /** Every EC2 call, its input copied when sent (the SDK's paginators reuse one input object). */
  sent: Array<{ command: string; input: Item }>;
}

/** Mocks EC2 and STS (every client instance) to serve ACCOUNT; `override` replaces one call. */
export function mockAccount(override: Partial<Record<string, (input: Item) => unknown>> = {}): FakeAccount {
  const ec2 = mockClient(EC2Client);
  const sts = mockClient(STSClient);
  const sent: FakeAccount['sent'] = [];
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT_ID });
  for (const source of SOURCES) {
    const fake = override[source.action];
    ec2.on(source.command as never).callsFake((input: Item) => {
      sent.push({ command: source.command.name, input: structuredClone(input) });
      return fake ? fake(input) : answer(source, input);
    });
  }
  return { ec2, sts, sent };
}

/** Pages a full read takes: two per paginated list, one per unpaged call, per item for the rest. */
export function pagesOf(source: Source): number {
  if (source.key === 'AuthorizationRules') return Object.keys(PER_ITEM.AuthorizationRules).length * 2;
  if (source.key === 'PrefixListEntries') return 2; // pl-cust only: pl-unused is referenced by nothing, pl-aws is AWS's
  return source.paginate ? 2 : 1;
}
