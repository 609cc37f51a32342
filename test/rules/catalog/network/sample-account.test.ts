import { describe, expect, it } from 'vitest';
import sample from '../../../../examples/sample-account.json';
import { NETWORK_RULES } from '../../../../rules/catalog/network';
import { audit } from '../../../helpers';

/**
 * examples/README.md, tables "Routes, NAT, interfaces" and "VPN, Client VPN, VPC, subnets": the
 * verdicts of the route, NAT, interface, VPC and subnet rules on examples/sample-account.json.
 */
const findings = audit(sample as Record<string, unknown>, NETWORK_RULES, {}, new Date('2026-11-22T00:00:00Z'));
const findingOf = (ruleId: string, resourceId: string) => {
  const matches = findings.filter((f) => f.ruleId === ruleId && f.resourceId === resourceId);
  expect(matches).toHaveLength(1);
  return matches[0];
};

const USER_MANAGED_ENIS = [
  'eni-07a93e423b3ff6908',
  'eni-04734f7ddc3072aef',
  'eni-04129dfb9aa464650',
  'eni-073e346c6d97168fa',
  'eni-0d560922392dec974',
  'eni-01c87d10ea306f946',
  'eni-0c5d88b0cdd02b819',
];
const REQUESTER_MANAGED_ENIS = ['eni-0f3646e966d7a1944', 'eni-046af9caef477173d', 'eni-00f02958efa748d04', 'eni-04c2aa9bfedba29c4'];
const OTHER_SUBNETS = [
  'subnet-0a3ed3cd903b4f150',
  'subnet-02b2dd70a4f271291',
  'subnet-00a139e87cfb3305c',
  'subnet-02ab74c7c1c7e1e5e',
  'subnet-0fb1f6c6f5efbc358',
  'subnet-068f3bf765f91a78d',
  'subnet-038c47f3bf8bc74fb',
];

