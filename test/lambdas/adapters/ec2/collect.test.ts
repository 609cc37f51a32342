import { EC2Client } from '@aws-sdk/client-ec2';
import { STSClient } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it } from 'vitest';
import { collect } from '../../../../lambdas/adapters/ec2/collect';
import { ALL_KEYS, keysFor } from '../../../../lambdas/adapters/ec2/keys';
import { SOURCES } from '../../../../lambdas/adapters/ec2/sources';
import { CATALOG } from '../../../../rules/catalog';
import { ACCOUNT, ACCOUNT_ID, type FakeAccount, mockAccount, PER_ITEM, pagesOf } from './fake-account';

const clients = () => ({ ec2: new EC2Client({ region: 'eu-west-1' }), sts: new STSClient({ region: 'eu-west-1' }) });
const denied = () => {
  throw Object.assign(new Error('You are not authorized to perform this operation.'), { name: 'UnauthorizedOperation', $metadata: { httpStatusCode: 403 } });
};

let fake: FakeAccount;
afterEach(() => {
  fake.ec2.restore();
  fake.sts.restore();
});

const sent = (f: FakeAccount) => f.sent;

describe('collect, region scope', () => {
  it('reads every key over all its pages, asking for the largest page each API allows', async () => {
    // Arrange
    fake = mockAccount();
    // Act
    const { snapshot, warnings } = await collect(clients(), { keys: ALL_KEYS });
    // Assert
    expect(warnings).toEqual([]);
    expect(snapshot.AccountId).toBe(ACCOUNT_ID);
    expect(snapshot.Region).toBe('eu-west-1');
    for (const [key, items] of Object.entries(ACCOUNT)) expect(snapshot[key as keyof typeof snapshot], key).toEqual(items);
    expect(snapshot.AuthorizationRules).toEqual(Object.values(PER_ITEM.AuthorizationRules).flat());
    expect(snapshot.PrefixListEntries).toEqual({ 'pl-cust': PER_ITEM.PrefixListEntries['pl-cust'] });
    for (const source of SOURCES.filter((s) => s.paginate)) {
      const calls = sent(fake).filter((c) => c.command === source.command.name);
      expect(calls.length, source.action).toBe(pagesOf(source));
      for (const c of calls) expect(c.input.MaxResults, source.action).toBe(source.pageSize);
    }
  });

  it('makes one call per page, plus one GetManagedPrefixListEntries per customer prefix list in use, and none twice', async () => {
    fake = mockAccount();
    const { calls } = await collect(clients(), { keys: ALL_KEYS });
    const pages = SOURCES.reduce((n, s) => n + pagesOf(s), 0);
    // pagesOf counts the entries of pl-cust (two pages); pl-aws (AWS's) and pl-unused are never read.
    expect(sent(fake).length).toBe(pages);
    expect(calls).toBe(pages + 1); // + sts:GetCallerIdentity
    const entryCalls = sent(fake).filter((c) => c.command === 'GetManagedPrefixListEntriesCommand');
    expect(new Set(entryCalls.map((c) => c.input.PrefixListId))).toEqual(new Set(['pl-cust']));
    const keys = sent(fake).map((c) => `${c.command} ${JSON.stringify(c.input)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('asks for the resources AWS services manage, which an account can hide from Describe answers', async () => {
    // Arrange: the account hides managed resources, as EC2 does unless the call includes them.
    const node = { NetworkInterfaceId: 'eni-eks', SubnetId: 'subnet-1', VpcId: 'vpc-1', InterfaceType: 'interface', Operator: { Managed: true, Principal: 'eks.amazonaws.com' } };
    const hiding = (key: string, hidden: Record<string, unknown>) => (input: Record<string, unknown>) => ({
      [key]: input.IncludeManagedResources === true ? [...ACCOUNT[key], hidden] : ACCOUNT[key],
    });
    fake = mockAccount({
      'ec2:DescribeNetworkInterfaces': hiding('NetworkInterfaces', node),
      'ec2:DescribeInstances': hiding('Reservations', { Instances: [{ InstanceId: 'i-eks', Operator: { Managed: true } }] }),
    });
    // Act
    const { snapshot } = await collect(clients(), { keys: ALL_KEYS });
    // Assert
    expect(snapshot.NetworkInterfaces?.map((i) => i.NetworkInterfaceId)).toEqual(['eni-1', 'eni-2', 'eni-eks']);
    expect(snapshot.Reservations?.flatMap((r) => r.Instances?.map((i) => i.InstanceId))).toEqual(['i-1', 'i-2', 'i-eks']);
  });

  it('reads only the keys the rules need', async () => {
    fake = mockAccount();
    const rule = CATALOG.filter((r) => r.meta.id === 'customer-gateway-in-use');
    const { snapshot } = await collect(clients(), { keys: keysFor(rule, { exposure: true }) });
    expect(sent(fake).map((c) => c.command)).toEqual(['DescribeVpnConnectionsCommand', 'DescribeCustomerGatewaysCommand']);
    expect(Object.keys(snapshot)).toEqual(['AccountId', 'Region', 'VpnConnections', 'CustomerGateways']);
  });

  it('keeps at most `concurrency` calls in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const slow = (value: unknown) => async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return value;
    };
    fake = mockAccount();
    for (const source of SOURCES) fake.ec2.on(source.command as never).callsFake(slow({ [source.field]: [] }));
    await collect(clients(), { keys: ALL_KEYS, concurrency: 3 });
    expect(most).toBe(3);
  });

  it('leaves a denied call’s keys absent, with one warning naming the call, and reads the rest', async () => {
    fake = mockAccount({ 'ec2:DescribeClientVpnEndpoints': denied });
    const { snapshot, warnings } = await collect(clients(), { keys: ALL_KEYS });
    expect(warnings).toEqual([
      { call: 'ec2:DescribeClientVpnEndpoints', kind: 'denied', error: expect.stringMatching(/^UnauthorizedOperation \(HTTP 403\)/), keys: ['ClientVpnEndpoints', 'AuthorizationRules'] },
    ]);
    expect(snapshot.ClientVpnEndpoints).toBeUndefined();
    expect(snapshot.AuthorizationRules).toBeUndefined();
    expect(snapshot.SecurityGroups).toEqual(ACCOUNT.SecurityGroups);
  });

  it('warns once for a call denied for every item it is made for', async () => {
    fake = mockAccount({ 'ec2:DescribeClientVpnAuthorizationRules': denied, 'ec2:GetManagedPrefixListEntries': denied });
    const { snapshot, warnings } = await collect(clients(), { keys: ALL_KEYS, concurrency: 8 });
    expect(warnings.map((w) => w.call)).toEqual(['ec2:DescribeClientVpnAuthorizationRules', 'ec2:GetManagedPrefixListEntries']);
    expect(snapshot.AuthorizationRules).toBeUndefined();
    expect(snapshot.ClientVpnEndpoints).toEqual(ACCOUNT.ClientVpnEndpoints);
  });

  it('asks no authorization rules of a deleted Client VPN endpoint', async () => {
    const [endpoint, other] = ACCOUNT.ClientVpnEndpoints;
    fake = mockAccount({ 'ec2:DescribeClientVpnEndpoints': () => ({ ClientVpnEndpoints: [endpoint, { ...other, Status: { Code: 'deleted' } }] }) });
    const { snapshot, warnings } = await collect(clients(), { keys: ['ClientVpnEndpoints', 'AuthorizationRules'] });
    const asked = sent(fake).filter((c) => c.command === 'DescribeClientVpnAuthorizationRulesCommand');
    expect(new Set(asked.map((c) => c.input.ClientVpnEndpointId))).toEqual(new Set(['cvpn-endpoint-1']));
    expect(warnings).toEqual([]);
    expect(snapshot.AuthorizationRules).toEqual(PER_ITEM.AuthorizationRules['cvpn-endpoint-1']);
  });

  it('goes on when an endpoint or prefix list is deleted between its listing and the read of its items', async () => {
    // Arrange: EC2's answer for an id that no longer names anything.
    const gone = (code: string) => () => {
      throw Object.assign(new Error(`The ID does not exist`), { name: code, $metadata: { httpStatusCode: 400 } });
    };
    fake = mockAccount({
      'ec2:DescribeClientVpnAuthorizationRules': (input) =>
        input.ClientVpnEndpointId === 'cvpn-endpoint-2' ? gone('InvalidClientVpnEndpointId.NotFound')() : { AuthorizationRules: PER_ITEM.AuthorizationRules['cvpn-endpoint-1'] },
      'ec2:GetManagedPrefixListEntries': gone('InvalidPrefixListID.NotFound'),
    });
    // Act
    const { snapshot, warnings } = await collect(clients(), { keys: ALL_KEYS });
    // Assert: the endpoint has no rules left; the list's entries are unknown, not empty.
    expect(warnings).toEqual([]);
    expect(snapshot.AuthorizationRules).toEqual(PER_ITEM.AuthorizationRules['cvpn-endpoint-1']);
    expect(snapshot.PrefixListEntries).toEqual({});
    expect(snapshot.SecurityGroups).toEqual(ACCOUNT.SecurityGroups);
  });

  it('stops on any other error, naming the call', async () => {
    fake = mockAccount({
      'ec2:DescribeSubnets': () => {
        throw Object.assign(new Error('The filter is invalid'), { name: 'InvalidParameterValue', $metadata: { httpStatusCode: 400 } });
      },
    });
    await expect(collect(clients(), { keys: ALL_KEYS })).rejects.toThrow('ec2:DescribeSubnets failed: InvalidParameterValue (HTTP 400): The filter is invalid');
  });
});

describe('collect, resource scope', () => {
  it('reads one security group and only its VPC’s context, by server-side filters', async () => {
    // Arrange: the security-group rules with exposure severity, as a change event would run them.
    fake = mockAccount();
    const rules = CATALOG.filter((r) => r.meta.resourceKind === 'SecurityGroup');
    // Act
    const { snapshot } = await collect(clients(), { keys: keysFor(rules, { exposure: true }), scope: { kind: 'resources', securityGroupIds: ['sg-web'] } });
    // Assert: every call is filtered, and these are all the calls.
    const filters = (name: string, ...values: string[]) => ({ Filters: [{ Name: name, Values: values }] });
    const calls = sent(fake).map((c) => ({ command: c.command, input: { ...c.input, MaxResults: undefined, NextToken: undefined } }));
    const first = (command: string, input: Record<string, unknown>) => ({ command, input: { ...input, MaxResults: undefined, NextToken: undefined } });
    expect(calls).toEqual(
      expect.arrayContaining([
        first('DescribeSecurityGroupsCommand', filters('group-id', 'sg-web')),
        first('DescribeSecurityGroupsCommand', filters('vpc-id', 'vpc-1')),
        first('DescribeNetworkAclsCommand', filters('vpc-id', 'vpc-1')),
        first('DescribeVpcsCommand', filters('vpc-id', 'vpc-1')),
        first('DescribeSubnetsCommand', filters('vpc-id', 'vpc-1')),
        first('DescribeRouteTablesCommand', filters('vpc-id', 'vpc-1')),
        first('DescribeInternetGatewaysCommand', filters('attachment.vpc-id', 'vpc-1')),
        first('DescribeNetworkInterfacesCommand', { ...filters('vpc-id', 'vpc-1'), IncludeManagedResources: true }),
        first('DescribeSecurityGroupRulesCommand', filters('group-id', 'sg-web', 'sg-db')),
        first('DescribeManagedPrefixListsCommand', filters('prefix-list-id', 'pl-cust', 'pl-aws')),
        first('GetManagedPrefixListEntriesCommand', { PrefixListId: 'pl-cust' }),
      ]),
    );
    const unfiltered = sent(fake).filter((c) => !c.input.Filters && !c.input.PrefixListId);
    expect(unfiltered).toEqual([]);
    expect(new Set(sent(fake).map((c) => c.command)).size).toBe(10);
    expect(Object.keys(snapshot)).not.toContain('FlowLogs');
  });

  it('reads a deleted group once: its list is empty and nothing else is asked', async () => {
    fake = mockAccount({ 'ec2:DescribeSecurityGroups': () => ({ SecurityGroups: [] }) });
    const rules = CATALOG.filter((r) => r.meta.resourceKind === 'SecurityGroup');
    const { snapshot, warnings } = await collect(clients(), { keys: keysFor(rules, { exposure: true }), scope: { kind: 'resources', securityGroupIds: ['sg-gone'] } });
    expect(warnings).toEqual([]);
    expect(sent(fake).map((c) => c.command)).toEqual(['DescribeSecurityGroupsCommand']);
    expect(snapshot.SecurityGroups).toEqual([]);
    expect(snapshot.SecurityGroupRules).toEqual([]);
  });

  it('reads the flow logs of a VPC and of its subnets and interfaces, as the flow-log verdict names them', async () => {
    // Arrange
    fake = mockAccount();
    const rules = CATALOG.filter((r) => r.meta.id === 'vpc-flow-logs-enabled');
    // Act
    await collect(clients(), { keys: keysFor(rules, { exposure: false }), scope: { kind: 'resources', vpcIds: ['vpc-1'] } });
    // Assert
    const asked = sent(fake).filter((c) => c.command === 'DescribeFlowLogsCommand' && !c.input.NextToken);
    expect(asked.map((c) => c.input.Filters)).toEqual([[{ Name: 'resource-id', Values: ['vpc-1', 'subnet-1', 'subnet-2', 'eni-1', 'eni-2'] }]]);
  });

  it('keeps a virtual private gateway detached from every VPC, which no VPC filter finds', async () => {
    const detached = { VpnGatewayId: 'vgw-2', State: 'available', VpcAttachments: [] };
    fake = mockAccount({ 'ec2:DescribeVpnGateways': (input) => ({ VpnGateways: JSON.stringify(input).includes('vgw-2') ? [detached] : [] }) });
    const rules = CATALOG.filter((r) => r.meta.id === 'vpn-gateway-attached');
    const { snapshot } = await collect(clients(), { keys: keysFor(rules, { exposure: false }), scope: { kind: 'resources', vpnGatewayIds: ['vgw-2'] } });
    expect(snapshot.VpnGateways).toEqual([detached]);
  });

  it('leaves keys not tied to a VPC absent rather than read the whole region', async () => {
    fake = mockAccount();
    const rules = CATALOG.filter((r) => r.meta.id === 'customer-gateway-in-use');
    const { snapshot } = await collect(clients(), { keys: keysFor(rules, { exposure: false }), scope: { kind: 'resources', customerGatewayIds: ['cgw-1'] } });
    expect(sent(fake).map((c) => c.input)).toEqual([{ Filters: [{ Name: 'customer-gateway-id', Values: ['cgw-1'] }] }]);
    expect(snapshot.CustomerGateways).toEqual(ACCOUNT.CustomerGateways);
    expect(snapshot.VpnConnections).toBeUndefined();
  });
});
