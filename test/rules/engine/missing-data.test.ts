import { describe, expect, it } from 'vitest';
import eniExposed from '../../../rules/catalog/interface/eni-no-internet-exposed-ports';
import natInstance from '../../../rules/catalog/interface/nat-instance-no-public-ingress';
import naclAdmin from '../../../rules/catalog/network-acl/nacl-no-public-admin-ports';
import natPlacement from '../../../rules/catalog/network/nat-gateway-in-public-subnet';
import adminPorts from '../../../rules/catalog/security-group/sg-no-public-admin-ports';
import defaultClosed from '../../../rules/catalog/security-group/sg-default-closed';
import { audit, check, findingOf, perm, sg } from '../../helpers';
import { network } from '../catalog/interface/network-fixture';

// Regressions from a review against docs/semantics.md: data the snapshot lacks or that the engine
// used to ignore must never turn into a PASS (or hide an exposure).

type Json = Record<string, unknown>;
const routes = (s: Json) => (s.RouteTables as Array<{ Routes: Json[] }>)[0].Routes;
const eni = (s: Json) => (s.NetworkInterfaces as Json[])[0];

describe('never PASS on missing data', () => {
  it('a prefix-list route to the IGW without known entries makes exposure undecidable', () => {
    // Arrange: the default route is a customer prefix list whose entries are not in the snapshot
    const snapshot = network();
    routes(snapshot)[1] = { DestinationPrefixListId: 'pl-0abc', GatewayId: 'igw-1', State: 'active' };
    snapshot.ManagedPrefixLists = [{ PrefixListId: 'pl-0abc', PrefixListName: 'partners', OwnerId: '111122223333' }];
    // Act
    const findings = audit(snapshot, [eniExposed, adminPorts]);
    // Assert
    expect(findingOf(findings, eniExposed.meta.id, 'eni-1')).toMatchObject({
      status: 'NOT_APPLICABLE',
      evidence: { missingInputs: ['PrefixListEntries[pl-0abc]'] },
    });
    const group = findingOf(findings, adminPorts.meta.id, 'sg-1');
    expect(group.severity).toBe('HIGH');
    expect(group.evidence.exposure).toMatchObject({ undecided: ['eni-1: PrefixListEntries[pl-0abc]'] });
    // With the entries known, the exposure is found.
    snapshot.PrefixListEntries = { 'pl-0abc': [{ Cidr: '0.0.0.0/0' }] };
    expect(check(eniExposed, snapshot, 'eni-1').severity).toBe('CRITICAL');
  });

  it('an interface group missing from SecurityGroups makes exposure (and NAT ingress) undecidable', () => {
    const snapshot = network({ ingress: [] });
    (eni(snapshot).Groups as Json[]).push({ GroupId: 'sg-other' });
    expect(check(eniExposed, snapshot, 'eni-1')).toMatchObject({ status: 'NOT_APPLICABLE', evidence: { missingInputs: ['SecurityGroups (sg-other)'] } });
    eni(snapshot).SourceDestCheck = false;
    routes(snapshot).push({ DestinationCidrBlock: '10.9.0.0/16', InstanceId: 'i-1', State: 'active' });
    expect(check(natInstance, snapshot, 'eni-1')).toMatchObject({ status: 'NOT_APPLICABLE', evidence: { missingInputs: ['SecurityGroups (sg-other)'] } });
  });

  it('a group without IpPermissions (and no SecurityGroupRules) is NOT_APPLICABLE, not "no rules"', () => {
    const snapshot = { SecurityGroups: [{ GroupId: 'sg-d', GroupName: 'default' }] };
    expect(check(defaultClosed, snapshot, 'sg-d')).toMatchObject({
      status: 'NOT_APPLICABLE',
      evidence: { missingInputs: ['SecurityGroups[sg-d].IpPermissions', 'SecurityGroups[sg-d].IpPermissionsEgress'] },
    });
    expect(check(adminPorts, snapshot, 'sg-d').status).toBe('NOT_APPLICABLE');
    // A SecurityGroupRules listing is authoritative: then an absent IpPermissions is fine.
    expect(check(defaultClosed, { ...snapshot, SecurityGroupRules: [] }, 'sg-d').status).toBe('PASS');
  });

  it('a NACL without Entries is NOT_APPLICABLE, not "allows nothing"', () => {
    const snapshot = { NetworkAcls: [{ NetworkAclId: 'acl-1', VpcId: 'vpc-1', IsDefault: false, Associations: [{ SubnetId: 'subnet-1' }] }] };
    expect(check(naclAdmin, snapshot, 'acl-1')).toMatchObject({ status: 'NOT_APPLICABLE', evidence: { missingInputs: ['NetworkAcls[acl-1].Entries'] } });
  });
});

