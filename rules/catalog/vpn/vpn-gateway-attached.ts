import { defineRule, fail, listedWithout, notApplicable, pass } from '../../engine/rule';
import { EC2_API_DOC, VPN_GATEWAY_TRIGGERS } from './triggers';

/** Attachment states in which the gateway serves (or is about to serve) a VPC. */
const IN_USE = ['attached', 'attaching'];

export default defineRule(
  {
    id: 'vpn-gateway-attached',
    title: 'Virtual private gateways are attached to a VPC',
    description:
      'FAILS when an available virtual private gateway has no VpcAttachments entry in state attached or attaching: it is left over. Gateways that are not available are NOT_APPLICABLE.',
    severity: 'LOW',
    resourceKind: 'VpnGateway',
    compliance: { cloudsploit: ['unusedVirtualPrivateGateway'] },
    remediation: {
      text: 'Delete the unused virtual private gateway (and its VPN connections), or attach it to the VPC it was created for.',
      url: `${EC2_API_DOC}/API_DeleteVpnGateway.html`,
      defaultMode: 'notify',
    },
    triggers: VPN_GATEWAY_TRIGGERS,
    inputs: [],
    reads: [],
  },
  (vgw) => {
    if (vgw.State !== 'available') return notApplicable(`The virtual private gateway is ${vgw.State ?? 'in no reported State'}.`, { state: vgw.State ?? null });
    if (vgw.VpcAttachments === undefined) return listedWithout('this gateway', 'VpnGateways', vgw.VpnGatewayId, 'VpcAttachments');
    const attachments = vgw.VpcAttachments.map((a) => ({ vpcId: a.VpcId ?? null, state: a.State ?? null }));
    const vpcs = attachments.filter((a) => a.state !== null && IN_USE.includes(a.state)).map((a) => a.vpcId);
    if (vpcs.length > 0) return pass(`Attached to ${vpcs.join(', ')}.`, { vpcs });
    return fail('Attached to no VPC.', { attachments });
  },
);
