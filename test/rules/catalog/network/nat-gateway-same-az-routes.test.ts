import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/network/nat-gateway-same-az-routes';
import { check, VPC } from '../../../helpers';
import { natGateway, route, routeTable, subnet } from './network-fixtures';

const ID = 'nat-gateway-same-az-routes';
type Json = Record<string, unknown>;

/** Public subnets in 1a and 1b, each with a NAT gateway; private subnets in 1a and 1b. */
const SUBNETS = [
  subnet('subnet-pub-a', 'eu-west-1a'),
  subnet('subnet-pub-b', 'eu-west-1b'),
  subnet('subnet-priv-a', 'eu-west-1a'),
  subnet('subnet-priv-b', 'eu-west-1b'),
];
const NATS = [natGateway('nat-a', 'subnet-pub-a'), natGateway('nat-b', 'subnet-pub-b')];

function snapshotOf(tables: Json[], extra: Json = {}): Json {
  return { Vpcs: [VPC], Subnets: SUBNETS, NatGateways: NATS, RouteTables: tables, ...extra };
}

/** A subnet as a listing that carries only the zone id gives it (no AvailabilityZone name). */
const subnetById = (id: string, zoneId: string) => subnet(id, undefined, { AvailabilityZone: undefined, AvailabilityZoneId: zoneId });

