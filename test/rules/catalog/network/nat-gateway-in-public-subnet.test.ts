import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/network/nat-gateway-in-public-subnet';
import { check, VPC } from '../../../helpers';
import { internetGateway, natGateway, route, routeTable, subnet } from './network-fixtures';

const ID = 'nat-gateway-in-public-subnet';
type Json = Record<string, unknown>;

/** One VPC with an attached igw-1, the NAT gateway nat-1 in subnet-pub, and the given tables. */
function snapshotOf(tables: Json[], nat: Json = natGateway('nat-1', 'subnet-pub'), extra: Json = {}): Json {
  return {
    Vpcs: [VPC],
    Subnets: [subnet('subnet-pub'), subnet('subnet-priv', 'eu-west-1b')],
    InternetGateways: [internetGateway('igw-1')],
    NatGateways: [nat],
    RouteTables: tables,
    ...extra,
  };
}

describe(ID, () => {
  it('has the catalog metadata (HIGH, NatGateway, no refs, needs Subnets and RouteTables)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('HIGH');
    expect(rule.meta.resourceKind).toBe('NatGateway');
    expect(rule.meta.compliance).toEqual({});
    expect(rule.meta.remediation.kind).toBeUndefined();
    expect(rule.meta.remediation.defaultMode).toBe('notify');
    expect(rule.meta.remediation.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    expect(rule.meta.inputs).toEqual(['Subnets', 'RouteTables']);
    expect(rule.meta.triggers.cloudTrailEvents).toEqual(expect.arrayContaining(['CreateNatGateway', 'CreateRoute', 'ReplaceRouteTableAssociation']));
    expect(rule.meta.triggers.configResourceTypes).toContain('AWS::EC2::NatGateway');
  });

  describe('PASS', () => {
    it("a public NAT gateway whose subnet's explicit table routes 0.0.0.0/0 to an attached igw", () => {
      // Arrange
      const snapshot = snapshotOf([routeTable('rtb-pub', [route('0.0.0.0/0', 'igw-1')], { subnets: ['subnet-pub'] })]);

      // Act
      const f = check(rule, snapshot, 'nat-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({
        subnet: 'subnet-pub',
        routeTable: 'rtb-pub',
        association: 'explicit',
        defaultRoute: { target: 'igw-1', targetKind: 'internet-gateway', state: 'active' },
        internetGatewayRoutes: [{ destination: '0.0.0.0/0', internetGateway: 'igw-1' }],
      });
      expect(f.message).toBe('In subnet-pub, whose route table rtb-pub sends the internet to igw-1.');
    });

    it('a route propagated from a virtual private gateway loses to the static igw route for the same 0.0.0.0/0, in either order', () => {
      // Arrange
      const propagated = { ...route('0.0.0.0/0', 'vgw-1'), Origin: 'EnableVgwRoutePropagation' };
      const staticIgw = { ...route('0.0.0.0/0', 'igw-1'), Origin: 'CreateRoute' };
      const tables = [[propagated, staticIgw], [staticIgw, propagated]].map((routes) => routeTable('rtb-pub', routes, { subnets: ['subnet-pub'] }));

      // Act
      const findings = tables.map((t) => check(rule, snapshotOf([t]), 'nat-1'));

      // Assert
      for (const f of findings) {
        expect(f.status).toBe('PASS');
        expect(f.evidence).toMatchObject({ defaultRoute: { target: 'igw-1', targetKind: 'internet-gateway', state: 'active' } });
      }
    });

    it('a subnet with no explicit association uses the VPC main table, which routes to the igw', () => {
      // Arrange
      const snapshot = snapshotOf([
        routeTable('rtb-main', [route('0.0.0.0/0', 'igw-1')], { main: true }),
        routeTable('rtb-priv', [route('0.0.0.0/0', 'nat-1')], { subnets: ['subnet-priv'] }),
      ]);

      // Act
      const f = check(rule, snapshot, 'nat-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence).toMatchObject({ subnet: 'subnet-pub', routeTable: 'rtb-main', association: 'main' });
    });

    it('an explicit association whose AssociationState is associated counts', () => {
      // Arrange
      const snapshot = snapshotOf([
        routeTable('rtb-main', [route('0.0.0.0/0', 'nat-9')], { main: true }),
        routeTable('rtb-pub', [route('0.0.0.0/0', 'igw-1')], { subnets: ['subnet-pub'], states: { 'subnet-pub': 'associated' } }),
      ]);

      // Act
      const f = check(rule, snapshot, 'nat-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence).toMatchObject({ routeTable: 'rtb-pub', association: 'explicit' });
    });

    it('0.0.0.0/1 + 128.0.0.0/1 to the igw is as good as 0.0.0.0/0 (the union counts)', () => {
      // Arrange
      const snapshot = snapshotOf([
        routeTable('rtb-pub', [route('0.0.0.0/1', 'igw-1'), route('128.0.0.0/1', 'igw-1')], { subnets: ['subnet-pub'] }),
      ]);

      // Act
      const f = check(rule, snapshot, 'nat-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence).toMatchObject({
        defaultRoute: 'none',
        internetGatewayRoutes: [
          { destination: '0.0.0.0/1', internetGateway: 'igw-1' },
          { destination: '128.0.0.0/1', internetGateway: 'igw-1' },
        ],
      });
    });

    it('without InternetGateways in the snapshot, an active igw route is taken at its word', () => {
      // Arrange
      const { InternetGateways: _omitted, ...snapshot } = snapshotOf([
        routeTable('rtb-pub', [route('0.0.0.0/0', 'igw-1')], { subnets: ['subnet-pub'] }),
      ]);

      // Act
      const f = check(rule, snapshot, 'nat-1');

      // Assert
      expect(f.status).toBe('PASS');
    });

    it('a misplaced NAT gateway exempted by tag', () => {
      // Arrange
      const nat = natGateway('nat-1', 'subnet-pub', { Tags: [{ Key: 'vpc-auditor:exempt', Value: ID }] });
      const snapshot = snapshotOf([routeTable('rtb-pub', [route('0.0.0.0/0', 'i-0nat')], { subnets: ['subnet-pub'] })], nat);

      // Act
      const f = check(rule, snapshot, 'nat-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence).toMatchObject({ exempted: true, exemptTag: ID });
    });
  });

  describe('FAIL', () => {
    it('a public NAT gateway in a subnet whose table sends 0.0.0.0/0 to a NAT instance, not an igw', () => {
      // Arrange
      const snapshot = snapshotOf([
        routeTable('rtb-pub', [route('0.0.0.0/0', 'igw-1')], { subnets: ['subnet-priv'] }),
        routeTable('rtb-priv', [route('0.0.0.0/0', 'i-0nat')], { subnets: ['subnet-pub'] }),
      ]);

      // Act
      const f = check(rule, snapshot, 'nat-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('HIGH');
      expect(f.resourceType).toBe('AWS::EC2::NatGateway');
      expect(f.evidence).toEqual({
        subnet: 'subnet-pub',
        routeTable: 'rtb-priv',
        association: 'explicit',
        defaultRoute: { target: 'i-0nat', targetKind: 'instance', state: 'active' },
        internetGatewayRoutes: [],
      });
      expect(f.message).toBe(
        'Public NAT gateway in subnet-pub, whose route table rtb-priv routes 0.0.0.0/0 to i-0nat (instance), not to an internet gateway: it cannot reach the internet, nor can the subnets routed through it.',
      );
    });

    it('a subnet whose table has no internet route at all', () => {
      // Arrange
      const snapshot = snapshotOf([routeTable('rtb-priv', [], { subnets: ['subnet-pub'] })]);

      // Act
      const f = check(rule, snapshot, 'nat-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('HIGH');
      expect(f.evidence).toMatchObject({ defaultRoute: 'none', internetGatewayRoutes: [] });
      expect(f.message).toContain('has no 0.0.0.0/0 route and no IPv4 route to an internet gateway');
    });

    it('an unassociated subnet whose VPC main table has no igw route (another table has one)', () => {
      // Arrange
      const snapshot = snapshotOf([
        routeTable('rtb-main', [route('0.0.0.0/0', 'nat-9')], { main: true }),
        routeTable('rtb-pub', [route('0.0.0.0/0', 'igw-1')], { subnets: ['subnet-priv'] }),
      ]);

      // Act
      const f = check(rule, snapshot, 'nat-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toMatchObject({
        routeTable: 'rtb-main',
        association: 'main',
        defaultRoute: { target: 'nat-9', targetKind: 'nat-gateway', state: 'active' },
      });
    });

    it.each(['disassociated', 'disassociating', 'associating', 'failed'])(
      'an explicit association to a public table that is %s does not count: the main table decides',
      (state) => {
        // Arrange
        const snapshot = snapshotOf([
          routeTable('rtb-main', [route('0.0.0.0/0', 'nat-9')], { main: true }),
          routeTable('rtb-pub', [route('0.0.0.0/0', 'igw-1')], { subnets: ['subnet-pub'], states: { 'subnet-pub': state } }),
        ]);

        // Act
        const f = check(rule, snapshot, 'nat-1');

        // Assert
        expect(f.status).toBe('FAIL');
        expect(f.evidence).toMatchObject({ routeTable: 'rtb-main', association: 'main' });
      },
    );

    it('a blackhole 0.0.0.0/0 to an igw does not count', () => {
      // Arrange
      const snapshot = snapshotOf([routeTable('rtb-pub', [route('0.0.0.0/0', 'igw-1', 'blackhole')], { subnets: ['subnet-pub'] })]);

      // Act
      const f = check(rule, snapshot, 'nat-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toMatchObject({ defaultRoute: { target: 'igw-1', targetKind: 'internet-gateway', state: 'blackhole' }, internetGatewayRoutes: [] });
      expect(f.message).toContain('routes 0.0.0.0/0 to igw-1, a blackhole');
    });

    it('an igw that is not attached to the VPC does not count', () => {
      // Arrange
      const snapshot = snapshotOf([routeTable('rtb-pub', [route('0.0.0.0/0', 'igw-1')], { subnets: ['subnet-pub'] })], undefined, {
        InternetGateways: [internetGateway('igw-1', 'vpc-other')],
      });

      // Act
      const f = check(rule, snapshot, 'nat-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.message).toContain('routes 0.0.0.0/0 to igw-1, which is not attached to its VPC');
    });

    it('an igw route for a /24 only is not the internet', () => {
      // Arrange
      const snapshot = snapshotOf([routeTable('rtb-pub', [route('198.51.100.0/24', 'igw-1')], { subnets: ['subnet-pub'] })]);

      // Act
      const f = check(rule, snapshot, 'nat-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toMatchObject({ internetGatewayRoutes: [{ destination: '198.51.100.0/24', internetGateway: 'igw-1' }] });
    });

    it('more specific routes elsewhere leave 0.0.0.0/0 → igw with too few public addresses', () => {
      // Arrange
      const snapshot = snapshotOf([
        routeTable('rtb-pub', [route('0.0.0.0/0', 'igw-1'), route('0.0.0.0/1', 'nat-9'), route('128.0.0.0/1', 'nat-9')], { subnets: ['subnet-pub'] }),
      ]);

      // Act
      const f = check(rule, snapshot, 'nat-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.message).toContain('more specific routes send most public addresses elsewhere');
    });

    it('only ::/0 reaches the igw: a NAT gateway needs IPv4', () => {
      // Arrange
      const snapshot = snapshotOf([routeTable('rtb-pub', [route('::/0', 'igw-1')], { subnets: ['subnet-pub'] })]);

      // Act
      const f = check(rule, snapshot, 'nat-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toMatchObject({ internetGatewayRoutes: [] });
    });

    it('a NAT gateway without ConnectivityType is public', () => {
      // Arrange
      const { ConnectivityType: _omitted, ...nat } = natGateway('nat-1', 'subnet-pub');
      const snapshot = snapshotOf([routeTable('rtb-priv', [], { subnets: ['subnet-pub'] })], nat);

      // Act
      const f = check(rule, snapshot, 'nat-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('HIGH');
    });
  });

  describe('NOT_APPLICABLE', () => {
    const PRIVATE_TABLE = [routeTable('rtb-priv', [], { subnets: ['subnet-pub'] })];

    it("the subnet's table is listed without Routes: unknown, not a table with no internet route", () => {
      // Arrange
      const { Routes: _omitted, ...table } = routeTable('rtb-pub', [], { subnets: ['subnet-pub'] });

      // Act
      const f = check(rule, snapshotOf([table]), 'nat-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['RouteTables[rtb-pub].Routes'] });
    });

    it('the internet route is a customer prefix list without entries: named as PrefixListEntries[pl-…]', () => {
      // Arrange
      const snapshot = snapshotOf([routeTable('rtb-pub', [route('pl-0route', 'igw-1')], { subnets: ['subnet-pub'] })]);

      // Act
      const f = check(rule, snapshot, 'nat-1');

      // Assert: the same key form as every other reader of prefix lists (docs/semantics.md "Source set")
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toMatchObject({ missingInputs: ['PrefixListEntries[pl-0route]'] });
    });

    it('0.0.0.0/0 goes to the igw, but a customer prefix list without entries goes to a transit gateway: it could hold the internet', () => {
      // Arrange: were pl-0corp 0.0.0.0/1 + 128.0.0.0/1, its longer prefixes would take every address from the igw
      const routes = [route('0.0.0.0/0', 'igw-1'), route('pl-0corp', 'tgw-1')];
      const snapshot = snapshotOf([routeTable('rtb-pub', routes, { subnets: ['subnet-pub'] })]);

      // Act
      const f = check(rule, snapshot, 'nat-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toMatchObject({ missingInputs: ['PrefixListEntries[pl-0corp]'] });
    });

    it.each([
      ['to a transit gateway, with its entries', 'tgw-1', { PrefixListEntries: { 'pl-0corp': [{ Cidr: '192.0.2.0/24' }] } }],
      ['to a transit gateway, AWS-managed', 'tgw-1', { ManagedPrefixLists: [{ PrefixListId: 'pl-0corp', PrefixListName: 'com.amazonaws.global.cloudfront.origin-facing', OwnerId: 'AWS' }] }],
      ['to a gateway endpoint (AWS service ranges), without entries', 'vpce-1', {}],
    ])('a prefix list routed %s leaves the PASS standing', (_name, target, extra) => {
      // Arrange
      const routes = [route('0.0.0.0/0', 'igw-1'), route('pl-0corp', target)];
      const snapshot = snapshotOf([routeTable('rtb-pub', routes, { subnets: ['subnet-pub'] })], natGateway('nat-1', 'subnet-pub'), extra);

      // Act
      const f = check(rule, snapshot, 'nat-1');

      // Assert
      expect(f.status).toBe('PASS');
    });

    it.each([
      ['a private NAT gateway', { ConnectivityType: 'private' }, 'A private NAT gateway does not need an internet gateway.'],
      ['a pending NAT gateway', { State: 'pending' }, 'The NAT gateway is pending, not available.'],
      ['a deleted NAT gateway', { State: 'deleted' }, 'The NAT gateway is deleted, not available.'],
      ['a regional NAT gateway', { AvailabilityMode: 'regional', SubnetId: undefined }, 'A regional NAT gateway sits in no subnet.'],
    ])('%s', (_name, extra, message) => {
      // Arrange
      const snapshot = snapshotOf(PRIVATE_TABLE, natGateway('nat-1', 'subnet-pub', extra));

      // Act
      const f = check(rule, snapshot, 'nat-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.message).toBe(message);
    });

    it('a NAT gateway without State: missing data is not a verdict', () => {
      // Arrange
      const { State: _omitted, ...nat } = natGateway('nat-1', 'subnet-pub');

      // Act
      const f = check(rule, snapshotOf(PRIVATE_TABLE, nat), 'nat-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.message).toContain('State');
    });

    it("the NAT gateway's subnet has no explicit table and is not in the snapshot", () => {
      // Arrange
      const snapshot = snapshotOf([routeTable('rtb-main', [route('0.0.0.0/0', 'igw-1')], { main: true })], natGateway('nat-1', 'subnet-gone'));

      // Act
      const f = check(rule, snapshot, 'nat-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ subnet: 'subnet-gone' });
    });

    it('a snapshot without RouteTables names the missing key', () => {
      // Arrange
      const { RouteTables: _omitted, ...snapshot } = snapshotOf(PRIVATE_TABLE);

      // Act
      const f = check(rule, snapshot, 'nat-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ missingInputs: ['RouteTables'] });
    });

    it('a snapshot without Subnets names the missing key', () => {
      // Arrange
      const { Subnets: _omitted, ...snapshot } = snapshotOf(PRIVATE_TABLE);

      // Act
      const f = check(rule, snapshot, 'nat-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['Subnets'] });
    });

    it('a snapshot without NatGateways has nothing to evaluate', () => {
      // Arrange
      const { NatGateways: _omitted, ...snapshot } = snapshotOf(PRIVATE_TABLE);

      // Act
      const f = check(rule, snapshot, 'snapshot');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['NatGateways'] });
    });
  });
});
