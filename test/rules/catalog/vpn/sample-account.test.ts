import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VPN_RULES } from '../../../../rules/catalog/vpn';
import { audit, findingOf } from '../../../helpers';

/**
 * Pins the "VPN, Client VPN" table of examples/README.md for examples/sample-account.json, with
 * default settings and the helpers' audit date (2026).
 */
const snapshot = JSON.parse(readFileSync('examples/sample-account.json', 'utf8')) as Record<string, unknown>;
const findings = audit(snapshot, VPN_RULES);
const verdict = (ruleId: string, resourceId: string) => {
  const f = findingOf(findings, ruleId, resourceId);
  return [f.status, f.severity];
};

const FIVE = ['vpn-tunnels-up', 'vpn-tunnel-logging-enabled', 'vpn-ikev2-only', 'vpn-strong-crypto', 'vpn-certificate-auth'];
const CLIENT = ['client-vpn-connection-logging', 'client-vpn-no-authorize-all', 'client-vpn-split-tunnel-policy'];

describe('examples/sample-account.json: VPN and Client VPN verdicts of examples/README.md', () => {
  it('evaluates every VPN resource of the sample with every VPN rule', () => {
    // 3 connections x 5 + 3 VGWs + 3 CGWs + 2 endpoints x 3
    expect(findings).toHaveLength(27);
    expect(findings.filter((f) => f.status === 'ERROR')).toEqual([]);
  });

  it.each([
    ['vpn-tunnels-up', 'MEDIUM'],
    ['vpn-tunnel-logging-enabled', 'MEDIUM'],
    ['vpn-ikev2-only', 'MEDIUM'],
    ['vpn-strong-crypto', 'MEDIUM'],
    ['vpn-certificate-auth', 'LOW'],
  ])('dublin-office vpn-09956a71a5eb5ad5b: %s FAIL', (ruleId, severity) => {
    expect(verdict(ruleId, 'vpn-09956a71a5eb5ad5b')).toEqual(['FAIL', severity]);
  });

  it('dublin-office: tunnel 2 is the DOWN one, and the weak values come from AWS defaults', () => {
    const up = findingOf(findings, 'vpn-tunnels-up', 'vpn-09956a71a5eb5ad5b');
    expect(up.evidence.tunnels).toEqual([
      { tunnel: '34.251.76.14', status: 'UP' },
      { tunnel: '52.49.121.203', status: 'DOWN', statusMessage: 'IPSEC IS DOWN' },
    ]);
    const crypto = findingOf(findings, 'vpn-strong-crypto', 'vpn-09956a71a5eb5ad5b');
    expect((crypto.evidence.tunnels as Record<string, unknown>[])[0]).toMatchObject({
      tunnel: '34.251.76.14',
      phase1: { encryption: ['AES128', 'AES128-GCM-16'], integrity: ['SHA1'], dhGroups: expect.arrayContaining([2]), fromDefaults: true },
    });
  });

  it.each(FIVE)('london-dc vpn-0f98bef9ef97718c0: %s PASS', (ruleId) => {
    expect(verdict(ruleId, 'vpn-0f98bef9ef97718c0')).toEqual(['PASS', 'INFORMATIONAL']);
  });

  it.each(FIVE)('deleted vpn-0660b5cce173450e0: %s NOT_APPLICABLE', (ruleId) => {
    expect(verdict(ruleId, 'vpn-0660b5cce173450e0')).toEqual(['NOT_APPLICABLE', 'INFORMATIONAL']);
  });

  it('VGWs: vgw-0cb20048017010f71 (only detached) FAIL LOW, the two attached PASS', () => {
    expect(verdict('vpn-gateway-attached', 'vgw-0cb20048017010f71')).toEqual(['FAIL', 'LOW']);
    expect(verdict('vpn-gateway-attached', 'vgw-038c36c30b2d466e0')).toEqual(['PASS', 'INFORMATIONAL']);
    expect(verdict('vpn-gateway-attached', 'vgw-04c3d18b03ffc8a70')).toEqual(['PASS', 'INFORMATIONAL']);
  });

  it('CGWs: cgw-03ff72e8783f9c693 (only the deleted connection) FAIL LOW, the two in use PASS', () => {
    expect(verdict('customer-gateway-in-use', 'cgw-03ff72e8783f9c693')).toEqual(['FAIL', 'LOW']);
    expect(verdict('customer-gateway-in-use', 'cgw-068ccb0c2e2647788')).toEqual(['PASS', 'INFORMATIONAL']);
    expect(verdict('customer-gateway-in-use', 'cgw-052977c13b32cb43c')).toEqual(['PASS', 'INFORMATIONAL']);
  });

  it('Client VPN cvpn-endpoint-070008fed9c180b3f: all three FAIL', () => {
    expect(verdict('client-vpn-connection-logging', 'cvpn-endpoint-070008fed9c180b3f')).toEqual(['FAIL', 'LOW']);
    expect(verdict('client-vpn-no-authorize-all', 'cvpn-endpoint-070008fed9c180b3f')).toEqual(['FAIL', 'MEDIUM']);
    expect(verdict('client-vpn-split-tunnel-policy', 'cvpn-endpoint-070008fed9c180b3f')).toEqual(['FAIL', 'LOW']);
    expect(findingOf(findings, 'client-vpn-no-authorize-all', 'cvpn-endpoint-070008fed9c180b3f').evidence).toEqual({ destinationCidrs: ['10.0.0.0/16'] });
  });

  it.each(CLIENT)('Client VPN cvpn-endpoint-0d1b7e13d2bacb823: %s PASS', (ruleId) => {
    expect(verdict(ruleId, 'cvpn-endpoint-0d1b7e13d2bacb823')).toEqual(['PASS', 'INFORMATIONAL']);
  });
});
