import { describe, expect, it } from 'vitest';
import sample from '../examples/sample-account.json';
import { audit } from './helpers';

/**
 * The sample account is documented verdict by verdict in examples/README.md; this keeps the
 * two in step (and is an end-to-end check of the engine on realistic AWS CLI output).
 */
const findings = audit(sample as Record<string, unknown>, undefined, {}, new Date('2026-11-22T00:00:00Z'));
const verdict = (ruleId: string, resourceId: string) => findings.find((f) => f.ruleId === ruleId && f.resourceId === resourceId)?.status;

describe('examples/sample-account.json', () => {
  it.each([
    ['sg-no-public-admin-ports', 'sg-02ee360493e77060a', 'FAIL'],
    ['sg-no-public-admin-ports', 'sg-05fef852009f3719d', 'FAIL'],
    ['sg-no-public-admin-ports', 'sg-0819ec8780d515a2a', 'FAIL'],
    ['sg-no-public-high-risk-ports', 'sg-0819ec8780d515a2a', 'PASS'],
    ['sg-no-public-all-traffic', 'sg-0f5d65cbd6763e31e', 'FAIL'],
    ['sg-no-public-all-traffic', 'sg-0ea733b32dbecdff3', 'PASS'],
    ['sg-no-public-admin-ports', 'sg-0d059130ad646b760', 'PASS'],
    ['sg-public-ports-authorized', 'sg-0d059130ad646b760', 'PASS'],
    ['sg-public-ports-authorized', 'sg-00590f2c1c030c534', 'NOT_APPLICABLE'],
    ['sg-no-public-admin-ports', 'sg-0a6fc3201f542de7e', 'PASS'],
    ['sg-no-public-admin-ports', 'sg-04f3122bc92b42706', 'PASS'],
    ['sg-attached', 'sg-01531f71ecc5b9442', 'FAIL'],
    ['sg-no-public-admin-ports', 'sg-04c5e89a77981c248', 'PASS'],
    ['sg-public-ports-authorized', 'sg-04c5e89a77981c248', 'FAIL'],
    ['sg-no-public-high-risk-ports', 'sg-058ec3739a36de0c9', 'FAIL'],
    ['sg-no-unfilterable-targets', 'sg-0eda07a4bd13640ca', 'FAIL'],
    ['sg-default-closed', 'sg-0e77fb717e8797265', 'FAIL'],
    ['sg-default-closed', 'sg-0b062f1b2d1385c40', 'PASS'],
    ['nacl-no-public-admin-ports', 'acl-0784616cafcaf7b8e', 'NOT_APPLICABLE'],
    ['nacl-no-public-admin-ports', 'acl-0f72ad137335c631f', 'FAIL'],
    ['nacl-no-public-admin-ports', 'acl-0d10fb86df4ba3bcb', 'FAIL'],
    ['nacl-no-public-all-traffic', 'acl-0d10fb86df4ba3bcb', 'FAIL'],
    ['nacl-no-public-admin-ports', 'acl-000d6ac14e7dc7a83', 'PASS'],
    ['nacl-no-shadowed-entries', 'acl-0c360b8ff04416289', 'FAIL'],
    ['nacl-associated', 'acl-035538b96435093d2', 'FAIL'],
    ['nacl-return-traffic-allowed', 'acl-0ff2a59764d63ad47', 'FAIL'],
    ['nacl-no-unfilterable-targets', 'acl-0f72ad137335c631f', 'FAIL'],
  ])('%s on %s is %s', (rule, resource, status) => {
    expect(verdict(rule, resource)).toBe(status);
  });

  it.each([
    ['eni-no-internet-exposed-ports', 'eni-07a93e423b3ff6908', 'CRITICAL'], // bastion, tcp 22
    ['eni-no-internet-exposed-ports', 'eni-04734f7ddc3072aef', 'CRITICAL'], // win-jump, udp 3389 over IPv6
    ['eni-no-internet-exposed-ports', 'eni-0da7777ae74cc00f4', 'HIGH'], // NAT instance: 22 denied by its NACL
    ['sg-no-public-admin-ports', 'sg-02ee360493e77060a', 'CRITICAL'],
    ['sg-no-public-admin-ports', 'sg-05fef852009f3719d', 'HIGH'], // its only instance is saved by a NACL
    ['sg-no-public-admin-ports', 'sg-0ea733b32dbecdff3', 'HIGH'],
    ['sg-no-public-high-risk-ports', 'sg-0ea733b32dbecdff3', 'CRITICAL'],
    ['sg-no-public-all-traffic', 'sg-0f5d65cbd6763e31e', 'HIGH'], // private worker, egress-only IPv6
    ['nat-instance-no-public-ingress', 'eni-0da7777ae74cc00f4', 'HIGH'],
  ])('%s on %s fails with exposure-aware severity %s', (rule, resource, severity) => {
    const f = findings.find((x) => x.ruleId === rule && x.resourceId === resource);
    expect(f).toMatchObject({ status: 'FAIL', severity });
  });

  it.each(['eni-04129dfb9aa464650', 'eni-073e346c6d97168fa', 'eni-0d560922392dec974'])('%s is not internet-exposed', (eni) => {
    expect(verdict('eni-no-internet-exposed-ports', eni)).toBe('PASS');
  });

  it('names the path of the bastion exposure: IGW, route, NACL rule, SG rules', () => {
    const f = findings.find((x) => x.ruleId === 'eni-no-internet-exposed-ports' && x.resourceId === 'eni-07a93e423b3ff6908');
    expect(f?.evidence.exposed).toEqual([
      {
        protocol: 'tcp',
        ports: '22',
        clients: ['all public IPv4 except 203.0.113.0/24'],
        path: expect.objectContaining({ internetGateways: ['igw-053630cdddd19ac51'], routeTable: 'rtb-04c84553be6fccab4', networkAcl: 'acl-0f72ad137335c631f', naclInbound: [100] }),
      },
    ]);
  });

  it('marks the exempted group with its exemption and the expired one as lapsed', () => {
    const exempted = findings.find((f) => f.ruleId === 'sg-no-public-admin-ports' && f.resourceId === 'sg-04c5e89a77981c248');
    expect(exempted?.evidence).toMatchObject({ exempted: true, exemptUntil: '2099-12-31' });
    const lapsed = findings.find((f) => f.ruleId === 'sg-no-public-high-risk-ports' && f.resourceId === 'sg-058ec3739a36de0c9');
    expect(lapsed?.evidence).toMatchObject({ exemptionLapsed: { until: '2024-01-01', reason: 'exemption expired' } });
  });

  it('staging-public-b drops the responses of inbound 443; its outbound 32768-65535 is return traffic, not a service', () => {
    const f = findings.find((x) => x.ruleId === 'nacl-return-traffic-allowed' && x.resourceId === 'acl-0ff2a59764d63ad47');
    expect(f?.message).toBe('Responses are dropped: inbound tcp (ports 443) lose responses on 1024-32767 for all public IPv4.');
  });

  it('produces no ERROR', () => {
    expect(findings.filter((f) => f.status === 'ERROR')).toEqual([]);
  });
});
