import * as z from 'zod';

/**
 * The snapshot contract (design.md): the union of `aws ec2 describe-*` outputs, key for key.
 * Only the fields rules read are declared; everything else passes through untouched, so a user
 * can feed raw AWS CLI output. Every key is optional: rules report NOT_APPLICABLE without it.
 */
const str = z.string();
const int = z.number().int();
/**
 * An integer in [min, max]. The range is checked before integrality: zod's int() also bounds
 * to safe integers, and its 'expected int to be <=9007199254740991' would otherwise be the
 * error for a port of 1e20.
 */
function intIn(min: number, max: number, error = `expected an integer from ${min} to ${max}`) {
  return z.number().min(min, { error }).max(max, { error }).int();
}
/** What EC2 can return: a port, an ICMP type or code, or -1 for "all". */
const sgPort = intIn(-1, 65535, 'expected a port from -1 to 65535');
const naclPort = intIn(0, 65535, 'expected a port from 0 to 65535');
const icmpValue = intIn(-1, 255, 'expected an ICMP type or code from -1 to 255');
// Checks are formats and patterns, never refinements: they must survive z.toJSONSchema so the
// compiled validator (parse-snapshot.ts) enforces exactly what this schema says.
const cidr4 = z.cidrv4({ error: 'expected an IPv4 CIDR block such as 10.0.0.0/16' });
const cidr6 = z.cidrv6({ error: 'expected an IPv6 CIDR block such as 2001:db8::/32' });
const cidrAny = z.union([cidr4, cidr6], { error: 'expected a CIDR block' });
const protocol = z
  .string()
  .regex(/^(-1|tcp|udp|icmp|icmpv6|all|25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$/, {
    error: 'expected a protocol: "-1", tcp, udp, icmp, icmpv6 or a number 0-255',
  });
const obj = z.looseObject;
const list = <T extends z.ZodType>(item: T) => z.array(item).optional();

export const TagSchema = obj({ Key: str, Value: str.optional() });
const tags = list(TagSchema);

const IpPermissionSchema = obj({
  IpProtocol: protocol,
  FromPort: sgPort.optional(),
  ToPort: sgPort.optional(),
  IpRanges: list(obj({ CidrIp: cidr4, Description: str.optional() })),
  Ipv6Ranges: list(obj({ CidrIpv6: cidr6, Description: str.optional() })),
  PrefixListIds: list(obj({ PrefixListId: str, Description: str.optional() })),
  UserIdGroupPairs: list(obj({ GroupId: str.optional(), UserId: str.optional(), Description: str.optional() })),
});

const SecurityGroupSchema = obj({
  GroupId: str,
  GroupName: str.optional(),
  VpcId: str.optional(),
  OwnerId: str.optional(),
  IpPermissions: list(IpPermissionSchema),
  IpPermissionsEgress: list(IpPermissionSchema),
  Tags: tags,
});

const SecurityGroupRuleSchema = obj({
  SecurityGroupRuleId: str,
  GroupId: str,
  IsEgress: z.boolean(),
  IpProtocol: protocol,
  FromPort: sgPort.optional(),
  ToPort: sgPort.optional(),
  CidrIpv4: cidr4.optional(),
  CidrIpv6: cidr6.optional(),
  PrefixListId: str.optional(),
  ReferencedGroupInfo: obj({ GroupId: str.optional(), UserId: str.optional() }).optional(),
  Description: str.optional(),
});

const NaclEntrySchema = obj({
  RuleNumber: intIn(1, 32768),
  Protocol: protocol,
  RuleAction: z.enum(['allow', 'deny']),
  Egress: z.boolean(),
  CidrBlock: cidr4.optional(),
  Ipv6CidrBlock: cidr6.optional(),
  PortRange: obj({ From: naclPort.optional(), To: naclPort.optional() }).optional(),
  IcmpTypeCode: obj({ Type: icmpValue.optional(), Code: icmpValue.optional() }).optional(),
});

const NetworkAclSchema = obj({
  NetworkAclId: str,
  VpcId: str.optional(),
  IsDefault: z.boolean().optional(),
  Associations: list(obj({ NetworkAclAssociationId: str.optional(), SubnetId: str.optional() })),
  Entries: list(NaclEntrySchema),
  Tags: tags,
});

const VpcSchema = obj({
  VpcId: str,
  CidrBlock: cidr4.optional(),
  CidrBlockAssociationSet: list(obj({ CidrBlock: cidr4.optional() })),
  Ipv6CidrBlockAssociationSet: list(obj({ Ipv6CidrBlock: cidr6.optional() })),
  IsDefault: z.boolean().optional(),
  Tags: tags,
});

const SubnetSchema = obj({
  SubnetId: str,
  VpcId: str.optional(),
  CidrBlock: cidr4.optional(),
  Ipv6CidrBlockAssociationSet: list(obj({ Ipv6CidrBlock: cidr6.optional() })),
  AvailabilityZone: str.optional(),
  /** The zone's id (use1-az1): the same physical zone in every account, unlike the name. */
  AvailabilityZoneId: str.optional(),
  MapPublicIpOnLaunch: z.boolean().optional(),
  AssignIpv6AddressOnCreation: z.boolean().optional(),
  Tags: tags,
});

const NetworkInterfaceSchema = obj({
  NetworkInterfaceId: str,
  SubnetId: str.optional(),
  VpcId: str.optional(),
  InterfaceType: str.optional(),
  RequesterManaged: z.boolean().optional(),
  SourceDestCheck: z.boolean().optional(),
  Status: str.optional(),
  Groups: list(obj({ GroupId: str, GroupName: str.optional() })),
  AvailabilityZone: str.optional(),
  PrivateIpAddress: str.optional(),
  Association: obj({ PublicIp: str.optional() }).optional(),
  // An Elastic IP can sit on a secondary private address; delegated IPv6 prefixes are addresses too.
  PrivateIpAddresses: list(obj({ PrivateIpAddress: str.optional(), Association: obj({ PublicIp: str.optional() }).optional() })),
  Ipv6Addresses: list(obj({ Ipv6Address: z.ipv6({ error: 'expected an IPv6 address' }) })),
  Ipv6Prefixes: list(obj({ Ipv6Prefix: cidr6 })),
  Attachment: obj({ InstanceId: str.optional(), DeviceIndex: int.nonnegative().optional() }).optional(),
  TagSet: tags,
});

const PrefixListSchema = obj({ PrefixListId: str, PrefixListName: str.optional(), Cidrs: z.array(cidrAny).optional() });
const ManagedPrefixListSchema = obj({ PrefixListId: str, PrefixListName: str.optional(), OwnerId: str.optional() });

const attachments = list(obj({ VpcId: str.optional(), State: str.optional() }));

const RouteSchema = obj({
  DestinationCidrBlock: cidr4.optional(),
  DestinationIpv6CidrBlock: cidr6.optional(),
  DestinationPrefixListId: str.optional(),
  GatewayId: str.optional(),
  NatGatewayId: str.optional(),
  InstanceId: str.optional(),
  NetworkInterfaceId: str.optional(),
  VpcPeeringConnectionId: str.optional(),
  TransitGatewayId: str.optional(),
  EgressOnlyInternetGatewayId: str.optional(),
  LocalGatewayId: str.optional(),
  CarrierGatewayId: str.optional(),
  State: str.optional(),
  /** CreateRouteTable (local), CreateRoute (static) or EnableVgwRoutePropagation (propagated). */
  Origin: str.optional(),
});

const RouteTableSchema = obj({
  RouteTableId: str,
  VpcId: str.optional(),
  Associations: list(
    obj({
      Main: z.boolean().optional(),
      SubnetId: str.optional(),
      GatewayId: str.optional(),
      /** associating, associated, disassociating, disassociated or failed: only associated (or absent) counts. */
      AssociationState: obj({ State: str.optional(), StatusMessage: str.optional() }).optional(),
    }),
  ),
  Routes: list(RouteSchema),
  Tags: tags,
});

const NatGatewaySchema = obj({
  NatGatewayId: str,
  SubnetId: str.optional(),
  VpcId: str.optional(),
  State: str.optional(),
  ConnectivityType: str.optional(),
  NatGatewayAddresses: list(obj({ NetworkInterfaceId: str.optional(), PrivateIp: str.optional(), PublicIp: str.optional() })),
  Tags: tags,
});

const values = <T extends z.ZodType>(v: T) => list(obj({ Value: v }));
const TunnelOptionsSchema = obj({
  OutsideIpAddress: str.optional(),
  IkeVersions: values(str),
  Phase1EncryptionAlgorithms: values(str),
  Phase2EncryptionAlgorithms: values(str),
  Phase1IntegrityAlgorithms: values(str),
  Phase2IntegrityAlgorithms: values(str),
  Phase1DHGroupNumbers: values(int),
  Phase2DHGroupNumbers: values(int),
  LogOptions: obj({ CloudWatchLogOptions: obj({ LogEnabled: z.boolean().optional() }).optional() }).optional(),
});

const VpnConnectionSchema = obj({
  VpnConnectionId: str,
  State: str.optional(),
  CustomerGatewayId: str.optional(),
  VpnGatewayId: str.optional(),
  TransitGatewayId: str.optional(),
  Options: obj({ TunnelOptions: list(TunnelOptionsSchema) }).optional(),
  VgwTelemetry: list(obj({ OutsideIpAddress: str.optional(), Status: str.optional(), StatusMessage: str.optional() })),
  Tags: tags,
});

const ClientVpnEndpointSchema = obj({
  ClientVpnEndpointId: str,
  Status: obj({ Code: str.optional() }).optional(),
  ConnectionLogOptions: obj({ Enabled: z.boolean().optional() }).optional(),
  SplitTunnel: z.boolean().optional(),
  Tags: tags,
});

export const SnapshotSchema = obj({
  AccountId: str.optional(),
  Region: str.optional(),
  SecurityGroups: list(SecurityGroupSchema),
  SecurityGroupRules: list(SecurityGroupRuleSchema),
  NetworkAcls: list(NetworkAclSchema),
  Vpcs: list(VpcSchema),
  Subnets: list(SubnetSchema),
  NetworkInterfaces: list(NetworkInterfaceSchema),
  PrefixLists: list(PrefixListSchema),
  ManagedPrefixLists: list(ManagedPrefixListSchema),
  PrefixListEntries: z.record(str, z.array(obj({ Cidr: cidrAny, Description: str.optional() }))).optional(),
  RouteTables: list(RouteTableSchema),
  InternetGateways: list(obj({ InternetGatewayId: str, Attachments: attachments, Tags: tags })),
  EgressOnlyInternetGateways: list(obj({ EgressOnlyInternetGatewayId: str, Attachments: attachments, Tags: tags })),
  NatGateways: list(NatGatewaySchema),
  Reservations: list(obj({ Instances: list(obj({ InstanceId: str, SourceDestCheck: z.boolean().optional() })) })),
  FlowLogs: list(
    obj({
      FlowLogId: str,
      ResourceId: str.optional(),
      TrafficType: str.optional(),
      FlowLogStatus: str.optional(),
      DeliverLogsStatus: str.optional(),
    }),
  ),
  VpnConnections: list(VpnConnectionSchema),
  VpnGateways: list(obj({ VpnGatewayId: str, State: str.optional(), VpcAttachments: attachments, Tags: tags })),
  CustomerGateways: list(obj({ CustomerGatewayId: str, State: str.optional(), CertificateArn: str.optional(), Tags: tags })),
  ClientVpnEndpoints: list(ClientVpnEndpointSchema),
  AuthorizationRules: list(
    obj({
      ClientVpnEndpointId: str,
      AccessAll: z.boolean().optional(),
      GroupId: str.optional(),
      DestinationCidr: str.optional(),
      Status: obj({ Code: str.optional() }).optional(),
    }),
  ),
});

/**
 * How ajv compiles snapshotJsonSchema() (at bundle time and, from source, at first use):
 * `inlineRefs: false` keeps each list's item schema its own function (see below).
 */
export const SNAPSHOT_AJV_OPTIONS = { strict: false, allErrors: false, validateFormats: false, inlineRefs: false } as const;

/**
 * The schema as JSON Schema, for the compiled validator. `additionalProperties: {}` (how zod
 * writes a loose object) is dropped: it allows what JSON Schema allows anyway, but makes the
 * compiled code visit every key of every object (about 60 ms on a 10k-group inventory). Each
 * top-level list's item schema moves to `definitions` under the list's key: compiled without
 * inlining, that is one function per kind of item, small enough for V8 to optimize, instead
 * of one function too large to (10k inventory: 160 -> ~140 ms on a first run, 86 ms warm).
 */
export function snapshotJsonSchema(): Record<string, unknown> {
  const drop = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(drop);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      const emptySchema = value !== null && typeof value === 'object' && Object.keys(value).length === 0;
      if (key === 'additionalProperties' && emptySchema) continue;
      out[key] = drop(value);
    }
    return out;
  };
  const schema = drop(z.toJSONSchema(SnapshotSchema, { target: 'draft-07', io: 'input', unrepresentable: 'any' })) as Record<string, unknown>;
  return hoistListItems(schema);
}

