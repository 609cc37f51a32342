import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../rules/catalog';
import type { Affected } from '../../../lambdas/events/affected';
import { RESOLVERS, affectedResources } from '../../../lambdas/events/affected-resources';
import { copy, fixture } from './fixtures';

type Call = { requestParameters: unknown; responseElements: unknown };
const CALLS = fixture<Record<string, Call>>('cloudtrail-ec2-calls.json');
const runInstances = fixture<Call>('cloudtrail-run-instances.record.custodian.json');
const deleteTgwAttachment = fixture<{ detail: Call }>('cloudtrail-delete-tgw-attachment.custodian.json').detail;

/** One line per answer, so a table states what each call touched. */
function summary(a: Affected | undefined): string[] {
  if (!a) return ['no resolver'];
  return [
    ...a.resources.map((r) => `${r.kind} ${r.id}`),
    ...a.vpcIds.map((v) => `vpc context ${v}`),
    ...a.lookups.map((l) => `lookup ${l.kind} via ${l.describe} ${l.filter}=${l.value}${l.inDefaultVpc ? ' in the default VPC' : ''}`),
    ...a.sweeps.map((s) => `sweep ${s.kind}`),
  ];
}

const touched = (eventName: string, call: Call = CALLS[eventName]) => summary(affectedResources({ eventName, ...call } as never));

