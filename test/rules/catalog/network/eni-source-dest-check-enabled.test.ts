import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/network/eni-source-dest-check-enabled';
import { check, VPC } from '../../../helpers';
import { eni, route, routeTable } from './network-fixtures';

const ID = 'eni-source-dest-check-enabled';
type Json = Record<string, unknown>;

const snapshotOf = (interfaces: Json[], tables: Json[] = []) => ({ Vpcs: [VPC], NetworkInterfaces: interfaces, RouteTables: tables });

/** A NAT instance's interface: forwarding on, attached to i-0nat. */
const NAT_INSTANCE = eni('eni-nat', { SourceDestCheck: false, Attachment: { InstanceId: 'i-0nat' } });

describe(ID, () => {
  it('has the catalog metadata (MEDIUM, NetworkInterface, FSBP EC2.180)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('MEDIUM');
    expect(rule.meta.resourceKind).toBe('NetworkInterface');
    expect(rule.meta.compliance).toEqual({ 'aws-fsbp': ['EC2.180'] });
    expect(rule.meta.remediation.kind).toBeUndefined();
    expect(rule.meta.remediation.defaultMode).toBe('notify');
    expect(rule.meta.remediation.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/.*#ec2-180$/);
    expect(rule.meta.inputs).toEqual([]);
    expect(rule.meta.triggers.cloudTrailEvents).toEqual(expect.arrayContaining(['ModifyNetworkInterfaceAttribute', 'ModifyInstanceAttribute']));
  });

  describe('PASS', () => {
    it('a user-managed interface with SourceDestCheck true', () => {
      // Arrange
      const snapshot = snapshotOf([eni('eni-1')]);

      // Act
      const f = check(rule, snapshot, 'eni-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ sourceDestCheck: true });
    });

    it('an interface without InterfaceType is a user-managed interface', () => {
      // Arrange
      const { InterfaceType: _t, RequesterManaged: _r, ...plain } = eni('eni-1');

      // Act
      const f = check(rule, snapshotOf([plain]), 'eni-1');

      // Assert
      expect(f.status).toBe('PASS');
    });
  });

  describe('FAIL', () => {
    it('a NAT instance interface (route target by InstanceId and NetworkInterfaceId) fails with the NAT gateway recommendation', () => {
      // Arrange
      const natRoute = { ...route('0.0.0.0/0', 'i-0nat'), NetworkInterfaceId: 'eni-nat' };
      const snapshot = snapshotOf([NAT_INSTANCE], [routeTable('rtb-priv', [natRoute], { subnets: ['subnet-2'] })]);

      // Act
      const f = check(rule, snapshot, 'eni-nat');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
      expect(f.resourceType).toBe('AWS::EC2::NetworkInterface');
      expect(f.evidence).toEqual({
        sourceDestCheck: false,
        routeTargetOf: [{ routeTable: 'rtb-priv', destination: '0.0.0.0/0', matchedBy: 'NetworkInterfaceId' }],
        recommendation: 'Replace the NAT instance with a NAT gateway.',
      });
      expect(f.message).toMatch(/serves as a NAT instance\. Replace it with a NAT gateway/);
    });

    it('a route naming only the instance makes its interface a route target', () => {
      // Arrange
      const snapshot = snapshotOf([NAT_INSTANCE], [routeTable('rtb-a', [route('0.0.0.0/0', 'i-0nat')]), routeTable('rtb-b', [route('0.0.0.0/0', 'i-0nat')])]);

      // Act
      const f = check(rule, snapshot, 'eni-nat');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toMatchObject({
        routeTargetOf: [
          { routeTable: 'rtb-a', destination: '0.0.0.0/0', matchedBy: 'InstanceId' },
          { routeTable: 'rtb-b', destination: '0.0.0.0/0', matchedBy: 'InstanceId' },
        ],
      });
      expect(f.message).toContain('rtb-a, rtb-b route traffic to it');
    });

    it("an instance route goes to the interface EC2 resolved it to, or to the instance's primary interface", () => {
      // Arrange: i-0nat has its primary eni-nat and a secondary eni-second, both without the check.
      const second = eni('eni-second', { SourceDestCheck: false, Attachment: { InstanceId: 'i-0nat', DeviceIndex: 1 } });
      const primary = eni('eni-nat', { SourceDestCheck: false, Attachment: { InstanceId: 'i-0nat', DeviceIndex: 0 } });
      const resolved = routeTable('rtb-a', [{ ...route('0.0.0.0/0', 'i-0nat'), NetworkInterfaceId: 'eni-nat' }]);
      const instanceOnly = routeTable('rtb-b', [route('10.9.0.0/16', 'i-0nat')]);
      const snapshot = snapshotOf([primary, second], [resolved, instanceOnly]);

      // Act
      const onSecond = check(rule, snapshot, 'eni-second');
      const onPrimary = check(rule, snapshot, 'eni-nat');

      // Assert: the secondary interface fails for the check alone, not as a NAT instance.
      expect(onSecond.evidence).toEqual({ sourceDestCheck: false, routeTargetOf: [] });
      expect(onPrimary.evidence).toMatchObject({
        routeTargetOf: [
          { routeTable: 'rtb-a', destination: '0.0.0.0/0', matchedBy: 'NetworkInterfaceId' },
          { routeTable: 'rtb-b', destination: '10.9.0.0/16', matchedBy: 'InstanceId' },
        ],
      });
    });

    it('a route naming only the interface makes it a route target', () => {
      // Arrange
      const snapshot = snapshotOf([eni('eni-fw', { SourceDestCheck: false })], [routeTable('rtb-a', [route('10.9.0.0/16', 'eni-fw')])]);

      // Act
      const f = check(rule, snapshot, 'eni-fw');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toMatchObject({ routeTargetOf: [{ routeTable: 'rtb-a', destination: '10.9.0.0/16', matchedBy: 'NetworkInterfaceId' }] });
    });

    it('forwarding on but no route targets it: no NAT gateway recommendation', () => {
      // Arrange
      const snapshot = snapshotOf([NAT_INSTANCE], [routeTable('rtb-a', [route('0.0.0.0/0', 'igw-1')])]);

      // Act
      const f = check(rule, snapshot, 'eni-nat');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
      expect(f.evidence).toEqual({ sourceDestCheck: false, routeTargetOf: [] });
      expect(f.message).toBe('Source/destination checking is disabled.');
    });

    it('without RouteTables the verdict stands and the evidence says the route role is unknown', () => {
      // Arrange
      const snapshot = { Vpcs: [VPC], NetworkInterfaces: [NAT_INSTANCE] };

      // Act
      const f = check(rule, snapshot, 'eni-nat');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({ sourceDestCheck: false, routeTargetOf: 'unknown: no RouteTables in the snapshot' });
    });
  });

  describe('NOT_APPLICABLE', () => {
    it.each([
      ['a requester-managed interface (Client VPN)', { RequesterManaged: true, SourceDestCheck: false }],
      ['a NAT gateway interface', { InterfaceType: 'nat_gateway', RequesterManaged: true, SourceDestCheck: false }],
      ['a load balancer interface', { InterfaceType: 'network_load_balancer', SourceDestCheck: false }],
      ['a VPC endpoint interface', { InterfaceType: 'vpc_endpoint', SourceDestCheck: false }],
    ])('%s', (_name, extra) => {
      // Arrange
      const snapshot = snapshotOf([eni('eni-1', extra)]);

      // Act
      const f = check(rule, snapshot, 'eni-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
    });

    it('an interface whose SourceDestCheck the snapshot does not give: missing data, no verdict', () => {
      // Arrange
      const { SourceDestCheck: _omitted, ...unknown } = eni('eni-1');

      // Act
      const f = check(rule, snapshotOf([unknown]), 'eni-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['NetworkInterfaces[eni-1].SourceDestCheck'] });
      expect(f.message).toContain('does not give');
    });

    it('a snapshot without NetworkInterfaces names the missing key', () => {
      // Arrange
      const snapshot = { Vpcs: [VPC], RouteTables: [] };

      // Act
      const f = check(rule, snapshot, 'snapshot');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['NetworkInterfaces'] });
    });
  });
});