describe('examples/sample-account.json: route, NAT, interface, VPC and subnet rules', () => {
  it.each([
    ['nat-gateway-in-public-subnet', 'nat-0557c79e819f8e0ed', 'PASS', 'INFORMATIONAL'],
    ['nat-gateway-in-public-subnet', 'nat-0d3bf6f7fd8a292e2', 'FAIL', 'HIGH'],
    ['nat-gateway-same-az-routes', 'rtb-0c85b78dfcbed2d32', 'FAIL', 'MEDIUM'],
    ['nat-gateway-same-az-routes', 'rtb-0c9d384754630fd5d', 'PASS', 'INFORMATIONAL'],
    ['nat-gateway-same-az-routes', 'rtb-0aec4dcce1b76f54f', 'NOT_APPLICABLE', 'INFORMATIONAL'],
    ['nat-gateway-same-az-routes', 'rtb-0988c87cd1543c839', 'NOT_APPLICABLE', 'INFORMATIONAL'],
    ['nat-gateway-same-az-routes', 'rtb-04c84553be6fccab4', 'NOT_APPLICABLE', 'INFORMATIONAL'],
    ['nat-gateway-same-az-routes', 'rtb-0097178f1a45617df', 'NOT_APPLICABLE', 'INFORMATIONAL'],
    ['route-table-no-blackhole-routes', 'rtb-0aec4dcce1b76f54f', 'FAIL', 'MEDIUM'],
    ['route-table-no-blackhole-routes', 'rtb-0988c87cd1543c839', 'PASS', 'INFORMATIONAL'],
    ['route-table-no-blackhole-routes', 'rtb-04c84553be6fccab4', 'PASS', 'INFORMATIONAL'],
    ['route-table-no-blackhole-routes', 'rtb-0097178f1a45617df', 'PASS', 'INFORMATIONAL'],
    ['route-table-no-blackhole-routes', 'rtb-0c85b78dfcbed2d32', 'PASS', 'INFORMATIONAL'],
    ['route-table-no-blackhole-routes', 'rtb-0c9d384754630fd5d', 'PASS', 'INFORMATIONAL'],
    ['eni-source-dest-check-enabled', 'eni-0da7777ae74cc00f4', 'FAIL', 'MEDIUM'],
    ...USER_MANAGED_ENIS.map((id) => ['eni-source-dest-check-enabled', id, 'PASS', 'INFORMATIONAL']),
    ...REQUESTER_MANAGED_ENIS.map((id) => ['eni-source-dest-check-enabled', id, 'NOT_APPLICABLE', 'INFORMATIONAL']),
    ['vpc-flow-logs-enabled', 'vpc-0b873741c03378b7d', 'PASS', 'INFORMATIONAL'],
    ['vpc-flow-logs-enabled', 'vpc-0d9987d5ae889d744', 'FAIL', 'MEDIUM'],
    ['subnet-no-auto-public-ip', 'subnet-0696861e9575598a4', 'FAIL', 'MEDIUM'],
    ...OTHER_SUBNETS.map((id) => ['subnet-no-auto-public-ip', id, 'PASS', 'INFORMATIONAL']),
  ])('%s on %s is %s (%s)', (ruleId, resourceId, status, severity) => {
    // Arrange: the sample account, audited once above

    // Act
    const f = findingOf(ruleId, resourceId);

    // Assert
    expect([f.status, f.severity]).toEqual([status, severity]);
  });

  it('evaluates every NAT gateway, route table, interface, VPC and subnet of the sample, without ERROR', () => {
    // Arrange
    const count = (ruleId: string) => findings.filter((f) => f.ruleId === ruleId).length;

    // Act
    const errors = findings.filter((f) => f.status === 'ERROR');

    // Assert
    expect(errors).toEqual([]);
    expect([
      count('nat-gateway-in-public-subnet'),
      count('nat-gateway-same-az-routes'),
      count('route-table-no-blackhole-routes'),
      count('eni-source-dest-check-enabled'),
      count('vpc-flow-logs-enabled'),
      count('subnet-no-auto-public-ip'),
    ]).toEqual([2, 6, 6, 12, 2, 8]);
  });

  it('the misplaced NAT gateway: its table sends 0.0.0.0/0 to the NAT instance', () => {
    // Arrange / Act
    const f = findingOf('nat-gateway-in-public-subnet', 'nat-0d3bf6f7fd8a292e2');

    // Assert
    expect(f.evidence).toEqual({
      subnet: 'subnet-068f3bf765f91a78d',
      routeTable: 'rtb-0aec4dcce1b76f54f',
      association: 'explicit',
      defaultRoute: { target: 'i-082bc97060f753735', targetKind: 'instance', state: 'active' },
      internetGatewayRoutes: [],
    });
  });

  it('the cross-AZ table: prod-private-a in 1a through the NAT gateway in 1b', () => {
    // Arrange / Act
    const f = findingOf('nat-gateway-same-az-routes', 'rtb-0c85b78dfcbed2d32');

    // Assert
    expect(f.evidence).toEqual({
      crossAz: [
        {
          subnet: 'subnet-02b2dd70a4f271291',
          subnetAz: 'eu-west-1a',
          natGateway: 'nat-0557c79e819f8e0ed',
          natAz: 'eu-west-1b',
          destination: '0.0.0.0/0',
        },
      ],
    });
  });

  it('the blackhole route to the deleted peering connection', () => {
    // Arrange / Act
    const f = findingOf('route-table-no-blackhole-routes', 'rtb-0aec4dcce1b76f54f');

    // Assert
    expect(f.evidence).toEqual({ blackholeRoutes: [{ destination: '10.2.0.0/16', target: 'pcx-01c5c31e4ec93206b', targetKind: 'peering' }] });
  });

  it('the NAT instance: route target by both fields, NAT gateway recommended', () => {
    // Arrange / Act
    const f = findingOf('eni-source-dest-check-enabled', 'eni-0da7777ae74cc00f4');

    // Assert
    expect(f.evidence).toEqual({
      sourceDestCheck: false,
      routeTargetOf: [{ routeTable: 'rtb-0aec4dcce1b76f54f', destination: '0.0.0.0/0', matchedBy: 'NetworkInterfaceId' }],
      recommendation: 'Replace the NAT instance with a NAT gateway.',
    });
    expect(f.message).toContain('Replace it with a NAT gateway');
  });

  it('staging has only a subnet flow log; prod subnet prod-public-a maps public IPv4', () => {
    // Arrange / Act
    const staging = findingOf('vpc-flow-logs-enabled', 'vpc-0d9987d5ae889d744');
    const subnet = findingOf('subnet-no-auto-public-ip', 'subnet-0696861e9575598a4');

    // Assert
    expect(staging.evidence).toEqual({
      missing: ['a flow log on the VPC itself'],
      otherFlowLogs: [{ flowLog: 'fl-08f016898b5f1cba4', resource: 'subnet-02ab74c7c1c7e1e5e', resourceType: 'subnet' }],
    });
    expect(subnet.evidence).toEqual({ enabled: ['MapPublicIpOnLaunch'], mapPublicIpOnLaunch: true, assignIpv6AddressOnCreation: false });
  });
});
