import {
  DescribeClientVpnAuthorizationRulesCommand,
  DescribeClientVpnEndpointsCommand,
  DescribeCustomerGatewaysCommand,
  DescribeEgressOnlyInternetGatewaysCommand,
  DescribeFlowLogsCommand,
  DescribeInstancesCommand,
  DescribeInternetGatewaysCommand,
  DescribeManagedPrefixListsCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkAclsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  DescribeVpnConnectionsCommand,
  DescribeVpnGatewaysCommand,
  type EC2Client,
  GetManagedPrefixListEntriesCommand,
  paginateDescribeClientVpnAuthorizationRules,
  paginateDescribeClientVpnEndpoints,
  paginateDescribeEgressOnlyInternetGateways,
  paginateDescribeFlowLogs,
  paginateDescribeInstances,
  paginateDescribeInternetGateways,
  paginateDescribeManagedPrefixLists,
  paginateDescribeNatGateways,
  paginateDescribeNetworkAcls,
  paginateDescribeNetworkInterfaces,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroupRules,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVpcs,
  paginateGetManagedPrefixListEntries,
} from '@aws-sdk/client-ec2';
import type { SnapshotKey } from '../../../rules/engine/snapshot-schema';
import type { ReadScope, ResourceReadScope } from '../../app/audit-scope';

/**
 * THE table: which EC2 call fills each snapshot key (design.md "Read what the rules need").
 * collect.ts walks it; the IAM policy in README and, later, the evaluator's role in the CDK
 * stack are derived from it, so a key added here is a permission granted there.
 *
 * - `pageSize`: the largest MaxResults the API accepts (absent: the API does not page).
 * - `byVpc`: the server-side filter that reads one VPC's items, for the resource scope.
 * - `byId`: the scope field naming resources of this key, and the filter that reads them.
 * - `perItem`: the call is made once per item of another key (AuthorizationRules per endpoint,
 *   PrefixListEntries per customer prefix list): collect.ts handles those two by name.
 * - `params`: sent with every call of the key, whatever the scope.
 */
export interface Source {
  key: SnapshotKey;
  /** The IAM action the call needs (also its name in warnings). */
  action: `ec2:${string}`;
  // The SDK's commands differ only in their input and output shapes, which this table does not
  // need to know: collect.ts reads `field` from the output.
  command: new (input: Record<string, unknown>) => unknown;
  /** The SDK's paginator, for calls that page. */
  paginate?: Paginate;
  field: string;
  pageSize?: number;
  byVpc?: string;
  byId?: { scope: ScopeIdField; filter: string };
  perItem?: SnapshotKey;
  params?: Record<string, unknown>;
}

/**
 * The scope to read: lambdas/app/audit-scope.ts defines it (one field per resource kind, its
 * SCOPE_FIELD); `byId.scope` names one of those fields.
 */
export type Scope = ReadScope;
export type ResourceScope = ResourceReadScope;
export type ScopeIdField = Exclude<keyof ResourceScope, 'kind' | 'vpcContext'>;

type Cmd = Source['command'];
export type Paginate = (config: { client: EC2Client; pageSize?: number }, input: Record<string, unknown>) => AsyncIterable<Record<string, unknown>>;
/**
 * An account whose managed resource visibility is `hidden` (ModifyManagedResourceVisibility)
 * leaves resources that AWS services manage for it (EKS Auto Mode nodes and their interfaces)
 * out of Describe answers unless the call asks for them; an auditor must see them all.
 */
const WITH_MANAGED = { IncludeManagedResources: true };

const source = (
  key: SnapshotKey,
  action: Source['action'],
  command: unknown,
  paginate: unknown,
  field: string,
  rest: Partial<Source> = {},
): Source => ({ key, action, command: command as Cmd, ...(paginate ? { paginate: paginate as Paginate } : {}), field, ...rest });

