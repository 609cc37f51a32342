import { groupBy } from '../../engine/collections';
import type { EvaluationContext } from '../../engine/context';
import { defineRule, fail, pass } from '../../engine/rule';
import type { AuthorizationRule } from '../../engine/snapshot-schema';
import { CLIENT_VPN_AUTHORIZATION_TRIGGERS, CLIENT_VPN_DOC } from './triggers';
import { clientVpnOutOfScope } from './tunnels';

/** AuthorizationRules by ClientVpnEndpointId, built once per evaluation. */
function rulesByEndpoint(ctx: EvaluationContext): Map<string, AuthorizationRule[]> {
  return ctx.memo(ctx.model, 'vpn:authorization-rules', () =>
    groupBy(ctx.model.snapshot.AuthorizationRules ?? [], (r) => r.ClientVpnEndpointId),
  );
}

export default defineRule(
  {
    id: 'client-vpn-no-authorize-all',
    title: 'Client VPN authorization rules grant access to groups, not to every client',
    description:
      'FAILS when an authorization rule of the endpoint (AuthorizationRules with its ClientVpnEndpointId) has AccessAll true: every client that connects reaches that destination, whatever group it belongs to. Evidence: the destination CIDRs authorized for all.',
    severity: 'MEDIUM',
    resourceKind: 'ClientVpnEndpoint',
    compliance: { 'aws-config': ['ec2-client-vpn-not-authorize-all'] },
    remediation: {
      text: 'Replace each authorize-all rule with rules that name the identity-provider or Active Directory groups that need the destination (authorize-client-vpn-ingress --access-group-id, then revoke-client-vpn-ingress).',
      url: `${CLIENT_VPN_DOC}/cvpn-working-rules.html`,
      defaultMode: 'notify',
    },
    triggers: CLIENT_VPN_AUTHORIZATION_TRIGGERS,
    inputs: ['AuthorizationRules'],
    reads: [],
  },
  (endpoint, ctx) => {
    const skip = clientVpnOutOfScope(endpoint);
    if (skip) return skip;
    const rules = rulesByEndpoint(ctx).get(endpoint.ClientVpnEndpointId) ?? [];
    const all = rules.filter((r) => r.AccessAll === true).map((r) => r.DestinationCidr ?? null);
    if (all.length === 0) return pass(`None of the ${rules.length} authorization rules authorizes all clients.`, { rules: rules.length });
    return fail(`${all.length} authorization rule(s) authorize all clients to ${all.map((c) => c ?? 'an unnamed destination').join(', ')}.`, {
      destinationCidrs: all,
    });
  },
);
