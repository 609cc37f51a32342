import { defineRule, fail, notApplicable, pass } from '../../engine/rule';
import { FSBP_EC2_DOC } from '../triggers';
import { VPN_CONNECTION_TRIGGERS } from './triggers';
import { outOfScope } from './tunnels';

export default defineRule(
  {
    id: 'vpn-tunnels-up',
    title: 'Every tunnel of a Site-to-Site VPN connection is UP',
    description:
      'FAILS when any VgwTelemetry entry of an available VPN connection has a Status other than UP: the connection has lost its redundancy (or all connectivity). Connections that are not available, or have no telemetry, are NOT_APPLICABLE.',
    severity: 'MEDIUM',
    resourceKind: 'VpnConnection',
    compliance: { 'aws-fsbp': ['EC2.20'] },
    remediation: {
      text: 'Check the customer gateway device configuration for the DOWN tunnel (IKE and IPsec parameters, pre-shared key or certificate, routing) and the tunnel logs, then bring it up.',
      url: `${FSBP_EC2_DOC}#ec2-20`,
      defaultMode: 'notify',
    },
    triggers: VPN_CONNECTION_TRIGGERS,
    inputs: [],
    reads: [],
  },
  (vpn) => {
    // A pending connection's tunnels are not up yet: only available connections are judged here.
    const skip = outOfScope(vpn, ['available']);
    if (skip) return skip;
    const telemetry = vpn.VgwTelemetry ?? [];
    if (telemetry.length === 0) return notApplicable('The VPN connection has no VgwTelemetry in the snapshot.');
    const tunnels = telemetry.map((t, i) => ({
      tunnel: t.OutsideIpAddress ?? `tunnel ${i + 1}`,
      status: t.Status ?? null,
      ...(t.StatusMessage ? { statusMessage: t.StatusMessage } : {}),
    }));
    const down = tunnels.filter((t) => t.status !== 'UP');
    if (down.length === 0) return pass(`Available connection: all ${tunnels.length} tunnels are UP.`, { tunnels });
    const list = down.map((t) => `${t.tunnel} (${t.status ?? 'no Status'}${t.statusMessage ? `: ${t.statusMessage}` : ''})`);
    return fail(`Available connection: ${down.length} of ${tunnels.length} tunnels are not UP: ${list.join(', ')}.`, { tunnels });
  },
);
