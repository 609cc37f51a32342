import type { EvaluationContext } from '../../engine/context';
import { defineRule, fail, notApplicable, pass } from '../../engine/rule';
import type { CustomerGateway } from '../../engine/snapshot-schema';
import { S2S_VPN_DOC, VPN_AUTH_TRIGGERS } from './triggers';
import { judgeConnection } from './tunnels';

/** CustomerGateways by id, built once per evaluation. */
function customerGateways(ctx: EvaluationContext): Map<string, CustomerGateway> {
  return ctx.memo(ctx.model, 'vpn:customer-gateways', () => new Map((ctx.model.snapshot.CustomerGateways ?? []).map((c) => [c.CustomerGatewayId, c])));
}

export default defineRule(
  {
    id: 'vpn-certificate-auth',
    title: 'Site-to-Site VPN connections authenticate with certificates, not pre-shared keys',
    description:
      'FAILS when the customer gateway of an available or pending VPN connection has no CertificateArn: its tunnels authenticate with pre-shared keys, which are static secrets shared by both ends. NOT_APPLICABLE when the customer gateway is not in CustomerGateways.',
    severity: 'LOW',
    resourceKind: 'VpnConnection',
    compliance: {},
    remediation: {
      text: 'Issue a certificate from AWS Private CA for the customer gateway device, create a customer gateway with that CertificateArn, and move the VPN connection to it (modify-vpn-connection).',
      url: `${S2S_VPN_DOC}/vpn-tunnel-authentication-options.html`,
      defaultMode: 'notify',
    },
    triggers: VPN_AUTH_TRIGGERS,
    inputs: ['CustomerGateways'],
    reads: [],
  },
  (vpn, ctx) =>
    judgeConnection(vpn, () => {
      const id = vpn.CustomerGatewayId;
      if (id === undefined) return notApplicable('The VPN connection names no CustomerGatewayId.');
      const gateway = customerGateways(ctx).get(id);
      if (!gateway) return notApplicable(`Customer gateway ${id} is not in the snapshot's CustomerGateways.`, { customerGatewayId: id, missingFrom: 'CustomerGateways' });
      if (gateway.CertificateArn) {
        return pass(`customer gateway ${id} authenticates with a certificate.`, { customerGatewayId: id, certificateArn: gateway.CertificateArn });
      }
      return fail(`customer gateway ${id} has no CertificateArn: the tunnels use pre-shared keys.`, { customerGatewayId: id, certificateArn: null });
    }),
);
