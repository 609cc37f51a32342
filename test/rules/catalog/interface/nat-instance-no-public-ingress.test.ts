import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/interface/nat-instance-no-public-ingress';
import { check, perm, sg } from '../../../helpers';
import { network } from './network-fixture';

/** eni-1 as a NAT instance: source/dest check off and a private table routing 0.0.0.0/0 to it. */
function natInstance(ingress: Record<string, unknown>[], via: 'instance' | 'interface' | 'none' = 'instance') {
  const snapshot = network({ ingress });
  (snapshot.NetworkInterfaces as Record<string, unknown>[])[0].SourceDestCheck = false;
  const target = via === 'instance' ? { InstanceId: 'i-1' } : via === 'interface' ? { NetworkInterfaceId: 'eni-1' } : { NatGatewayId: 'nat-1' };
  (snapshot.RouteTables as unknown[]).push({ RouteTableId: 'rtb-private', VpcId: 'vpc-1', Associations: [], Routes: [{ DestinationCidrBlock: '0.0.0.0/0', State: 'active', ...target }] });
  return snapshot;
}

describe('nat-instance-no-public-ingress', () => {
  it('FAIL: a NAT instance (route target by InstanceId) with tcp 0-1024 open to the internet', () => {
    // Act
    const f = check(rule, natInstance([perm('tcp', 0, 1024, '0.0.0.0/0'), perm('-1', undefined, undefined, '10.0.0.0/16')]), 'eni-1');
    // Assert
    expect(f).toMatchObject({ status: 'FAIL', severity: 'HIGH' });
    expect(f.evidence.open).toEqual([{ protocol: 'tcp', ports: '0-1024', rules: [{ protocol: 'tcp', ports: '0-1024', source: '0.0.0.0/0' }] }]);
  });

  it('FAIL when the route names the interface, and the union of its groups counts', () => {
    // Arrange: two groups each open to half of the internet on udp 53
    const snapshot = natInstance([perm('udp', 53, 53, '0.0.0.0/1')], 'interface');
    (snapshot.SecurityGroups as unknown[]).push(sg('sg-2', [perm('udp', 53, 53, '128.0.0.0/1')]));
    (snapshot.NetworkInterfaces as Array<{ Groups: unknown[] }>)[0].Groups.push({ GroupId: 'sg-2' });
    // Act + Assert
    expect(check(rule, snapshot, 'eni-1').status).toBe('FAIL');
  });

  it('a customer prefix list without entries is unknown: NOT_APPLICABLE naming it, unless other sources prove the FAIL', () => {
    // Arrange: pl-1 has no entries in the snapshot; tcp 8080 is open to the internet besides
    const fromList = { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, PrefixListIds: [{ PrefixListId: 'pl-1' }] };

    // Act
    const onlyList = check(rule, natInstance([fromList]), 'eni-1');
    const alsoOpen = check(rule, natInstance([fromList, perm('tcp', 8080, 8080, '0.0.0.0/0')]), 'eni-1');

    // Assert
    expect(onlyList).toMatchObject({ status: 'NOT_APPLICABLE', evidence: { missingInputs: ['PrefixListEntries[pl-1]'], ifListsEmpty: 'PASS', ifListsOpen: 'FAIL' } });
    expect(alsoOpen).toMatchObject({ status: 'FAIL', evidence: { unresolvedPrefixLists: ['pl-1'] } });
  });

  it('a group missing from the snapshot: ingress the known group opens is a FAIL naming it, nothing open is no PASS', () => {
    // Arrange: eni-1 also uses sg-gone, which the snapshot lacks
    const withGroup = (ingress: Record<string, unknown>[]) => {
      const snapshot = natInstance(ingress) as { NetworkInterfaces: Array<{ Groups: unknown[] }> };
      snapshot.NetworkInterfaces[0].Groups.push({ GroupId: 'sg-gone' });
      return snapshot;
    };

    // Act
    const proven = check(rule, withGroup([perm('tcp', 443, 443, '0.0.0.0/0')]), 'eni-1');
    const unproven = check(rule, withGroup([perm('-1', undefined, undefined, '10.0.0.0/16')]), 'eni-1');

    // Assert
    expect(proven).toMatchObject({ status: 'FAIL', evidence: { missingInputs: ['SecurityGroups (sg-gone)'] } });
    expect(proven.message).toBe('NAT instance ingress is open to the internet on tcp 443. The snapshot lacks SecurityGroups (sg-gone): more may be open.');
    expect(unproven).toMatchObject({ status: 'NOT_APPLICABLE', evidence: { missingInputs: ['SecurityGroups (sg-gone)'] } });
  });

  it('PASS: a NAT instance accepting only the VPC', () => {
    expect(check(rule, natInstance([perm('-1', undefined, undefined, '10.0.0.0/16')]), 'eni-1').status).toBe('PASS');
  });

  it('NOT_APPLICABLE: source/dest check on, or no route targets it, or inputs missing', () => {
    expect(check(rule, network(), 'eni-1').status).toBe('NOT_APPLICABLE');
    expect(check(rule, natInstance([perm('tcp', 22, 22, '0.0.0.0/0')], 'none'), 'eni-1').message).toContain('no route sends traffic to it');
    const noTables = { ...natInstance([]), RouteTables: undefined };
    expect(check(rule, noTables, 'eni-1').evidence).toEqual({ missingInputs: ['RouteTables'] });
    const nat = natInstance([]) as { NetworkInterfaces: Record<string, unknown>[] };
    const withoutGroups = { ...nat, NetworkInterfaces: [{ ...nat.NetworkInterfaces[0], Groups: undefined }] };
    expect(check(rule, withoutGroups, 'eni-1').evidence).toEqual({ missingInputs: ['NetworkInterfaces[eni-1].Groups'] });
    // A routed-to interface whose SourceDestCheck is not given is not "check on": the key is named
    const unknownCheck = { ...nat, NetworkInterfaces: [{ ...nat.NetworkInterfaces[0], SourceDestCheck: undefined }] };
    expect(check(rule, unknownCheck, 'eni-1')).toMatchObject({ status: 'NOT_APPLICABLE', evidence: { missingInputs: ['NetworkInterfaces[eni-1].SourceDestCheck'] } });
  });
});
