import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/network/route-table-no-blackhole-routes';
import { check, VPC } from '../../../helpers';
import { route, routeTable } from './network-fixtures';

const ID = 'route-table-no-blackhole-routes';

const snapshotOf = (...tables: Record<string, unknown>[]) => ({ Vpcs: [VPC], RouteTables: tables });

describe(ID, () => {
  it('has the catalog metadata (MEDIUM, RouteTable, no refs, no extra inputs)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('MEDIUM');
    expect(rule.meta.resourceKind).toBe('RouteTable');
    expect(rule.meta.compliance).toEqual({});
    expect(rule.meta.remediation.kind).toBeUndefined();
    expect(rule.meta.remediation.defaultMode).toBe('notify');
    expect(rule.meta.inputs).toEqual([]);
    expect(rule.meta.triggers.cloudTrailEvents).toEqual(expect.arrayContaining(['CreateRoute', 'DeleteRoute', 'DeleteNatGateway']));
    expect(rule.meta.triggers.configResourceTypes).toEqual(['AWS::EC2::RouteTable']);
  });

  describe('PASS', () => {
    it('every route active', () => {
      // Arrange
      const table = routeTable('rtb-1', [route('0.0.0.0/0', 'nat-1'), route('10.2.0.0/16', 'pcx-1')]);

      // Act
      const f = check(rule, snapshotOf(table), 'rtb-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.message).toBe('None of its 3 route(s) is a blackhole.');
    });

    it('routes without a State are not blackholes', () => {
      // Arrange
      const table = { RouteTableId: 'rtb-1', VpcId: 'vpc-1', Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' }] };

      // Act
      const f = check(rule, snapshotOf(table), 'rtb-1');

      // Assert
      expect(f.status).toBe('PASS');
    });
  });

  describe('FAIL', () => {
    it('a route to a deleted peering connection is a blackhole', () => {
      // Arrange
      const table = routeTable('rtb-1', [route('10.2.0.0/16', 'pcx-01c5', 'blackhole'), route('0.0.0.0/0', 'i-0nat')]);

      // Act
      const f = check(rule, snapshotOf(table), 'rtb-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
      expect(f.resourceType).toBe('AWS::EC2::RouteTable');
      expect(f.evidence).toEqual({ blackholeRoutes: [{ destination: '10.2.0.0/16', target: 'pcx-01c5', targetKind: 'peering' }] });
      expect(f.message).toBe('1 blackhole route(s), whose target no longer exists or is unavailable: 10.2.0.0/16 → pcx-01c5 (peering).');
    });

    it('lists every blackhole: a deleted NAT gateway, a terminated instance, a prefix-list and an IPv6 destination', () => {
      // Arrange
      const table = routeTable('rtb-1', [
        route('0.0.0.0/0', 'nat-gone', 'blackhole'),
        route('198.51.100.0/24', 'i-gone', 'blackhole'),
        route('pl-0abc', 'eni-gone', 'blackhole'),
        route('2001:db8::/32', 'igw-detached', 'blackhole'),
      ]);

      // Act
      const f = check(rule, snapshotOf(table), 'rtb-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
      expect(f.evidence).toEqual({
        blackholeRoutes: [
          { destination: '0.0.0.0/0', target: 'nat-gone', targetKind: 'nat-gateway' },
          { destination: '198.51.100.0/24', target: 'i-gone', targetKind: 'instance' },
          { destination: 'pl-0abc', target: 'eni-gone', targetKind: 'network-interface' },
          { destination: '2001:db8::/32', target: 'igw-detached', targetKind: 'internet-gateway' },
        ],
      });
    });

    it('a blackhole whose target field is empty says the target is unknown', () => {
      // Arrange
      const table = { RouteTableId: 'rtb-1', VpcId: 'vpc-1', Routes: [{ DestinationCidrBlock: '10.9.0.0/16', State: 'blackhole' }] };

      // Act
      const f = check(rule, snapshotOf(table), 'rtb-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({ blackholeRoutes: [{ destination: '10.9.0.0/16', target: 'unknown', targetKind: 'other' }] });
    });
  });

  describe('NOT_APPLICABLE', () => {
    it('a table whose Routes the snapshot leaves out', () => {
      // Arrange
      const table = { RouteTableId: 'rtb-1', VpcId: 'vpc-1' };

      // Act
      const f = check(rule, snapshotOf(table), 'rtb-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ missingInputs: ['RouteTables[rtb-1].Routes'] });
    });

    it('a snapshot without RouteTables names the missing key', () => {
      // Arrange
      const snapshot = { Vpcs: [VPC] };

      // Act
      const f = check(rule, snapshot, 'snapshot');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['RouteTables'] });
    });
  });
});
