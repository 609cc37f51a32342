import { entry, nacl, perm, sg } from '../../../helpers';

type Json = Record<string, unknown>;

export interface NetworkOptions {
  /** Routes of the subnet's table beyond local: [destination, target id]. */
  routes?: Array<[string, string]>;
  /** Inbound and outbound NACL entries; default allows everything both ways. */
  naclEntries?: Json[];
  /** Ingress permissions of sg-1. */
  ingress?: Json[];
  publicIp?: string;
  ipv6?: string;
  /** Extra interfaces/groups/route tables. */
  extra?: Json;
}

const ALLOW_ALL = [
  entry(100, 'allow', '-1', '0.0.0.0/0'),
  entry(101, 'allow', '-1', '::/0'),
  entry(100, 'allow', '-1', '0.0.0.0/0', undefined, true),
  entry(101, 'allow', '-1', '::/0', undefined, true),
];

/**
 * One VPC, one subnet, one interface (eni-1, instance i-1) in sg-1: everything reachability
 * needs, with the parts a test varies as options. Shapes are the EC2 API's.
 */
export function network(o: NetworkOptions = {}): Json {
  const routes = [
    { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' },
    ...(o.routes ?? [['0.0.0.0/0', 'igw-1']]).map(([dest, target]) => ({
      ...(dest.includes(':') ? { DestinationIpv6CidrBlock: dest } : { DestinationCidrBlock: dest }),
      ...(target.startsWith('nat-') ? { NatGatewayId: target } : target.startsWith('eigw-') ? { EgressOnlyInternetGatewayId: target } : { GatewayId: target }),
      State: target === 'blackhole' ? 'blackhole' : 'active',
    })),
  ];
  return {
    Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' }],
    Subnets: [{ SubnetId: 'subnet-1', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', AvailabilityZone: 'eu-west-1a' }],
    InternetGateways: [{ InternetGatewayId: 'igw-1', Attachments: [{ VpcId: 'vpc-1', State: 'available' }] }],
    EgressOnlyInternetGateways: [{ EgressOnlyInternetGatewayId: 'eigw-1', Attachments: [{ VpcId: 'vpc-1', State: 'attached' }] }],
    RouteTables: [{ RouteTableId: 'rtb-1', VpcId: 'vpc-1', Associations: [{ Main: true }, { SubnetId: 'subnet-1' }], Routes: routes }],
    NetworkAcls: [nacl('acl-1', o.naclEntries ?? ALLOW_ALL)],
    SecurityGroups: [sg('sg-1', o.ingress ?? [perm('tcp', 22, 22, '0.0.0.0/0', '::/0')])],
    NetworkInterfaces: [
      {
        NetworkInterfaceId: 'eni-1',
        SubnetId: 'subnet-1',
        VpcId: 'vpc-1',
        InterfaceType: 'interface',
        PrivateIpAddress: '10.0.1.10',
        ...(o.publicIp === '' ? {} : { Association: { PublicIp: o.publicIp ?? '34.240.1.10' } }),
        Ipv6Addresses: o.ipv6 ? [{ Ipv6Address: o.ipv6 }] : [],
        Groups: [{ GroupId: 'sg-1', GroupName: 'sg-1' }],
        Attachment: { InstanceId: 'i-1', Status: 'attached' },
      },
    ],
    ...o.extra,
  };
}
