import { defineRule, fail, pass } from '../../engine/rule';
import { FSBP_EC2_DOC } from '../triggers';
import { VPN_CONNECTION_TRIGGERS } from './triggers';
import { judgeTunnels, tunnelName } from './tunnels';

export default defineRule(
  {
    id: 'vpn-tunnel-logging-enabled',
    title: 'Site-to-Site VPN tunnels send their logs to CloudWatch Logs',
    description:
      'FAILS when a tunnel of an available or pending VPN connection does not have LogOptions.CloudWatchLogOptions.LogEnabled true: IKE negotiation, IPsec and dead peer detection events are then lost. Deleted or deleting connections are NOT_APPLICABLE.',
    severity: 'MEDIUM',
    resourceKind: 'VpnConnection',
    compliance: { 'aws-fsbp': ['EC2.171'] },
    remediation: {
      text: 'Enable tunnel logging to a CloudWatch Logs log group on both tunnels (modify-vpn-tunnel-options with LogOptions.CloudWatchLogOptions.LogEnabled=true).',
      url: `${FSBP_EC2_DOC}#ec2-171`,
      defaultMode: 'notify',
    },
    triggers: VPN_CONNECTION_TRIGGERS,
    inputs: [],
    reads: [],
  },
  (vpn) =>
    judgeTunnels(vpn, (options) => {
      const tunnels = options.map((t, i) => ({
        tunnel: tunnelName(t, i),
        logEnabled: t.LogOptions?.CloudWatchLogOptions?.LogEnabled ?? null,
      }));
      const off = tunnels.filter((t) => t.logEnabled !== true);
      if (off.length === 0) return pass(`CloudWatch logging is enabled on all ${tunnels.length} tunnels.`, { tunnels });
      return fail(`CloudWatch logging is not enabled on ${off.length} of ${tunnels.length} tunnels: ${off.map((t) => t.tunnel).join(', ')}.`, { tunnels });
    }),
);