function hoistListItems(schema: Record<string, unknown>): Record<string, unknown> {
  const properties = { ...(schema.properties as Record<string, Record<string, unknown>>) };
  // zod emits no definitions of its own today; if it starts to, keep them.
  const definitions: Record<string, unknown> = { ...(schema.definitions as Record<string, unknown> | undefined) };
  for (const [key, list] of Object.entries(properties)) {
    const items = list.items as Record<string, unknown> | undefined;
    if (list.type !== 'array' || items?.type !== 'object') continue;
    if (key in definitions) throw new Error(`snapshotJsonSchema: definition ${key} already exists`);
    definitions[key] = items;
    properties[key] = { ...list, items: { $ref: `#/definitions/${key}` } };
  }
  return { ...schema, properties, definitions };
}

export type Snapshot = z.infer<typeof SnapshotSchema>;
export type SecurityGroup = z.infer<typeof SecurityGroupSchema>;
export type IpPermission = z.infer<typeof IpPermissionSchema>;
export type SecurityGroupRule = z.infer<typeof SecurityGroupRuleSchema>;
export type NetworkAcl = z.infer<typeof NetworkAclSchema>;
export type NaclEntry = z.infer<typeof NaclEntrySchema>;
export type Vpc = z.infer<typeof VpcSchema>;
export type Subnet = z.infer<typeof SubnetSchema>;
export type NetworkInterface = z.infer<typeof NetworkInterfaceSchema>;
export type Tag = z.infer<typeof TagSchema>;
export type RouteTable = z.infer<typeof RouteTableSchema>;
export type Route = z.infer<typeof RouteSchema>;
export type NatGateway = z.infer<typeof NatGatewaySchema>;
export type VpnConnection = z.infer<typeof VpnConnectionSchema>;
export type TunnelOptions = z.infer<typeof TunnelOptionsSchema>;
export type InternetGateway = NonNullable<Snapshot['InternetGateways']>[number];
export type VpnGateway = NonNullable<Snapshot['VpnGateways']>[number];
export type CustomerGateway = NonNullable<Snapshot['CustomerGateways']>[number];
export type ClientVpnEndpoint = z.infer<typeof ClientVpnEndpointSchema>;
export type AuthorizationRule = NonNullable<Snapshot['AuthorizationRules']>[number];
export type FlowLog = NonNullable<Snapshot['FlowLogs']>[number];
export type SnapshotKey = Exclude<keyof Snapshot, 'AccountId' | 'Region'>;