describe('addresses the interface listing carries beyond the primary ones', () => {
  it('an Elastic IP on a secondary private address makes the interface internet-facing', () => {
    const snapshot = network({ publicIp: '' });
    eni(snapshot).PrivateIpAddresses = [
      { PrivateIpAddress: '10.0.1.10', Primary: true },
      { PrivateIpAddress: '10.0.1.11', Primary: false, Association: { PublicIp: '203.0.113.9' } },
    ];
    expect(check(eniExposed, snapshot, 'eni-1').severity).toBe('CRITICAL');
  });

  it('a delegated global IPv6 prefix makes the interface reachable over IPv6', () => {
    const snapshot = network({ publicIp: '', routes: [['::/0', 'igw-1']] });
    eni(snapshot).Ipv6Prefixes = [{ Ipv6Prefix: '2600:1f18::/80' }];
    expect(check(eniExposed, snapshot, 'eni-1').severity).toBe('CRITICAL');
  });
});

describe('settings that must not leak', () => {
  it('trustedCidrs do not change whether a NAT gateway sits in a public subnet', () => {
    const snapshot = {
      ...network(),
      NatGateways: [{ NatGatewayId: 'nat-1', SubnetId: 'subnet-1', VpcId: 'vpc-1', State: 'available', ConnectivityType: 'public' }],
    };
    expect(check(natPlacement, snapshot, 'nat-1', { trustedCidrs: ['0.0.0.0/0'] }).status).toBe('PASS');
  });
});

describe('exempt-until is read the same everywhere', () => {
  const exempted = (until: string, now: string) => {
    const snapshot = {
      SecurityGroups: [
        sg('sg-1', [perm('tcp', 22, 22, '0.0.0.0/0')], {
          Tags: [
            { Key: 'vpc-auditor:exempt', Value: 'sg-no-public-admin-ports' },
            { Key: 'vpc-auditor:exempt-until', Value: until },
          ],
        }),
      ],
    };
    return findingOf(audit(snapshot, [adminPorts], {}, new Date(now)), adminPorts.meta.id, 'sg-1');
  };

  it('a time without an offset is UTC, whatever the host zone', () => {
    expect(exempted('2026-11-22T13:00', '2026-11-22T12:00:00Z').status).toBe('PASS');
    expect(exempted('2026-11-22T13:00', '2026-11-22T13:30:00Z').status).toBe('FAIL');
    expect(exempted('2026-11-22T13:00+02:00', '2026-11-22T11:30:00Z').status).toBe('FAIL');
  });

  it('the basic form (20261231) holds through the end of that day, UTC, as the extended form does', () => {
    for (const until of ['20261122', '2026-11-22']) {
      expect(exempted(until, '2026-11-22T23:59:59Z').status, until).toBe('PASS');
      expect(exempted(until, '2026-11-23T00:00:00Z').status, until).toBe('FAIL');
    }
  });

  it('basic-form times: 20261122T130000Z, 20261122T1300 (UTC) and offsets +0200 / +02', () => {
    expect(exempted('20261122T130000Z', '2026-11-22T12:59:59Z').status).toBe('PASS');
    expect(exempted('20261122T130000Z', '2026-11-22T13:00:00Z').status).toBe('FAIL');
    expect(exempted('20261122T1300', '2026-11-22T12:30:00Z').status).toBe('PASS');
    expect(exempted('20261122T1300', '2026-11-22T13:30:00Z').status).toBe('FAIL');
    expect(exempted('20261122T130000+0200', '2026-11-22T11:30:00Z').status).toBe('FAIL');
    expect(exempted('20261122T130000+02', '2026-11-22T10:30:00Z').status).toBe('PASS');
    expect(exempted('20261122T130000.5Z', '2026-11-22T13:00:00.400Z').status).toBe('PASS');
  });

  it('an impossible date exempts nothing, with a time or without', () => {
    for (const until of ['2026-11-31T00:00:00Z', '2026-11-31', '2026-02-29', '2026-11-22T25:00Z', '20261131', '20260229', '20261122T2500Z', '2026112', '202611-22']) {
      const f = exempted(until, '2026-11-01T00:00:00Z');
      expect(f.status, until).toBe('FAIL');
      expect(f.evidence.exemptionLapsed).toMatchObject({ reason: 'vpc-auditor:exempt-until is not an ISO date' });
    }
  });
});
