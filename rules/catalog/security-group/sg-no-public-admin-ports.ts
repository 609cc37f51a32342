import { TCP, UDP } from '../../engine/protocols';
import { FSBP_EC2_DOC } from '../triggers';
import { portExposureRule } from './port-exposure';

const ADMIN_PORTS = [22, 3389].flatMap((port) => [TCP, UDP].map((protocol) => ({ protocol, port })));

export default portExposureRule(
  {
    id: 'sg-no-public-admin-ports',
    title: 'Security groups do not allow ingress from the internet to remote administration ports (22, 3389)',
    description:
      'FAILS when the union of ingress sources for tcp or udp 22 or 3389 is internet-open (at least a /16 of public IPv4 or a /32 of public IPv6), however it is split across rules.',
    severity: 'HIGH',
    compliance: { 'aws-fsbp': ['EC2.13', 'EC2.14', 'EC2.53', 'EC2.54'], 'cis-aws-3.0': ['5.2', '5.3'] },
    remediation: {
      text: 'Remove the rules that open 22/3389 to the internet; reach hosts through Session Manager, a VPN or a bastion restricted to known CIDRs.',
      url: `${FSBP_EC2_DOC}#ec2-13`,
      kind: 'revoke-public-ingress',
      defaultMode: 'auto',
    },
  },
  () => ADMIN_PORTS,
);