describe('affectedResources', () => {
  it('has a resolver for every CloudTrail event a rule triggers on', () => {
    const names = new Set(CATALOG.flatMap((r) => r.meta.triggers.cloudTrailEvents));
    const missing = [...names].filter((n) => !(n in RESOLVERS));
    expect(missing).toEqual([]);
    expect(names.size).toBeGreaterThan(50);
  });

  it('answers every event of the catalog with resources, a lookup or a sweep, from its fixture shape', () => {
    const names = new Set(CATALOG.flatMap((r) => r.meta.triggers.cloudTrailEvents));
    const fixtures: Record<string, Call> = { ...CALLS, RunInstances: runInstances, DeleteTransitGatewayVpcAttachment: deleteTgwAttachment };
    const empty = [...names].filter((n) => {
      const lines = fixtures[n] ? touched(n, fixtures[n]) : ['no fixture'];
      return lines.length === 0 || lines.includes('no fixture');
    });
    expect(empty).toEqual([]);
  });

  it('answers undefined for an event name it does not know', () => {
    expect(affectedResources({ eventName: 'DescribeInstances', requestParameters: {}, responseElements: null })).toBeUndefined();
  });

  it.each([
    ['CreateSecurityGroup', ['SecurityGroup sg-0new', 'vpc context vpc-0a']],
    // The group changed, and the group its new rule references (sg-attached counts references).
    ['AuthorizeSecurityGroupIngress', ['SecurityGroup sg-0a', 'SecurityGroup sg-0ref']],
    ['RevokeSecurityGroupEgress', ['SecurityGroup sg-0a']],
    ['ModifySecurityGroupRules', ['SecurityGroup sg-0a', 'SecurityGroup sg-0ref']],
    // Tags name any resource; kinds no rule evaluates (the instance) are left out.
    ['CreateTags', ['SecurityGroup sg-0a', 'ClientVpnEndpoint cvpn-endpoint-0a']],
    ['CreateNetworkInterface', ['NetworkInterface eni-0a', 'SecurityGroup sg-0a', 'vpc context vpc-0a']],
    ['DeleteNetworkInterface', ['NetworkInterface eni-0a', 'lookup RouteTable via RouteTables route.network-interface-id=eni-0a', 'sweep SecurityGroup']],
    ['ModifyNetworkInterfaceAttribute', ['NetworkInterface eni-0a', 'SecurityGroup sg-0b', 'sweep SecurityGroup']],
    ['DetachNetworkInterface', ['sweep NetworkInterface', 'sweep RouteTable']],
    ['AssociateAddress', ['lookup NetworkInterface via NetworkInterfaces attachment.instance-id=i-0abc']],
    ['DisassociateAddress', ['sweep NetworkInterface']],
    ['AssignIpv6Addresses', ['NetworkInterface eni-0a']],
    [
      'TerminateInstances',
      ['lookup NetworkInterface via NetworkInterfaces attachment.instance-id=i-0abc', 'lookup RouteTable via RouteTables route.instance-id=i-0abc', 'sweep SecurityGroup'],
    ],
    ['StopInstances', ['lookup RouteTable via RouteTables route.instance-id=i-0abc']],
    ['ModifyInstanceAttribute', ['SecurityGroup sg-0b', 'lookup NetworkInterface via NetworkInterfaces attachment.instance-id=i-0abc', 'sweep SecurityGroup']],
    ['CreateRouteTable', ['RouteTable rtb-0a', 'vpc context vpc-0a']],
    ['CreateRoute', ['RouteTable rtb-0a']],
    ['AssociateRouteTable', ['RouteTable rtb-0a', 'Subnet subnet-0a', 'sweep RouteTable']],
    ['ReplaceRouteTableAssociation', ['RouteTable rtb-0b', 'lookup Subnet via RouteTables association.route-table-association-id=rtbassoc-0b', 'sweep RouteTable']],
    ['DisassociateRouteTable', ['sweep RouteTable', 'sweep Subnet']],
    ['AttachInternetGateway', ['vpc context vpc-0a', 'sweep NetworkInterface', 'sweep NatGateway']],
    ['DetachInternetGateway', ['vpc context vpc-0a', 'lookup RouteTable via RouteTables route.gateway-id=igw-0a', 'sweep NetworkInterface', 'sweep NatGateway']],
    ['DeleteEgressOnlyInternetGateway', ['lookup RouteTable via RouteTables route.egress-only-internet-gateway-id=eigw-0a']],
    ['DeleteVpcPeeringConnection', ['lookup RouteTable via RouteTables route.vpc-peering-connection-id=pcx-0a']],
    ['CreateNetworkAcl', ['NetworkAcl acl-0a', 'vpc context vpc-0a']],
    // A NACL entry event names the NACL.
    ['CreateNetworkAclEntry', ['NetworkAcl acl-0a']],
    ['DeleteNetworkAclEntry', ['NetworkAcl acl-0a']],
    // The subnet is found by the new association id.
    ['ReplaceNetworkAclAssociation', ['NetworkAcl acl-0b', 'lookup Subnet via NetworkAcls association.association-id=aclassoc-0b', 'sweep NetworkAcl']],
    ['CreateNatGateway', ['NatGateway nat-0a', 'vpc context vpc-0a']],
    ['DeleteNatGateway', ['NatGateway nat-0a', 'lookup RouteTable via RouteTables route.nat-gateway-id=nat-0a']],
    ['ModifySubnetAttribute', ['Subnet subnet-0a']],
    ['CreateVpc', ['Vpc vpc-0a', 'vpc context vpc-0a']],
    ['CreateFlowLogs', ['Vpc vpc-0a']],
    ['DeleteFlowLogs', ['sweep Vpc']],
    ['CreateVpnConnection', ['VpnConnection vpn-0a', 'CustomerGateway cgw-0a']],
    ['ModifyVpnConnection', ['VpnConnection vpn-0a', 'CustomerGateway cgw-0b']],
    ['ModifyVpnTunnelOptions', ['VpnConnection vpn-0a', 'CustomerGateway cgw-0a']],
    ['DeleteVpnConnection', ['VpnConnection vpn-0a', 'lookup CustomerGateway via VpnConnections vpn-connection-id=vpn-0a']],
    ['DeleteCustomerGateway', ['CustomerGateway cgw-0a']],
    ['AttachVpnGateway', ['VpnGateway vgw-0a', 'vpc context vpc-0a']],
    ['DetachVpnGateway', ['VpnGateway vgw-0a', 'vpc context vpc-0a', 'lookup RouteTable via RouteTables route.gateway-id=vgw-0a']],
    ['CreateClientVpnEndpoint', ['ClientVpnEndpoint cvpn-endpoint-0a']],
    ['AuthorizeClientVpnIngress', ['ClientVpnEndpoint cvpn-endpoint-0a']],
  ])('%s', (eventName, expected) => {
    expect(touched(eventName)).toEqual(expected);
  });

  it('RunInstances (Cloud Custodian’s record, two instances) names the interfaces from responseElements and the groups', () => {
    expect(touched('RunInstances', runInstances)).toEqual([
      'NetworkInterface eni-6a08d837',
      'NetworkInterface eni-6508d838',
      'SecurityGroup sg-bd2d87d9',
      'vpc context vpc-1b4a1b7e',
    ]);
  });

  it('DeleteTransitGatewayVpcAttachment (Cloud Custodian’s event) looks up the tables routing to the gateway', () => {
    expect(touched('DeleteTransitGatewayVpcAttachment', deleteTgwAttachment)).toEqual([
      'vpc context vpc-0e2a18296548d753e',
      'lookup RouteTable via RouteTables route.transit-gateway-id=tgw-008fe7d47ebe2dbeb',
    ]);
  });

  it('returns a group named only by GroupName (default VPC) as a name to resolve', () => {
    const call = { requestParameters: { groupName: 'default', ipPermissions: { items: [] } }, responseElements: { _return: true } };
    expect(touched('AuthorizeSecurityGroupIngress', call)).toEqual(['lookup SecurityGroup via SecurityGroups group-name=default in the default VPC']);
  });

  it('needs no name lookup when the response names the group', () => {
    const call = copy(CALLS.AuthorizeSecurityGroupIngress) as { requestParameters: Record<string, unknown> };
    delete call.requestParameters.groupId;
    call.requestParameters.groupName = 'web';
    expect(touched('AuthorizeSecurityGroupIngress', call as Call).sort()).toEqual(['SecurityGroup sg-0a', 'SecurityGroup sg-0ref']);
  });

  it('reads a call with null requestParameters without failing', () => {
    expect(touched('DeleteFlowLogs', { requestParameters: null, responseElements: null })).toEqual(['sweep Vpc']);
  });
});
