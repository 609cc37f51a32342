import { describe, expect, it } from 'vitest';
import allTraffic from '../../../../rules/catalog/security-group/sg-no-public-all-traffic';
import rule from '../../../../rules/catalog/security-group/sg-no-public-admin-ports';
import highRisk from '../../../../rules/catalog/security-group/sg-no-public-high-risk-ports';
import { check, entry, nacl, perm, sg, VPC } from '../../../helpers';
import { groupsOnly } from './sg-fixtures';

/** docs/semantics.md "Exposure-aware severity" for the sg-no-public-* rules. */
const sshOpen = (extra: Record<string, unknown> = {}) => sg('sg-1', [perm('tcp', 22, 22, '0.0.0.0/0')], extra);
const oneGroup = (...permissions: Record<string, unknown>[]) => groupsOnly(sg('sg-1', permissions));

/** Everything reachability needs: a public subnet (IGW route, NACL allowing all) in VPC. */
const network = (interfaces: Record<string, unknown>[], group = sshOpen(), naclEntries = [entry(100, 'allow', '-1', '0.0.0.0/0'), entry(100, 'allow', '-1', '0.0.0.0/0', undefined, true)]) => ({
  SecurityGroups: [group],
  Vpcs: [VPC],
  Subnets: [{ SubnetId: 'subnet-1', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', AvailabilityZone: 'eu-west-1a' }],
  InternetGateways: [{ InternetGatewayId: 'igw-1', Attachments: [{ VpcId: 'vpc-1', State: 'available' }] }],
  RouteTables: [
    {
      RouteTableId: 'rtb-1',
      VpcId: 'vpc-1',
      Associations: [{ Main: true, RouteTableId: 'rtb-1' }],
      Routes: [
        { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' },
        { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' },
      ],
    },
  ],
  NetworkAcls: [nacl('acl-1', naclEntries)],
  NetworkInterfaces: interfaces,
});
const eni = (extra: Record<string, unknown> = {}) => ({
  NetworkInterfaceId: 'eni-1',
  SubnetId: 'subnet-1',
  VpcId: 'vpc-1',
  InterfaceType: 'interface',
  Status: 'in-use',
  Groups: [{ GroupId: 'sg-1', GroupName: 'sg-1' }],
  ...extra,
});
const PUBLIC = { Association: { PublicIp: '203.0.113.10' } };

describe('sg-no-public-admin-ports', () => {
  describe('exposure-aware severity (docs/semantics.md "Exposure-aware severity")', () => {
    it('CRITICAL when an interface using the group is internet-reachable on tcp 22; the evidence names it', () => {
      // Act
      const f = check(rule, network([eni(PUBLIC)]), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('CRITICAL');
      expect(JSON.stringify(f.evidence)).toContain('eni-1');
    });

    it('the base severity HIGH when attached but no interface is exposed (no public address)', () => {
      // Act
      const f = check(rule, network([eni()]), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('HIGH');
    });

    it('one level lower (MEDIUM) when the group is attached to no interface', () => {
      // Act
      const f = check(rule, network([]), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
    });

    it('an interface listed without Groups may use the group: base severity, and the evidence names it', () => {
      // Arrange: a public interface whose Groups the snapshot lacks
      const withoutGroups = { ...eni(PUBLIC), Groups: undefined };

      // Act
      const f = check(rule, network([withoutGroups]), 'sg-1');

      // Assert: not MEDIUM ("attached to nothing"), which the snapshot does not show
      expect(f.severity).toBe('HIGH');
      expect(f.evidence.exposure).toEqual({ attachedInterfaces: 0, missingInputs: ['NetworkInterfaces[eni-1].Groups'] });
    });

    it('without the reachability inputs: base severity, and the evidence names the missing keys', () => {
      // Act
      const f = check(rule, groupsOnly(sshOpen()), 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('HIGH');
      const evidence = JSON.stringify(f.evidence);
      for (const key of ['NetworkInterfaces', 'Subnets', 'RouteTables', 'NetworkAcls']) expect(evidence).toContain(key);
    });
  });

});

describe('sg-no-public-high-risk-ports', () => {
  describe('exposure-aware severity', () => {
    it('one level lower (MEDIUM) when the group is attached to no interface (all reachability inputs present)', () => {
      // Arrange
      const snapshot = { ...oneGroup(perm('tcp', 3306, 3306, '0.0.0.0/0')), Vpcs: [VPC], Subnets: [], RouteTables: [], NetworkAcls: [], InternetGateways: [], NetworkInterfaces: [] };

      // Act
      const f = check(highRisk, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
    });
  });

});

describe('an interface with a group the snapshot lacks', () => {
  const withGone = eni({ ...PUBLIC, Groups: [{ GroupId: 'sg-1', GroupName: 'sg-1' }, { GroupId: 'sg-gone', GroupName: 'gone' }] });

  it('CRITICAL when the known group already exposes it: the missing group can only let more in', () => {
    // Act
    const f = check(rule, network([withGone]), 'sg-1');

    // Assert
    expect(f).toMatchObject({ status: 'FAIL', severity: 'CRITICAL', evidence: { exposure: { attachedInterfaces: 1, exposedInterfaces: 1 } } });
  });

  it('undecided, naming the group, when what is known does not expose it', () => {
    // Arrange: the NACL denies 22, yet keeps the group's other traffic
    const deny22 = [entry(90, 'deny', '6', '0.0.0.0/0', [22, 22]), entry(100, 'allow', '-1', '0.0.0.0/0'), entry(100, 'allow', '-1', '0.0.0.0/0', undefined, true)];

    // Act
    const f = check(rule, network([withGone], sshOpen(), deny22), 'sg-1');

    // Assert
    expect(f).toMatchObject({ status: 'FAIL', severity: 'HIGH' });
    expect(f.evidence.exposure).toEqual({ attachedInterfaces: 1, exposedInterfaces: 0, undecided: ['eni-1: SecurityGroups (sg-gone)'] });
  });
});

describe('unresolved customer prefix lists', () => {
  // sg-1 opens 22 to 52.0.0.0/8 (a proven FAIL) and to pl-x, whose entries the snapshot lacks;
  // the NACL denies 52.0.0.0/8 on 22, so only pl-x could expose the interface.
  const fromList = { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, PrefixListIds: [{ PrefixListId: 'pl-x' }] };
  const group = sg('sg-1', [perm('tcp', 22, 22, '52.0.0.0/8'), fromList]);
  const naclEntries = [entry(90, 'deny', '6', '52.0.0.0/8', [22, 22]), entry(100, 'allow', '-1', '0.0.0.0/0'), entry(100, 'allow', '-1', '0.0.0.0/0', undefined, true)];

  it('an interface exposed only if the list is the internet is undecided: base severity, the list named', () => {
    // Act
    const f = check(rule, network([eni(PUBLIC)], group, naclEntries), 'sg-1');

    // Assert: neither CRITICAL (not proven) nor lower (attached, maybe exposed)
    expect(f).toMatchObject({ status: 'FAIL', severity: 'HIGH' });
    expect(f.evidence.exposure).toEqual({ attachedInterfaces: 1, exposedInterfaces: 0, undecided: ['eni-1: PrefixListEntries[pl-x]'] });
    expect(f.evidence.unresolvedPrefixLists).toEqual(['pl-x']);
  });

  it('undecided too when the list could open another checked port, one the proven FAIL does not name', () => {
    // Arrange: 3389 from the internet (proven, but the NACL denies it); 22 only from pl-x
    const group22 = sg('sg-1', [perm('tcp', 3389, 3389, '0.0.0.0/0'), fromList]);
    const deny3389 = [entry(90, 'deny', '6', '0.0.0.0/0', [3389, 3389]), entry(100, 'allow', '-1', '0.0.0.0/0'), entry(100, 'allow', '-1', '0.0.0.0/0', undefined, true)];

    // Act
    const f = check(rule, network([eni(PUBLIC)], group22, deny3389), 'sg-1');

    // Assert: were pl-x the internet, 22 would be offending and reach eni-1 (CRITICAL)
    expect(f).toMatchObject({ status: 'FAIL', severity: 'HIGH' });
    expect(f.evidence.exposure).toEqual({ attachedInterfaces: 1, exposedInterfaces: 0, undecided: ['eni-1: PrefixListEntries[pl-x]'] });
  });

  it('sg-no-public-all-traffic: undecided when the list could open every port of the protocol that reaches the interface', () => {
    // Arrange: every tcp port from the internet (proven), every udp port only from pl-x; the NACL lets in no tcp
    const udpFromList = { IpProtocol: 'udp', FromPort: 0, ToPort: 65535, PrefixListIds: [{ PrefixListId: 'pl-x' }] };
    const group = sg('sg-1', [perm('tcp', 0, 65535, '0.0.0.0/0'), udpFromList]);
    const noTcp = [entry(90, 'deny', '6', '0.0.0.0/0'), entry(100, 'allow', '-1', '0.0.0.0/0'), entry(100, 'allow', '-1', '0.0.0.0/0', undefined, true)];

    // Act
    const f = check(allTraffic, network([eni(PUBLIC)], group, noTcp), 'sg-1');

    // Assert
    expect(f).toMatchObject({ status: 'FAIL', severity: 'HIGH', evidence: { protocols: ['tcp'] } });
    expect(f.evidence.exposure).toEqual({ attachedInterfaces: 1, exposedInterfaces: 0, undecided: ['eni-1: PrefixListEntries[pl-x]'] });
  });

  it('an interface the list cannot expose (no public address) stays decided', () => {
    // Act
    const f = check(rule, network([eni()], group, naclEntries), 'sg-1');

    // Assert
    expect(f).toMatchObject({ status: 'FAIL', severity: 'HIGH', evidence: { exposure: { attachedInterfaces: 1, exposedInterfaces: 0 } } });
  });
});

describe('sg-no-public-all-traffic', () => {
  describe('exposure-aware severity', () => {
    it('one level lower (MEDIUM) when the group is attached to no interface (all reachability inputs present)', () => {
      // Arrange
      const snapshot = { ...oneGroup(perm('-1', undefined, undefined, '0.0.0.0/0')), Vpcs: [VPC], Subnets: [], RouteTables: [], NetworkAcls: [], InternetGateways: [], NetworkInterfaces: [] };

      // Act
      const f = check(allTraffic, snapshot, 'sg-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
    });

    it('CRITICAL only for exposure on the protocols its all-ports rules open', () => {
      // Arrange: tcp 0-65535 and udp 53 open to the internet; the NACL lets in udp 53 only
      const udpOnly = [entry(100, 'allow', '17', '0.0.0.0/0', [53, 53]), entry(100, 'allow', '-1', '0.0.0.0/0', undefined, true)];
      const tcpAllPorts = sg('sg-1', [perm('tcp', 0, 65535, '0.0.0.0/0'), perm('udp', 53, 53, '0.0.0.0/0')]);
      const everything = sg('sg-1', [perm('-1', undefined, undefined, '0.0.0.0/0')]);

      // Act
      const tcpRule = check(allTraffic, network([eni(PUBLIC)], tcpAllPorts, udpOnly), 'sg-1');
      const allRule = check(allTraffic, network([eni(PUBLIC)], everything, udpOnly), 'sg-1');

      // Assert: udp 53 reaching the interface is not the tcp rule's doing; it is the -1 rule's
      expect(tcpRule).toMatchObject({ status: 'FAIL', severity: 'HIGH', evidence: { exposure: { attachedInterfaces: 1, exposedInterfaces: 0 } } });
      expect(allRule).toMatchObject({ status: 'FAIL', severity: 'CRITICAL' });
    });
  });

});