export const SOURCES: readonly Source[] = [
  source('SecurityGroups', 'ec2:DescribeSecurityGroups', DescribeSecurityGroupsCommand, paginateDescribeSecurityGroups, 'SecurityGroups', {
    pageSize: 1000,
    byVpc: 'vpc-id',
    byId: { scope: 'securityGroupIds', filter: 'group-id' },
  }),
  // No vpc-id filter exists for rules: the resource scope reads them by the groups it read.
  source('SecurityGroupRules', 'ec2:DescribeSecurityGroupRules', DescribeSecurityGroupRulesCommand, paginateDescribeSecurityGroupRules, 'SecurityGroupRules', {
    pageSize: 1000,
    byId: { scope: 'securityGroupIds', filter: 'group-id' },
  }),
  source('NetworkAcls', 'ec2:DescribeNetworkAcls', DescribeNetworkAclsCommand, paginateDescribeNetworkAcls, 'NetworkAcls', {
    pageSize: 1000,
    byVpc: 'vpc-id',
    byId: { scope: 'networkAclIds', filter: 'network-acl-id' },
  }),
  source('Vpcs', 'ec2:DescribeVpcs', DescribeVpcsCommand, paginateDescribeVpcs, 'Vpcs', { pageSize: 1000, byVpc: 'vpc-id', byId: { scope: 'vpcIds', filter: 'vpc-id' } }),
  source('Subnets', 'ec2:DescribeSubnets', DescribeSubnetsCommand, paginateDescribeSubnets, 'Subnets', {
    pageSize: 1000,
    byVpc: 'vpc-id',
    byId: { scope: 'subnetIds', filter: 'subnet-id' },
  }),
  source('RouteTables', 'ec2:DescribeRouteTables', DescribeRouteTablesCommand, paginateDescribeRouteTables, 'RouteTables', {
    pageSize: 100,
    byVpc: 'vpc-id',
    byId: { scope: 'routeTableIds', filter: 'route-table-id' },
  }),
  source('InternetGateways', 'ec2:DescribeInternetGateways', DescribeInternetGatewaysCommand, paginateDescribeInternetGateways, 'InternetGateways', {
    pageSize: 1000,
    byVpc: 'attachment.vpc-id',
  }),
  source('EgressOnlyInternetGateways', 'ec2:DescribeEgressOnlyInternetGateways', DescribeEgressOnlyInternetGatewaysCommand, paginateDescribeEgressOnlyInternetGateways, 'EgressOnlyInternetGateways', {
    pageSize: 255,
  }),
  source('NatGateways', 'ec2:DescribeNatGateways', DescribeNatGatewaysCommand, paginateDescribeNatGateways, 'NatGateways', {
    pageSize: 1000,
    byVpc: 'vpc-id',
    byId: { scope: 'natGatewayIds', filter: 'nat-gateway-id' },
  }),
  source('NetworkInterfaces', 'ec2:DescribeNetworkInterfaces', DescribeNetworkInterfacesCommand, paginateDescribeNetworkInterfaces, 'NetworkInterfaces', {
    pageSize: 1000,
    byVpc: 'vpc-id',
    byId: { scope: 'networkInterfaceIds', filter: 'network-interface-id' },
    params: WITH_MANAGED,
  }),
  source('Reservations', 'ec2:DescribeInstances', DescribeInstancesCommand, paginateDescribeInstances, 'Reservations', {
    pageSize: 1000,
    byVpc: 'vpc-id',
    params: WITH_MANAGED,
  }),
  // resource-id names a VPC, a subnet or an interface: plan.ts asks for the VPCs' subnets and interfaces too.
  source('FlowLogs', 'ec2:DescribeFlowLogs', DescribeFlowLogsCommand, paginateDescribeFlowLogs, 'FlowLogs', { pageSize: 1000, byVpc: 'resource-id' }),
  source('VpnConnections', 'ec2:DescribeVpnConnections', DescribeVpnConnectionsCommand, undefined, 'VpnConnections', {
    byId: { scope: 'vpnConnectionIds', filter: 'vpn-connection-id' },
  }),
  source('VpnGateways', 'ec2:DescribeVpnGateways', DescribeVpnGatewaysCommand, undefined, 'VpnGateways', {
    byVpc: 'attachment.vpc-id',
    byId: { scope: 'vpnGatewayIds', filter: 'vpn-gateway-id' },
  }),
  source('CustomerGateways', 'ec2:DescribeCustomerGateways', DescribeCustomerGatewaysCommand, undefined, 'CustomerGateways', {
    byId: { scope: 'customerGatewayIds', filter: 'customer-gateway-id' },
  }),
  source('ClientVpnEndpoints', 'ec2:DescribeClientVpnEndpoints', DescribeClientVpnEndpointsCommand, paginateDescribeClientVpnEndpoints, 'ClientVpnEndpoints', {
    pageSize: 1000,
    byId: { scope: 'clientVpnEndpointIds', filter: 'endpoint-id' },
  }),
  source('AuthorizationRules', 'ec2:DescribeClientVpnAuthorizationRules', DescribeClientVpnAuthorizationRulesCommand, paginateDescribeClientVpnAuthorizationRules, 'AuthorizationRules', {
    pageSize: 1000,
    perItem: 'ClientVpnEndpoints',
  }),
  source('ManagedPrefixLists', 'ec2:DescribeManagedPrefixLists', DescribeManagedPrefixListsCommand, paginateDescribeManagedPrefixLists, 'PrefixLists', { pageSize: 100 }),
  source('PrefixListEntries', 'ec2:GetManagedPrefixListEntries', GetManagedPrefixListEntriesCommand, paginateGetManagedPrefixListEntries, 'Entries', {
    pageSize: 100,
    perItem: 'ManagedPrefixLists',
  }),
];

/** The account id's source: not an EC2 call. */
export const ACCOUNT_ACTION = 'sts:GetCallerIdentity';

/** Every action the collector may call: the evaluator's read-only IAM policy. */
export function readActions(): string[] {
  return [...new Set([...SOURCES.map((s) => s.action), ACCOUNT_ACTION])].sort();
}

export function sourceOf(key: SnapshotKey): Source | undefined {
  return SOURCES.find((s) => s.key === key);
}
