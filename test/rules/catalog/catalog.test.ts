import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../rules/catalog';
import { FRAMEWORKS } from '../../../rules/frameworks';
import { rulesMarkdown } from '../../../rules/report/rules-md';

// Ids, severities, resource kinds and remediation kinds as docs/semantics.md fixes them.
const EXPECTED: Record<string, [string, string, string | undefined, string]> = {
  'sg-no-public-admin-ports': ['SecurityGroup', 'HIGH', 'revoke-public-ingress', 'auto'],
  'sg-no-public-high-risk-ports': ['SecurityGroup', 'HIGH', 'revoke-public-ingress', 'notify'],
  'sg-no-public-all-traffic': ['SecurityGroup', 'HIGH', 'revoke-public-ingress', 'auto'],
  'sg-public-ports-authorized': ['SecurityGroup', 'HIGH', 'revoke-public-ingress', 'notify'],
  'sg-default-closed': ['SecurityGroup', 'HIGH', 'close-default-sg', 'notify'],
  'sg-attached': ['SecurityGroup', 'LOW', undefined, 'notify'],
  'sg-rule-count': ['SecurityGroup', 'LOW', undefined, 'notify'],
  'sg-no-unfilterable-targets': ['SecurityGroup', 'INFORMATIONAL', undefined, 'notify'],
  'nacl-no-public-admin-ports': ['NetworkAcl', 'MEDIUM', 'deny-in-nacl', 'notify'],
  'nacl-no-public-all-traffic': ['NetworkAcl', 'MEDIUM', 'deny-in-nacl', 'notify'],
  'nacl-associated': ['NetworkAcl', 'LOW', undefined, 'notify'],
  'nacl-no-shadowed-entries': ['NetworkAcl', 'LOW', undefined, 'notify'],
  'nacl-return-traffic-allowed': ['NetworkAcl', 'LOW', undefined, 'notify'],
  'nacl-no-unfilterable-targets': ['NetworkAcl', 'INFORMATIONAL', undefined, 'notify'],
  'nat-gateway-in-public-subnet': ['NatGateway', 'HIGH', undefined, 'notify'],
  'nat-gateway-same-az-routes': ['RouteTable', 'MEDIUM', undefined, 'notify'],
  'route-table-no-blackhole-routes': ['RouteTable', 'MEDIUM', undefined, 'notify'],
  'eni-source-dest-check-enabled': ['NetworkInterface', 'MEDIUM', undefined, 'notify'],
  'vpc-flow-logs-enabled': ['Vpc', 'MEDIUM', undefined, 'notify'],
  'subnet-no-auto-public-ip': ['Subnet', 'MEDIUM', undefined, 'notify'],
  'nat-instance-no-public-ingress': ['NetworkInterface', 'HIGH', undefined, 'notify'],
  'eni-no-internet-exposed-ports': ['NetworkInterface', 'HIGH', undefined, 'notify'],
  'vpn-tunnels-up': ['VpnConnection', 'MEDIUM', undefined, 'notify'],
  'vpn-tunnel-logging-enabled': ['VpnConnection', 'MEDIUM', undefined, 'notify'],
  'vpn-ikev2-only': ['VpnConnection', 'MEDIUM', undefined, 'notify'],
  'vpn-strong-crypto': ['VpnConnection', 'MEDIUM', undefined, 'notify'],
  'vpn-certificate-auth': ['VpnConnection', 'LOW', undefined, 'notify'],
  'vpn-gateway-attached': ['VpnGateway', 'LOW', undefined, 'notify'],
  'customer-gateway-in-use': ['CustomerGateway', 'LOW', undefined, 'notify'],
  'client-vpn-connection-logging': ['ClientVpnEndpoint', 'LOW', undefined, 'notify'],
  'client-vpn-no-authorize-all': ['ClientVpnEndpoint', 'MEDIUM', undefined, 'notify'],
  'client-vpn-split-tunnel-policy': ['ClientVpnEndpoint', 'LOW', undefined, 'notify'],
};

describe('rule catalog metadata', () => {
  it('holds exactly the rules of docs/semantics.md', () => {
    expect(CATALOG.map((r) => r.meta.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s has the catalog severity, kind and remediation', (id, [kind, severity, fix, mode]) => {
    const { meta } = CATALOG.find((r) => r.meta.id === id)!;
    expect([meta.resourceKind, meta.severity, meta.remediation.kind, meta.remediation.defaultMode]).toEqual([kind, severity, fix, mode]);
    expect(meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(meta.remediation.url).toMatch(/^https:\/\//);
    expect(meta.triggers.cloudTrailEvents.length).toBeGreaterThan(0);
    expect(meta.triggers.configResourceTypes.length).toBeGreaterThan(0);
    for (const framework of Object.keys(meta.compliance)) expect(FRAMEWORKS).toHaveProperty(framework);
  });

  it('maps the FSBP and CIS requirements docs/semantics.md names', () => {
    const refs = (id: string) => CATALOG.find((r) => r.meta.id === id)!.meta.compliance;
    expect(refs('sg-no-public-admin-ports')).toEqual({ 'aws-fsbp': ['EC2.13', 'EC2.14', 'EC2.53', 'EC2.54'], 'cis-aws-3.0': ['5.2', '5.3'] });
    expect(refs('sg-default-closed')).toEqual({ 'aws-fsbp': ['EC2.2'], 'cis-aws-3.0': ['5.4'] });
    expect(refs('nacl-no-public-admin-ports')).toEqual({ 'aws-fsbp': ['EC2.21'], 'cis-aws-3.0': ['5.1'] });
    expect(refs('nacl-associated')).toEqual({ 'aws-fsbp': ['EC2.16'] });
    expect(refs('vpc-flow-logs-enabled')).toEqual({ 'aws-fsbp': ['EC2.6'], 'cis-aws-3.0': ['3.7'] });
    expect(refs('subnet-no-auto-public-ip')).toEqual({ 'aws-fsbp': ['EC2.15'] });
    expect(refs('eni-source-dest-check-enabled')).toEqual({ 'aws-fsbp': ['EC2.180'] });
    expect(refs('vpn-tunnels-up')).toEqual({ 'aws-fsbp': ['EC2.20'] });
    expect(refs('vpn-tunnel-logging-enabled')).toEqual({ 'aws-fsbp': ['EC2.171'] });
    expect(refs('vpn-ikev2-only')).toEqual({ 'aws-fsbp': ['EC2.183'] });
    expect(refs('client-vpn-connection-logging')).toEqual({ 'aws-fsbp': ['EC2.51'] });
    expect(refs('client-vpn-no-authorize-all')).toEqual({ 'aws-config': ['ec2-client-vpn-not-authorize-all'] });
    expect(refs('nat-gateway-same-az-routes')).toEqual({ custodian: ['cross-az-nat-gateway-route'] });
  });

  it('RULES.md is generated from the metadata and up to date (npm run rules:md)', () => {
    expect(readFileSync('RULES.md', 'utf8')).toBe(rulesMarkdown(CATALOG));
  });
});