describe(ID, () => {
  it('has the catalog metadata (MEDIUM, RouteTable, Custodian cross-az-nat-gateway-route)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('MEDIUM');
    expect(rule.meta.resourceKind).toBe('RouteTable');
    expect(rule.meta.compliance).toEqual({ custodian: ['cross-az-nat-gateway-route'] });
    expect(rule.meta.remediation.kind).toBeUndefined();
    expect(rule.meta.remediation.defaultMode).toBe('notify');
    expect(rule.meta.inputs).toEqual(['Subnets', 'NatGateways']);
    expect(rule.meta.triggers.cloudTrailEvents).toEqual(expect.arrayContaining(['CreateRoute', 'ReplaceRoute', 'AssociateRouteTable']));
    expect(rule.meta.triggers.configResourceTypes).toContain('AWS::EC2::RouteTable');
  });

  describe('PASS', () => {
    it('a 1a table routes to the NAT gateway in 1a', () => {
      // Arrange
      const snapshot = snapshotOf([routeTable('rtb-a', [route('0.0.0.0/0', 'nat-a')], { subnets: ['subnet-priv-a'] })]);

      // Act
      const f = check(rule, snapshot, 'rtb-a');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({
        natRoutes: [{ natGateway: 'nat-a', natAz: 'eu-west-1a', destination: '0.0.0.0/0' }],
        subnets: [{ subnet: 'subnet-priv-a', subnetAz: 'eu-west-1a' }],
      });
    });

    it('subnets that carry only AvailabilityZoneId, in the same zone', () => {
      // Arrange
      const subnets = [subnetById('subnet-pub-a', 'euw1-az3'), subnetById('subnet-priv-a', 'euw1-az3')];
      const snapshot = snapshotOf([routeTable('rtb-a', [route('0.0.0.0/0', 'nat-a')], { subnets: ['subnet-priv-a'] })], { Subnets: subnets });

      // Act
      const f = check(rule, snapshot, 'rtb-a');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence).toEqual({
        natRoutes: [{ natGateway: 'nat-a', natAz: 'euw1-az3', destination: '0.0.0.0/0' }],
        subnets: [{ subnet: 'subnet-priv-a', subnetAz: 'euw1-az3' }],
      });
    });

    it('a subnet whose association with the table is disassociated does not use it', () => {
      // Arrange: subnet-priv-b left the 1a table; the main table (1b NAT) carries it now.
      const snapshot = snapshotOf([
        routeTable('rtb-a', [route('0.0.0.0/0', 'nat-a')], { subnets: ['subnet-priv-a', 'subnet-priv-b'], states: { 'subnet-priv-b': 'disassociated' } }),
        routeTable('rtb-main', [route('0.0.0.0/0', 'nat-b')], { main: true }),
        routeTable('rtb-pub', [route('0.0.0.0/0', 'igw-1')], { subnets: ['subnet-pub-a', 'subnet-pub-b'] }),
      ]);

      // Act
      const table = check(rule, snapshot, 'rtb-a');
      const main = check(rule, snapshot, 'rtb-main');

      // Assert
      expect(table.status).toBe('PASS');
      expect(table.evidence).toMatchObject({ subnets: [{ subnet: 'subnet-priv-a', subnetAz: 'eu-west-1a' }] });
      expect(main.status).toBe('PASS');
      expect(main.evidence).toMatchObject({ subnets: [{ subnet: 'subnet-priv-b', subnetAz: 'eu-west-1b' }] });
    });

    it('a regional NAT gateway serves every zone', () => {
      // Arrange
      const regional = natGateway('nat-r', 'subnet-pub-a', { AvailabilityMode: 'regional', SubnetId: undefined });
      const snapshot = snapshotOf([routeTable('rtb-b', [route('0.0.0.0/0', 'nat-r')], { subnets: ['subnet-priv-b'] })], {
        NatGateways: [...NATS, regional],
      });

      // Act
      const f = check(rule, snapshot, 'rtb-b');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence).toMatchObject({ natRoutes: [{ natGateway: 'nat-r', natAz: 'regional', destination: '0.0.0.0/0' }] });
    });
  });

  describe('FAIL', () => {
    it('subnets that carry only AvailabilityZoneId are compared by it', () => {
      // Arrange
      const subnets = [subnetById('subnet-pub-b', 'euw1-az1'), subnetById('subnet-priv-a', 'euw1-az3')];
      const snapshot = snapshotOf([routeTable('rtb-a', [route('0.0.0.0/0', 'nat-b')], { subnets: ['subnet-priv-a'] })], { Subnets: subnets });

      // Act
      const f = check(rule, snapshot, 'rtb-a');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({
        crossAz: [{ subnet: 'subnet-priv-a', subnetAz: 'euw1-az3', natGateway: 'nat-b', natAz: 'euw1-az1', destination: '0.0.0.0/0' }],
      });
      expect(f.message).toBe('Subnet subnet-priv-a in euw1-az3 reaches 0.0.0.0/0 through NAT gateway nat-b in euw1-az1.');
    });

    it('the zone id decides when both subnets carry it, even where only one also has a name', () => {
      // Arrange
      const subnets = [subnetById('subnet-pub-b', 'euw1-az1'), subnet('subnet-priv-a', 'eu-west-1a', { AvailabilityZoneId: 'euw1-az3' })];
      const snapshot = snapshotOf([routeTable('rtb-a', [route('0.0.0.0/0', 'nat-b')], { subnets: ['subnet-priv-a'] })], { Subnets: subnets });

      // Act
      const f = check(rule, snapshot, 'rtb-a');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({
        crossAz: [{ subnet: 'subnet-priv-a', subnetAz: 'eu-west-1a (euw1-az3)', natGateway: 'nat-b', natAz: 'euw1-az1', destination: '0.0.0.0/0' }],
      });
    });

    it('subnets with one zone name in different zone ids (names are per account) are named with their ids', () => {
      // Arrange
      const subnets = [subnet('subnet-pub-b', 'eu-west-1a', { AvailabilityZoneId: 'euw1-az1' }), subnet('subnet-priv-a', 'eu-west-1a', { AvailabilityZoneId: 'euw1-az3' })];
      const snapshot = snapshotOf([routeTable('rtb-a', [route('0.0.0.0/0', 'nat-b')], { subnets: ['subnet-priv-a'] })], { Subnets: subnets });

      // Act
      const f = check(rule, snapshot, 'rtb-a');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.message).toBe('Subnet subnet-priv-a in eu-west-1a (euw1-az3) reaches 0.0.0.0/0 through NAT gateway nat-b in eu-west-1a (euw1-az1).');
    });

    it('subnets in differently named zones are named by zone name alone', () => {
      // Arrange
      const subnets = [subnet('subnet-pub-b', 'eu-west-1b', { AvailabilityZoneId: 'euw1-az1' }), subnet('subnet-priv-a', 'eu-west-1a', { AvailabilityZoneId: 'euw1-az3' })];
      const snapshot = snapshotOf([routeTable('rtb-a', [route('0.0.0.0/0', 'nat-b')], { subnets: ['subnet-priv-a'] })], { Subnets: subnets });

      // Act
      const f = check(rule, snapshot, 'rtb-a');

      // Assert
      expect(f.message).toBe('Subnet subnet-priv-a in eu-west-1a reaches 0.0.0.0/0 through NAT gateway nat-b in eu-west-1b.');
    });

    it('a table used by a 1a subnet sends 0.0.0.0/0 to the NAT gateway in 1b', () => {
      // Arrange
      const snapshot = snapshotOf([routeTable('rtb-a', [route('0.0.0.0/0', 'nat-b')], { subnets: ['subnet-priv-a'] })]);

      // Act
      const f = check(rule, snapshot, 'rtb-a');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
      expect(f.resourceType).toBe('AWS::EC2::RouteTable');
      expect(f.evidence).toEqual({
        crossAz: [{ subnet: 'subnet-priv-a', subnetAz: 'eu-west-1a', natGateway: 'nat-b', natAz: 'eu-west-1b', destination: '0.0.0.0/0' }],
      });
      expect(f.message).toBe('Subnet subnet-priv-a in eu-west-1a reaches 0.0.0.0/0 through NAT gateway nat-b in eu-west-1b.');
    });

    it('one table shared by subnets in two zones: the other zone fails', () => {
      // Arrange
      const snapshot = snapshotOf([routeTable('rtb-shared', [route('0.0.0.0/0', 'nat-a')], { subnets: ['subnet-priv-a', 'subnet-priv-b'] })]);

      // Act
      const f = check(rule, snapshot, 'rtb-shared');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({
        crossAz: [{ subnet: 'subnet-priv-b', subnetAz: 'eu-west-1b', natGateway: 'nat-a', natAz: 'eu-west-1a', destination: '0.0.0.0/0' }],
      });
    });

    it('a main table carries the unassociated subnets, and one of them is in another zone', () => {
      // Arrange
      const snapshot = snapshotOf([
        routeTable('rtb-main', [route('0.0.0.0/0', 'nat-a')], { main: true }),
        routeTable('rtb-pub', [route('0.0.0.0/0', 'igw-1')], { subnets: ['subnet-pub-a', 'subnet-pub-b', 'subnet-priv-a'] }),
      ]);

      // Act
      const f = check(rule, snapshot, 'rtb-main');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({
        crossAz: [{ subnet: 'subnet-priv-b', subnetAz: 'eu-west-1b', natGateway: 'nat-a', natAz: 'eu-west-1a', destination: '0.0.0.0/0' }],
      });
    });

    it('every crossing is listed, NAT64 routes included', () => {
      // Arrange
      const snapshot = snapshotOf([
        routeTable('rtb-a', [route('0.0.0.0/0', 'nat-b'), route('64:ff9b::/96', 'nat-b')], { subnets: ['subnet-priv-a'] }),
      ]);

      // Act
      const f = check(rule, snapshot, 'rtb-a');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({
        crossAz: [
          { subnet: 'subnet-priv-a', subnetAz: 'eu-west-1a', natGateway: 'nat-b', natAz: 'eu-west-1b', destination: '0.0.0.0/0' },
          { subnet: 'subnet-priv-a', subnetAz: 'eu-west-1a', natGateway: 'nat-b', natAz: 'eu-west-1b', destination: '64:ff9b::/96' },
        ],
      });
      expect(f.message).toContain('(and 1 more)');
    });

    it('a known crossing fails even when another NAT gateway is unknown', () => {
      // Arrange
      const snapshot = snapshotOf([
        routeTable('rtb-a', [route('0.0.0.0/0', 'nat-b'), route('198.51.100.0/24', 'nat-gone')], { subnets: ['subnet-priv-a'] }),
      ]);

      // Act
      const f = check(rule, snapshot, 'rtb-a');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toMatchObject({ crossAz: [{ natGateway: 'nat-b' }] });
    });
  });

  describe('NOT_APPLICABLE', () => {
    it('a table listed without Routes names the missing key', () => {
      // Arrange
      const { Routes: _omitted, ...table } = routeTable('rtb-priv-a', [], { subnets: ['subnet-priv-a'] });

      // Act
      const f = check(rule, snapshotOf([table]), 'rtb-priv-a');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['RouteTables[rtb-priv-a].Routes'] });
    });

    it('a table without a NAT gateway route', () => {
      // Arrange
      const snapshot = snapshotOf([routeTable('rtb-pub', [route('0.0.0.0/0', 'igw-1')], { subnets: ['subnet-pub-a'] })]);

      // Act
      const f = check(rule, snapshot, 'rtb-pub');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.message).toBe('The table has no active route to a NAT gateway.');
    });

    it('a NAT instance is not a NAT gateway', () => {
      // Arrange
      const snapshot = snapshotOf([routeTable('rtb-a', [route('0.0.0.0/0', 'i-0nat')], { subnets: ['subnet-priv-a'] })]);

      // Act
      const f = check(rule, snapshot, 'rtb-a');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
    });

    it('a blackhole route to a deleted NAT gateway sends nothing (route-table-no-blackhole-routes reports it)', () => {
      // Arrange
      const snapshot = snapshotOf([routeTable('rtb-a', [route('0.0.0.0/0', 'nat-b', 'blackhole')], { subnets: ['subnet-priv-a'] })]);

      // Act
      const f = check(rule, snapshot, 'rtb-a');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
    });

    it('a table no subnet uses', () => {
      // Arrange
      const snapshot = snapshotOf([routeTable('rtb-spare', [route('0.0.0.0/0', 'nat-b')])]);

      // Act
      const f = check(rule, snapshot, 'rtb-spare');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.message).toBe('No subnet uses this route table.');
      expect(f.evidence).toEqual({ natRoutes: [{ natGateway: 'nat-b', natAz: 'eu-west-1b', destination: '0.0.0.0/0' }] });
    });

    it('a NAT gateway the snapshot does not hold: its zone is unknown, so no PASS', () => {
      // Arrange
      const snapshot = snapshotOf([routeTable('rtb-a', [route('0.0.0.0/0', 'nat-gone')], { subnets: ['subnet-priv-a'] })]);

      // Act
      const f = check(rule, snapshot, 'rtb-a');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({
        unknown: [{ natGateway: 'nat-gone', destination: '0.0.0.0/0', reason: 'NAT gateway nat-gone is not in the snapshot' }],
      });
    });

    it('one subnet names its zone only by name, the other only by id: the zones cannot be compared', () => {
      // Arrange
      const subnets = [subnetById('subnet-pub-a', 'euw1-az3'), subnet('subnet-priv-a', 'eu-west-1a')];
      const snapshot = snapshotOf([routeTable('rtb-a', [route('0.0.0.0/0', 'nat-a')], { subnets: ['subnet-priv-a'] })], { Subnets: subnets });

      // Act
      const f = check(rule, snapshot, 'rtb-a');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({
        unknown: [
          {
            natGateway: 'nat-a',
            destination: '0.0.0.0/0',
            reason: "subnet subnet-priv-a and the NAT gateway's subnet name their zones differently (AvailabilityZone on one, AvailabilityZoneId on the other)",
          },
        ],
      });
    });

    it('an associated subnet missing from Subnets makes the zone unknown, not a PASS on the others', () => {
      // Arrange: subnet-priv-a matches nat-a's zone; subnet-gone is associated but not listed.
      const snapshot = snapshotOf([routeTable('rtb-a', [route('0.0.0.0/0', 'nat-a')], { subnets: ['subnet-priv-a', 'subnet-gone'] })]);

      // Act
      const f = check(rule, snapshot, 'rtb-a');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({
        unknown: [{ natGateway: 'nat-a', destination: '0.0.0.0/0', reason: 'subnet subnet-gone is not in the snapshot (Subnets)' }],
      });
    });

    it('a snapshot without NatGateways names the missing key', () => {
      // Arrange
      const { NatGateways: _omitted, ...snapshot } = snapshotOf([routeTable('rtb-a', [route('0.0.0.0/0', 'nat-b')], { subnets: ['subnet-priv-a'] })]);

      // Act
      const f = check(rule, snapshot, 'rtb-a');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ missingInputs: ['NatGateways'] });
    });

    it('a snapshot without Subnets names the missing key', () => {
      // Arrange
      const { Subnets: _omitted, ...snapshot } = snapshotOf([routeTable('rtb-a', [route('0.0.0.0/0', 'nat-b')], { subnets: ['subnet-priv-a'] })]);

      // Act
      const f = check(rule, snapshot, 'rtb-a');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['Subnets'] });
    });

    it('a snapshot without RouteTables has nothing to evaluate', () => {
      // Arrange
      const snapshot = { Vpcs: [VPC], Subnets: SUBNETS, NatGateways: NATS };

      // Act
      const f = check(rule, snapshot, 'snapshot');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['RouteTables'] });
    });
  });
});
