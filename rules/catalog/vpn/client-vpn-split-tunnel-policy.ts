import { defineRule, fail, listedWithout, pass } from '../../engine/rule';
import { CLIENT_VPN_DOC, CLIENT_VPN_TRIGGERS } from './triggers';
import { clientVpnOutOfScope } from './tunnels';

const mode = (split: boolean) => (split ? 'split-tunnel (only routes of the endpoint go through the VPN)' : 'full-tunnel (all client traffic goes through the VPN)');

export default defineRule(
  {
    id: 'client-vpn-split-tunnel-policy',
    title: 'Client VPN endpoints follow the split-tunnel policy',
    description:
      'FAILS when SplitTunnel differs from clientVpnSplitTunnel (default false: all client traffic goes through the tunnel, where VPC controls apply). An endpoint listed without SplitTunnel is NOT_APPLICABLE: describe-client-vpn-endpoints always prints it, so its absence is missing data, not the AWS default.',
    severity: 'LOW',
    resourceKind: 'ClientVpnEndpoint',
    compliance: {},
    remediation: {
      text: 'Set split-tunnel on the endpoint as the policy requires (modify-client-vpn-endpoint --split-tunnel / --no-split-tunnel); with full tunnel, add a route and authorization rule for 0.0.0.0/0.',
      url: `${CLIENT_VPN_DOC}/split-tunnel-vpn.html`,
      defaultMode: 'notify',
    },
    triggers: CLIENT_VPN_TRIGGERS,
    inputs: [],
    reads: [],
  },
  (endpoint, ctx) => {
    const skip = clientVpnOutOfScope(endpoint);
    if (skip) return skip;
    const splitTunnel = endpoint.SplitTunnel;
    // describe-client-vpn-endpoints always prints SplitTunnel: a listing without it is filtered
    // or hand-made, and assuming the default would be a PASS on missing data.
    if (splitTunnel === undefined) return listedWithout('this endpoint', 'ClientVpnEndpoints', endpoint.ClientVpnEndpointId, 'SplitTunnel');
    const expected = ctx.settings.clientVpnSplitTunnel;
    const evidence = { splitTunnel, expected };
    if (splitTunnel === expected) return pass(`The endpoint is ${mode(splitTunnel)}, as the policy requires.`, evidence);
    return fail(`The endpoint is ${mode(splitTunnel)}; the policy (clientVpnSplitTunnel=${expected}) requires ${mode(expected)}.`, evidence);
  },
);
