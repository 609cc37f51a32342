import { defineRule, fail, pass } from '../../engine/rule';
import { FSBP_EC2_DOC } from '../triggers';
import { VPN_CONNECTION_TRIGGERS } from './triggers';
import { AWS_TUNNEL_DEFAULTS, configured, judgeTunnels, tunnelName } from './tunnels';

export default defineRule(
  {
    id: 'vpn-ikev2-only',
    title: 'Site-to-Site VPN tunnels permit IKEv2 only',
    description:
      'FAILS when a tunnel of an available or pending VPN connection permits any IKE version other than ikev2. An empty IkeVersions list means the AWS default, ikev1 and ikev2, and fails.',
    severity: 'MEDIUM',
    resourceKind: 'VpnConnection',
    compliance: { 'aws-fsbp': ['EC2.183'] },
    remediation: {
      text: 'Set IkeVersions to ikev2 alone on both tunnels (modify-vpn-tunnel-options), after configuring the customer gateway device for IKEv2.',
      url: `${FSBP_EC2_DOC}#ec2-183`,
      defaultMode: 'notify',
    },
    triggers: VPN_CONNECTION_TRIGGERS,
    inputs: [],
    reads: [],
  },
  (vpn) =>
    judgeTunnels(vpn, (options) => {
      const tunnels = options.map((t, i) => {
        const set = configured(t.IkeVersions);
        return { tunnel: tunnelName(t, i), ikeVersions: set ?? [...AWS_TUNNEL_DEFAULTS.ikeVersions], fromDefaults: set === undefined };
      });
      const ikev2Only = (versions: string[]) => versions.every((v) => v.toLowerCase() === 'ikev2');
      const bad = tunnels.filter((t) => !ikev2Only(t.ikeVersions));
      if (bad.length === 0) return pass(`all ${tunnels.length} tunnels permit ikev2 only.`, { tunnels });
      const list = bad.map((t) => `${t.tunnel} (${t.ikeVersions.join(', ')}${t.fromDefaults ? ': AWS default, IkeVersions is empty' : ''})`);
      return fail(`${bad.length} of ${tunnels.length} tunnels permit more than ikev2: ${list.join('; ')}.`, { tunnels });
    }),
);
