import {
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  AttachVpnGatewayCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateCustomerGatewayCommand,
  CreateFlowLogsCommand,
  CreateInternetGatewayCommand,
  CreateManagedPrefixListCommand,
  CreateNatGatewayCommand,
  CreateNetworkAclCommand,
  CreateNetworkAclEntryCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  CreateVpnConnectionCommand,
  CreateVpnGatewayCommand,
  DescribeNetworkAclsCommand,
  DescribeSecurityGroupRulesCommand,
  EC2Client,
  ModifySubnetAttributeCommand,
  ReplaceNetworkAclAssociationCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';

/** What the account was built to show; the tests compare findings with it. */
export interface BuiltAccount {
  vpcId: string;
  publicSubnetId: string;
  privateSubnetId: string;
  webGroupId: string;
  webRuleId: string;
  dbGroupId: string;
  officeListId: string;
  naclId: string;
  publicNatId: string;
  strandedNatId: string;
  instanceId: string;
  usedCustomerGatewayId: string;
  unusedCustomerGatewayId: string;
  attachedVpnGatewayId: string;
  detachedVpnGatewayId: string;
}

/**
 * A small account, built through the SDK as a user would: a VPC with a public subnet (internet
 * route, a NAT gateway, an instance with a public IP behind a group open on 22) and a private one
 * (a NAT gateway stranded without an internet route), a NACL whose ordered entries deny one /24
 * on 22 and then allow everything, a group admitting a customer prefix list, flow logs on the
 * VPC, and a Site-to-Site VPN with one customer gateway in use and one not.
 */
export async function buildAccount(ec2: EC2Client, motoUrl: string): Promise<BuiltAccount> {
  const send = ec2.send.bind(ec2) as (command: unknown) => Promise<any>;
  const vpcId = (await send(new CreateVpcCommand({ CidrBlock: '10.20.0.0/16' }))).Vpc.VpcId as string;
  const subnet = async (cidr: string, az: string) => (await send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: az }))).Subnet.SubnetId as string;
  const publicSubnetId = await subnet('10.20.1.0/24', 'eu-west-1a');
  const privateSubnetId = await subnet('10.20.2.0/24', 'eu-west-1b');
  await send(new ModifySubnetAttributeCommand({ SubnetId: publicSubnetId, MapPublicIpOnLaunch: { Value: true } }));

  const igw = (await send(new CreateInternetGatewayCommand({}))).InternetGateway.InternetGatewayId as string;
  await send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpcId }));
  const publicTable = (await send(new CreateRouteTableCommand({ VpcId: vpcId }))).RouteTable.RouteTableId as string;
  await send(new CreateRouteCommand({ RouteTableId: publicTable, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw }));
  await send(new AssociateRouteTableCommand({ RouteTableId: publicTable, SubnetId: publicSubnetId }));
  const nat = async (subnetId: string) => (await send(new CreateNatGatewayCommand({ SubnetId: subnetId }))).NatGateway.NatGatewayId as string;
  const publicNatId = await nat(publicSubnetId);
  const strandedNatId = await nat(privateSubnetId);

  // moto starts a custom NACL empty (AWS adds the two rule-32767 denies); the entries below
  // decide every tcp 22 packet either way.
  const naclId = (await send(new CreateNetworkAclCommand({ VpcId: vpcId }))).NetworkAcl.NetworkAclId as string;
  const entry = (RuleNumber: number, RuleAction: 'allow' | 'deny', Egress: boolean, CidrBlock: string, ports?: [number, number]) =>
    send(
      new CreateNetworkAclEntryCommand({
        NetworkAclId: naclId,
        RuleNumber,
        RuleAction,
        Egress,
        CidrBlock,
        Protocol: ports ? '6' : '-1',
        ...(ports ? { PortRange: { From: ports[0], To: ports[1] } } : {}),
      }),
    );
  await entry(100, 'deny', false, '203.0.113.0/24', [22, 22]);
  await entry(200, 'allow', false, '0.0.0.0/0');
  await entry(100, 'allow', true, '0.0.0.0/0');
  const acls = await send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'association.subnet-id', Values: [publicSubnetId] }] }));
  const association = acls.NetworkAcls[0].Associations.find((a: { SubnetId: string }) => a.SubnetId === publicSubnetId).NetworkAclAssociationId;
  await send(new ReplaceNetworkAclAssociationCommand({ AssociationId: association, NetworkAclId: naclId }));

  const officeListId = (await send(new CreateManagedPrefixListCommand({ PrefixListName: 'office', MaxEntries: 5, AddressFamily: 'IPv4', Entries: [{ Cidr: '198.51.100.0/24', Description: 'office' }] })))
    .PrefixList.PrefixListId as string;
  const group = async (name: string) => (await send(new CreateSecurityGroupCommand({ GroupName: name, Description: name, VpcId: vpcId }))).GroupId as string;
  const webGroupId = await group('web');
  const dbGroupId = await group('db');
  await send(new AuthorizeSecurityGroupIngressCommand({ GroupId: webGroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }));
  await send(new AuthorizeSecurityGroupIngressCommand({ GroupId: dbGroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, PrefixListIds: [{ PrefixListId: officeListId }] }] }));
  const webRuleId = (await send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [webGroupId] }] }))).SecurityGroupRules.find(
    (r: { IsEgress: boolean }) => !r.IsEgress,
  ).SecurityGroupRuleId as string;

  const instanceId = (await send(new RunInstancesCommand({ ImageId: 'ami-12c6146b', MinCount: 1, MaxCount: 1, SubnetId: publicSubnetId, SecurityGroupIds: [webGroupId] }))).Instances[0]
    .InstanceId as string;
  // moto reports delivery FAILED unless the log group exists (AWS: unless the role may write).
  await createLogGroup(motoUrl, 'vpc-flow-logs');
  await send(
    new CreateFlowLogsCommand({
      ResourceIds: [vpcId],
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
      LogGroupName: 'vpc-flow-logs',
      DeliverLogsPermissionArn: 'arn:aws:iam::123456789012:role/flow-logs',
    }),
  );

  const cgw = async (ip: string) => (await send(new CreateCustomerGatewayCommand({ Type: 'ipsec.1', PublicIp: ip, BgpAsn: 65000 }))).CustomerGateway.CustomerGatewayId as string;
  const usedCustomerGatewayId = await cgw('198.51.100.10');
  const unusedCustomerGatewayId = await cgw('198.51.100.11');
  const vgw = async () => (await send(new CreateVpnGatewayCommand({ Type: 'ipsec.1' }))).VpnGateway.VpnGatewayId as string;
  const attachedVpnGatewayId = await vgw();
  const detachedVpnGatewayId = await vgw();
  await send(new AttachVpnGatewayCommand({ VpcId: vpcId, VpnGatewayId: attachedVpnGatewayId }));
  await send(new CreateVpnConnectionCommand({ Type: 'ipsec.1', CustomerGatewayId: usedCustomerGatewayId, VpnGatewayId: attachedVpnGatewayId }));

  return {
    vpcId,
    publicSubnetId,
    privateSubnetId,
    webGroupId,
    webRuleId,
    dbGroupId,
    officeListId,
    naclId,
    publicNatId,
    strandedNatId,
    instanceId,
    usedCustomerGatewayId,
    unusedCustomerGatewayId,
    attachedVpnGatewayId,
    detachedVpnGatewayId,
  };
}

/** CloudWatch Logs CreateLogGroup, sent as JSON (the project has no Logs client; moto checks no signature). */
async function createLogGroup(motoUrl: string, name: string): Promise<void> {
  const res = await fetch(motoUrl, {
    method: 'POST',
    headers: {
      'X-Amz-Target': 'Logs_20140328.CreateLogGroup',
      'Content-Type': 'application/x-amz-json-1.1',
      Authorization: 'AWS4-HMAC-SHA256 Credential=testing/20260101/eu-west-1/logs/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify({ logGroupName: name }),
  });
  if (res.status !== 200) throw new Error(`CreateLogGroup: HTTP ${res.status}`);
}
