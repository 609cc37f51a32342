import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/interface/eni-no-internet-exposed-ports';
import adminPorts from '../../../../rules/catalog/security-group/sg-no-public-admin-ports';
import { audit, check, entry, findingOf, perm, sg } from '../../../helpers';
import { network } from './network-fixture';
import { sgr } from '../security-group/sg-fixtures';

const exposedOf = (f: { evidence: Record<string, unknown> }) => f.evidence.exposed as Array<{ protocol: string; ports: string; path: Record<string, unknown> }>;

describe('eni-no-internet-exposed-ports', () => {
  it('CRITICAL for ssh reachable through IGW route, NACL 22 in + ephemeral out, and an open group; evidence has the path', () => {
    // Arrange: NACL allows tcp 22 in and 1024-65535 out only
    const snapshot = network({
      naclEntries: [entry(100, 'allow', '6', '0.0.0.0/0', [22, 22]), entry(100, 'allow', '6', '0.0.0.0/0', [1024, 65535], true)],
    });
    // Act
    const f = check(rule, snapshot, 'eni-1');
    // Assert
    expect(f).toMatchObject({ status: 'FAIL', severity: 'CRITICAL' });
    expect(exposedOf(f)).toEqual([
      {
        protocol: 'tcp',
        ports: '22',
        clients: ['all public IPv4'],
        path: {
          internetGateways: ['igw-1'],
          routeTable: 'rtb-1',
          routes: ['0.0.0.0/0 -> igw-1'],
          networkAcl: 'acl-1',
          naclInbound: [100],
          naclOutbound: [100],
          securityGroupRules: ['sg-1 tcp 22-22 from 0.0.0.0/0'],
        },
      },
    ]);
    expect(f.message).toContain('igw-1');
  });

  it('the path names only the outbound NACL entries that carry answers to the exposed clients', () => {
    // Arrange: 90 lets answers out to 10.0.0.0/8 only, 101 to IPv6 only; 100 carries them to the internet
    const snapshot = network({
      naclEntries: [
        entry(100, 'allow', '6', '0.0.0.0/0', [22, 22]),
        entry(90, 'allow', '6', '10.0.0.0/8', [1024, 65535], true),
        entry(100, 'allow', '6', '0.0.0.0/0', [1024, 65535], true),
        entry(101, 'allow', '-1', '::/0', undefined, true),
      ],
    });

    // Act
    const f = check(rule, snapshot, 'eni-1');

    // Assert
    expect(exposedOf(f).map((e) => e.path.naclOutbound)).toEqual([[100]]);
  });

  it('the same group on an instance routed only to a NAT gateway: no exposure, and the group finding stays HIGH', () => {
    const snapshot = network({ routes: [['0.0.0.0/0', 'nat-1']] });
    const findings = audit(snapshot, [rule, adminPorts]);
    expect(findingOf(findings, rule.meta.id, 'eni-1').status).toBe('PASS');
    const group = findingOf(findings, adminPorts.meta.id, 'sg-1');
    expect(group).toMatchObject({ status: 'FAIL', severity: 'HIGH' });
    expect(group.evidence.exposure).toEqual({ attachedInterfaces: 1, exposedInterfaces: 0 });
  });

  it('the group finding is CRITICAL when an interface using it is exposed on the port, naming the interface', () => {
    const group = findingOf(audit(network(), [adminPorts]), adminPorts.meta.id, 'sg-1');
    expect(group.severity).toBe('CRITICAL');
    expect(group.message).toContain('reachable from the internet on eni-1');
  });

  it('a NACL denying 22 ahead of the allow saves the instance', () => {
    const snapshot = network({
      naclEntries: [
        entry(90, 'deny', '6', '0.0.0.0/0', [22, 22]),
        entry(90, 'deny', '6', '::/0', [22, 22]),
        entry(100, 'allow', '-1', '0.0.0.0/0'),
        entry(100, 'allow', '-1', '0.0.0.0/0', undefined, true),
      ],
    });
    expect(check(rule, snapshot, 'eni-1').status).toBe('PASS');
  });

  it('no ephemeral return path in the NACL means no exposure', () => {
    const snapshot = network({ naclEntries: [entry(100, 'allow', '-1', '0.0.0.0/0'), entry(100, 'allow', '6', '0.0.0.0/0', [443, 443], true)] });
    expect(check(rule, snapshot, 'eni-1').status).toBe('PASS');
  });

  it('finds the IPv6 path: ::/0 to the internet gateway and a global IPv6 address', () => {
    const snapshot = network({ publicIp: '', ipv6: '2600:1f18::10', routes: [['::/0', 'igw-1']] });
    const f = check(rule, snapshot, 'eni-1');
    expect(f.severity).toBe('CRITICAL');
    expect(exposedOf(f)[0]).toMatchObject({ protocol: 'tcp', ports: '22', clients: ['all public IPv6'], path: { routes: ['::/0 -> igw-1'] } });
  });

  it('an egress-only gateway gives no inbound exposure', () => {
    const snapshot = network({ publicIp: '', ipv6: '2600:1f18::10', routes: [['::/0', 'eigw-1']] });
    expect(check(rule, snapshot, 'eni-1').status).toBe('PASS');
  });

  it('a public IPv4 without an IPv4 route to the IGW is not exposed (and vice versa per family)', () => {
    expect(check(rule, network({ routes: [['::/0', 'igw-1']] }), 'eni-1').status).toBe('PASS');
    expect(check(rule, network({ publicIp: '' }), 'eni-1').status).toBe('PASS');
  });

  it('a blackhole or a more specific route elsewhere takes addresses out of the internet path', () => {
    // 0.0.0.0/1 and 128.0.0.0/1 go to a NAT: the /0 to the IGW decides nothing
    const split = network({ routes: [['0.0.0.0/0', 'igw-1'], ['0.0.0.0/1', 'nat-1'], ['128.0.0.0/1', 'nat-1']] });
    expect(check(rule, split, 'eni-1').status).toBe('PASS');
    const halfBlackholed = network({ routes: [['0.0.0.0/0', 'igw-1'], ['0.0.0.0/1', 'blackhole']] });
    expect(check(rule, halfBlackholed, 'eni-1').severity).toBe('CRITICAL');
  });

  it('routes with equal prefixes follow EC2 priority, not their order: static, then prefix list, then propagated', () => {
    // Arrange: the same two 0.0.0.0/0 routes in both orders, and a prefix-list route tying a CIDR route
    const withRoutes = (routes: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}) => {
      const snapshot = network({ extra }) as { RouteTables: Array<{ Routes: unknown[] }> };
      snapshot.RouteTables[0].Routes = [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active', Origin: 'CreateRouteTable' }, ...routes];
      return snapshot;
    };
    const toIgw = { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active', Origin: 'CreateRoute' };
    const propagated = { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'vgw-1', State: 'active', Origin: 'EnableVgwRoutePropagation' };
    const entries = { ManagedPrefixLists: [{ PrefixListId: 'pl-1', PrefixListName: 'everything', OwnerId: '123456789012' }], PrefixListEntries: { 'pl-1': [{ Cidr: '0.0.0.0/0' }] } };
    const listToIgw = { DestinationPrefixListId: 'pl-1', GatewayId: 'igw-1', State: 'active', Origin: 'CreateRoute' };
    const cidrToNat = { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active', Origin: 'CreateRoute' };

    // Act + Assert
    expect(check(rule, withRoutes([propagated, toIgw]), 'eni-1').severity).toBe('CRITICAL');
    expect(check(rule, withRoutes([toIgw, propagated]), 'eni-1').severity).toBe('CRITICAL');
    expect(check(rule, withRoutes([listToIgw, cidrToNat], entries), 'eni-1').status).toBe('PASS');
    expect(check(rule, withRoutes([cidrToNat, listToIgw], entries), 'eni-1').status).toBe('PASS');
  });

  it('an active route to an internet gateway the snapshot does not list, or lists without Attachments, counts as attached', () => {
    // EC2 shows a route to a detached gateway as blackhole; a filtered listing must not hide exposure
    const unlisted = network({ extra: { InternetGateways: [] } });
    const noAttachments = network({ extra: { InternetGateways: [{ InternetGatewayId: 'igw-1' }] } });
    const detached = network({ extra: { InternetGateways: [{ InternetGatewayId: 'igw-1', Attachments: [] }] } });
    expect(check(rule, unlisted, 'eni-1').severity).toBe('CRITICAL');
    expect(check(rule, noAttachments, 'eni-1').severity).toBe('CRITICAL');
    expect(check(rule, detached, 'eni-1').status).toBe('PASS');
  });

  it('a customer prefix list without entries is unknown: NOT_APPLICABLE naming it, through one group or several', () => {
    // Arrange: pl-1 has no entries in the snapshot; empty it exposes nothing, the internet it exposes 22
    const fromList = { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, PrefixListIds: [{ PrefixListId: 'pl-1' }] };
    const oneGroup = network({ ingress: [fromList] });
    const twoGroups = network({ ingress: [perm('tcp', 443, 443, '10.0.0.0/8')], extra: { SecurityGroups: [sg('sg-1', [perm('tcp', 443, 443, '10.0.0.0/8')]), sg('sg-2', [fromList])] } });
    (twoGroups.NetworkInterfaces as Array<{ Groups: unknown[] }>)[0].Groups.push({ GroupId: 'sg-2' });

    // Act
    const findings = [oneGroup, twoGroups].map((s) => check(rule, s, 'eni-1'));

    // Assert
    for (const f of findings) {
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['PrefixListEntries[pl-1]'], ifListsEmpty: 'PASS', ifListsOpen: 'FAIL' });
    }
  });

  it('an unresolved prefix list stands as the whole internet through the NACL, routes and public address', () => {
    // Arrange: the list opens 22 in the group, but another layer closes 22 whatever the list holds
    const fromList = { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, PrefixListIds: [{ PrefixListId: 'pl-1' }] };
    const naclDenies22 = network({ ingress: [fromList], naclEntries: [entry(90, 'deny', '6', '0.0.0.0/0', [22, 22]), entry(100, 'allow', '-1', '0.0.0.0/0'), entry(100, 'allow', '-1', '0.0.0.0/0', undefined, true)] });
    const noPublicIp = network({ ingress: [fromList], publicIp: '' });
    const routedToNat = network({ ingress: [fromList], routes: [['0.0.0.0/0', 'nat-1']] });
    const onlyAuthorized = network({ ingress: [{ ...fromList, FromPort: 443, ToPort: 443 }] });

    // Act
    const findings = [naclDenies22, noPublicIp, routedToNat, onlyAuthorized].map((s) => check(rule, s, 'eni-1'));

    // Assert: PASS both ways stands, and the evidence names the list
    for (const f of findings) expect(f).toMatchObject({ status: 'PASS', evidence: { unresolvedPrefixLists: ['pl-1'] } });
  });

  it('a FAIL proven by other sources stands next to an unresolved list', () => {
    // Arrange
    const fromList = { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, PrefixListIds: [{ PrefixListId: 'pl-1' }] };
    const alsoOpen = network({ ingress: [fromList, perm('tcp', 8080, 8080, '0.0.0.0/0')] });

    // Act
    const f = check(rule, alsoOpen, 'eni-1');

    // Assert: the proven part only (8080, HIGH), the list named
    expect(f).toMatchObject({ status: 'FAIL', severity: 'HIGH', evidence: { unresolvedPrefixLists: ['pl-1'] } });
    expect(exposedOf(f).map((e) => e.ports)).toEqual(['8080']);
  });

  it('the message names the security-group rules of every exposed range, not only the first', () => {
    // Arrange: sgr-ssh opens 22, sgr-web 8080-8081; the same gateway, table and NACL rule
    const rules = [sgr('sgr-ssh', 'sg-1', 'tcp', [22, 22], '0.0.0.0/0'), sgr('sgr-web', 'sg-1', 'tcp', [8080, 8081], '0.0.0.0/0'), sgr('sgr-web2', 'sg-1', 'tcp', [8081, 8081], '0.0.0.0/0')];
    const snapshot = network({ extra: { SecurityGroupRules: rules } });

    // Act
    const f = check(rule, snapshot, 'eni-1');

    // Assert
    expect(f.message).toBe('Reachable from the internet via igw-1, rtb-1, acl-1 (rule 100): tcp 22 through sgr-ssh; tcp 8080 through sgr-web; tcp 8081 through sgr-web, sgr-web2.');
    expect(exposedOf(f).map((e) => e.path.securityGroupRules)).toEqual([['sgr-ssh'], ['sgr-web'], ['sgr-web', 'sgr-web2']]);
  });

  it('ranges on different NACL entries each get their whole path in the message; one shared network path is said once', () => {
    // Arrange: 22 and 3389 through entry 100 (one rule each), 8080 through entry 110
    const rules = [sgr('sgr-admin', 'sg-1', 'tcp', [22, 22], '0.0.0.0/0'), sgr('sgr-rdp', 'sg-1', 'tcp', [3389, 3389], '0.0.0.0/0'), sgr('sgr-web', 'sg-1', 'tcp', [8080, 8080], '0.0.0.0/0')];
    const naclEntries = [
      entry(100, 'allow', '6', '0.0.0.0/0', [0, 8000]),
      entry(110, 'allow', '6', '0.0.0.0/0', [8001, 65535]),
      entry(100, 'allow', '6', '0.0.0.0/0', [1024, 65535], true),
    ];
    const sameRule = [sgr('sgr-both', 'sg-1', 'tcp', [22, 22], '0.0.0.0/0'), sgr('sgr-both2', 'sg-1', 'tcp', [3389, 3389], '0.0.0.0/0')];

    // Act
    const f = check(rule, network({ naclEntries, extra: { SecurityGroupRules: rules } }), 'eni-1');

    // Assert
    expect(f.message).toBe(
      'Reachable from the internet on tcp 22 via igw-1, rtb-1, acl-1 (rule 100) and sgr-admin; on tcp 3389 via igw-1, rtb-1, acl-1 (rule 100) and sgr-rdp; on tcp 8080 via igw-1, rtb-1, acl-1 (rule 110) and sgr-web.',
    );
    expect(check(rule, network({ naclEntries, extra: { SecurityGroupRules: sameRule } }), 'eni-1').message).toBe(
      'Reachable from the internet via igw-1, rtb-1, acl-1 (rule 100): tcp 22 through sgr-both; tcp 3389 through sgr-both2.',
    );
  });

  it('authorized ports pass; other exposed ports fail HIGH with the ranges', () => {
    expect(check(rule, network({ ingress: [perm('tcp', 443, 443, '0.0.0.0/0')] }), 'eni-1').status).toBe('PASS');
    const f = check(rule, network({ ingress: [perm('tcp', 80, 1000, '0.0.0.0/0')] }), 'eni-1');
    expect(f.severity).toBe('HIGH');
    expect(exposedOf(f).map((e) => e.ports)).toEqual(['81-442', '444-1000']);
    // 3389 inside an exposed range makes it CRITICAL
    expect(check(rule, network({ ingress: [perm('tcp', 80, 8080, '0.0.0.0/0')] }), 'eni-1').severity).toBe('CRITICAL');
  });

  it('uses the VPC main table when the subnet has no explicit association', () => {
    const snapshot = network();
    (snapshot.RouteTables as Array<{ Associations: unknown[] }>)[0].Associations = [{ Main: true }];
    expect(check(rule, snapshot, 'eni-1').severity).toBe('CRITICAL');
  });

  it('interfaces in subnets sharing a NACL but not a route table are judged by their own table', () => {
    // Arrange: subnet-2 shares acl-1 but routes 0.0.0.0/0 to a NAT gateway; eni-2 mirrors eni-1
    const snapshot = network();
    (snapshot.Subnets as unknown[]).push({ SubnetId: 'subnet-2', VpcId: 'vpc-1', CidrBlock: '10.0.2.0/24' });
    (snapshot.RouteTables as unknown[]).push({
      RouteTableId: 'rtb-2',
      VpcId: 'vpc-1',
      Associations: [{ SubnetId: 'subnet-2' }],
      Routes: [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active' }],
    });
    (snapshot.NetworkAcls as Array<{ Associations: unknown[] }>)[0].Associations.push({ SubnetId: 'subnet-2' });
    const eni1 = (snapshot.NetworkInterfaces as Record<string, unknown>[])[0];
    (snapshot.NetworkInterfaces as unknown[]).push({ ...eni1, NetworkInterfaceId: 'eni-2', SubnetId: 'subnet-2' });
    // Act
    const findings = audit(snapshot, [rule]);
    // Assert: both orders of evaluation share the NACL's memo; only eni-1 is exposed
    expect(findingOf(findings, rule.meta.id, 'eni-1').severity).toBe('CRITICAL');
    expect(findingOf(findings, rule.meta.id, 'eni-2').status).toBe('PASS');
  });

  it('a group missing from the snapshot hides only part of the ingress: exposure the known group proves is a FAIL naming it', () => {
    // Arrange: eni-1 also uses sg-gone, which the snapshot lacks
    const withGroup = (ingress: Record<string, unknown>[]) => {
      const snapshot = network({ ingress }) as { NetworkInterfaces: Array<{ Groups: unknown[] }> };
      snapshot.NetworkInterfaces[0].Groups.push({ GroupId: 'sg-gone', GroupName: 'gone' });
      return snapshot;
    };

    // Act
    const proven = check(rule, withGroup([perm('tcp', 22, 22, '0.0.0.0/0')]), 'eni-1');
    const unproven = check(rule, withGroup([perm('tcp', 22, 22, '10.0.0.0/8')]), 'eni-1');

    // Assert: the missing group can only add to what gets in; nothing proven is no PASS
    expect(proven).toMatchObject({ status: 'FAIL', severity: 'CRITICAL', evidence: { missingInputs: ['SecurityGroups (sg-gone)'] } });
    expect(proven.message).toMatch(/^Reachable from the internet on tcp 22 via .* The snapshot lacks SecurityGroups \(sg-gone\): more may be reachable\.$/);
    expect(unproven).toMatchObject({ status: 'NOT_APPLICABLE', evidence: { missingInputs: ['SecurityGroups (sg-gone)'] } });
  });

  it('a customer prefix list without entries routed elsewhere could take every client from the gateway: no FAIL on it', () => {
    // Arrange: besides 0.0.0.0/0 -> igw-1, pl-corp goes to a transit gateway
    const withCorpRoute = (extra: Record<string, unknown> = {}) => {
      const snapshot = network({ extra }) as { RouteTables: Array<{ Routes: unknown[] }> };
      snapshot.RouteTables[0].Routes.push({ DestinationPrefixListId: 'pl-corp', TransitGatewayId: 'tgw-1', State: 'active' });
      return snapshot;
    };

    // Act
    const unknown = check(rule, withCorpRoute(), 'eni-1');
    const known = check(rule, withCorpRoute({ PrefixListEntries: { 'pl-corp': [{ Cidr: '192.0.2.0/24' }] } }), 'eni-1');

    // Assert: were pl-corp 0.0.0.0/1 + 128.0.0.0/1, nothing would reach igw-1
    expect(unknown).toMatchObject({ status: 'NOT_APPLICABLE', evidence: { missingInputs: ['PrefixListEntries[pl-corp]'] } });
    expect(known).toMatchObject({ status: 'FAIL', severity: 'CRITICAL' });
  });

  it('NOT_APPLICABLE naming what is missing, never a PASS', () => {
    const noAcls = { ...network(), NetworkAcls: undefined };
    expect(check(rule, noAcls, 'eni-1')).toMatchObject({ status: 'NOT_APPLICABLE', evidence: { missingInputs: ['NetworkAcls'] } });
    const otherSubnet = network({ extra: { NetworkAcls: [] } });
    const f = check(rule, otherSubnet, 'eni-1');
    expect(f.status).toBe('NOT_APPLICABLE');
    expect(f.message).toContain('no NACL associated with subnet-1');
    // Lists present but an item listed without its own list: unknown, not empty.
    const net = network() as { RouteTables: Record<string, unknown>[]; NetworkInterfaces: Record<string, unknown>[] };
    const withoutRoutes = { ...net, RouteTables: [{ ...net.RouteTables[0], Routes: undefined }] };
    expect(check(rule, withoutRoutes, 'eni-1')).toMatchObject({ status: 'NOT_APPLICABLE', evidence: { missingInputs: ['RouteTables[rtb-1].Routes'] } });
    const withoutGroups = { ...net, NetworkInterfaces: [{ ...net.NetworkInterfaces[0], Groups: undefined }] };
    expect(check(rule, withoutGroups, 'eni-1')).toMatchObject({ status: 'NOT_APPLICABLE', evidence: { missingInputs: ['NetworkInterfaces[eni-1].Groups'] } });
  });
});
