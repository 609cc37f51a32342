import { notApplicable } from '../../engine/rule';
import type { ClientVpnEndpoint, TunnelOptions, VpnConnection } from '../../engine/snapshot-schema';
import type { RuleResult } from '../../engine/types';

/**
 * What AWS permits on a tunnel whose option list is empty. "You can optionally specify some of the
 * tunnel options yourself ... Otherwise, AWS provides default values", and "All default values
 * will be associated with that tunnel option if you don't choose specific values" (IKE versions:
 * "Defaults: ikev1, ikev2") — https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNTunnels.html.
 * The defaults are every value the API accepts (VpnTunnelOptionsSpecification, e.g.
 * https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ec2/aws.sdk.kotlin.services.ec2.model/-vpn-tunnel-options-specification/phase2-dh-group-numbers.html
 * "Valid values: 2 | 5 | 14 | ... | 24"; AWS's Landing Zone Accelerator documents the phase 1
 * defaults the same way: [AES128, AES256, AES128-GCM-16, AES256-GCM-16], [SHA1, SHA2-256,
 * SHA2-384, SHA2-512], [2, 14..24]). describe-vpn-connections prints such a list as [].
 */
const AWS_ENCRYPTION = ['AES128', 'AES256', 'AES128-GCM-16', 'AES256-GCM-16'];
const AWS_INTEGRITY = ['SHA1', 'SHA2-256', 'SHA2-384', 'SHA2-512'];
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export const AWS_TUNNEL_DEFAULTS = {
  ikeVersions: ['ikev1', 'ikev2'],
  phase1: { encryption: AWS_ENCRYPTION, integrity: AWS_INTEGRITY, dhGroups: [2, ...range(14, 24)] },
  phase2: { encryption: AWS_ENCRYPTION, integrity: AWS_INTEGRITY, dhGroups: [2, 5, ...range(14, 24)] },
} as const;

/** The values of a `[{ Value }]` option list; undefined when the list is empty or absent. */
export function configured<T>(list: { Value: T }[] | undefined): T[] | undefined {
  return list && list.length > 0 ? list.map((v) => v.Value) : undefined;
}

/** The name a tunnel is known by in messages and evidence: its outside IP address. */
export function tunnelName(tunnel: TunnelOptions, index: number): string {
  return tunnel.OutsideIpAddress ?? `tunnel ${index + 1}`;
}

/**
 * Connection states whose tunnels can be judged: a deleting or deleted connection is still listed
 * by describe-vpn-connections for a while, but is out of scope (docs/semantics.md NOT_APPLICABLE).
 */
const EVALUATED_STATES = ['available', 'pending'] as const;

/** NOT_APPLICABLE when the connection's State is not one of `states`; undefined when it is. */
export function outOfScope(vpn: VpnConnection, states: readonly string[] = EVALUATED_STATES): RuleResult | undefined {
  if (vpn.State !== undefined && states.includes(vpn.State)) return undefined;
  return notApplicable(`The VPN connection is ${vpn.State ?? 'in no reported State'}: only ${states.join(' or ')} connections are evaluated.`, {
    state: vpn.State ?? null,
  });
}

/**
 * Runs `judge` on an in-scope connection (available or pending). The message it returns is
 * prefixed with the connection state, so a reader sees whether a pending connection was judged.
 */
export function judgeConnection(vpn: VpnConnection, judge: () => RuleResult): RuleResult {
  const skip = outOfScope(vpn);
  if (skip) return skip;
  const result = judge();
  if (result.status === 'NOT_APPLICABLE') return result;
  return { ...result, message: `${vpn.State === 'pending' ? 'Pending' : 'Available'} connection: ${result.message}` };
}

/** judgeConnection over the connection's tunnel options; none in the snapshot = NOT_APPLICABLE. */
export function judgeTunnels(vpn: VpnConnection, judge: (tunnels: TunnelOptions[]) => RuleResult): RuleResult {
  return judgeConnection(vpn, () => {
    const tunnels = vpn.Options?.TunnelOptions ?? [];
    if (tunnels.length === 0) return notApplicable(`The ${vpn.State} VPN connection has no Options.TunnelOptions in the snapshot.`);
    return judge(tunnels);
  });
}

/** Client VPN endpoints being deleted or deleted are out of scope. */
export function clientVpnOutOfScope(endpoint: ClientVpnEndpoint): RuleResult | undefined {
  const code = endpoint.Status?.Code;
  if (code === 'deleted' || code === 'deleting') return notApplicable(`The Client VPN endpoint is ${code}.`, { status: code });
  return undefined;
}
