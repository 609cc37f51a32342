import { groupBy } from '../../engine/collections';
import type { EvaluationContext } from '../../engine/context';
import { defineRule, fail, notApplicable, pass } from '../../engine/rule';
import type { VpnConnection } from '../../engine/snapshot-schema';
import { CUSTOMER_GATEWAY_TRIGGERS, EC2_API_DOC } from './triggers';

/** VpnConnections by CustomerGatewayId, built once per evaluation. */
function connectionsByGateway(ctx: EvaluationContext): Map<string, VpnConnection[]> {
  return ctx.memo(ctx.model, 'vpn:connections-by-customer-gateway', () =>
    groupBy(ctx.model.snapshot.VpnConnections ?? [], (v) => v.CustomerGatewayId),
  );
}

export default defineRule(
  {
    id: 'customer-gateway-in-use',
    title: 'Customer gateways are used by a VPN connection',
    description:
      'FAILS when an available customer gateway is used by no VPN connection whose State is not deleted: it is left over and names a remote device AWS still trusts. Gateways that are not available are NOT_APPLICABLE.',
    severity: 'LOW',
    resourceKind: 'CustomerGateway',
    compliance: {},
    remediation: {
      text: 'Delete the unused customer gateway, or create the VPN connection it was meant for.',
      url: `${EC2_API_DOC}/API_DeleteCustomerGateway.html`,
      defaultMode: 'notify',
    },
    triggers: CUSTOMER_GATEWAY_TRIGGERS,
    inputs: ['VpnConnections'],
    reads: [],
  },
  (cgw, ctx) => {
    if (cgw.State !== 'available') return notApplicable(`The customer gateway is ${cgw.State ?? 'in no reported State'}.`, { state: cgw.State ?? null });
    const connections = connectionsByGateway(ctx).get(cgw.CustomerGatewayId) ?? [];
    const live = connections.filter((v) => v.State !== 'deleted').map((v) => v.VpnConnectionId);
    if (live.length > 0) return pass(`Used by ${live.join(', ')}.`, { vpnConnections: live });
    const deleted = connections.map((v) => v.VpnConnectionId);
    const note = deleted.length > 0 ? ` (only by deleted ${deleted.join(', ')})` : '';
    return fail(`Used by no VPN connection${note}.`, { vpnConnections: [], deletedConnections: deleted });
  },
);
