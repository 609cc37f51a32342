import { TCP, UDP } from '../../engine/protocols';
import { FSBP_EC2_DOC } from '../triggers';
import { portExposureRule } from './port-exposure';

export default portExposureRule(
  {
    id: 'sg-no-public-high-risk-ports',
    title: 'Security groups do not allow ingress from the internet to high-risk ports',
    description:
      'FAILS when the ingress source set of any port in the setting highRiskPorts (databases, file sharing, mail, remote access, search and dashboards) is internet-open.',
    severity: 'HIGH',
    compliance: { 'aws-fsbp': ['EC2.19'] },
    remediation: {
      text: 'Restrict the listed ports to the networks that need them, or put the service behind a load balancer or VPN.',
      url: `${FSBP_EC2_DOC}#ec2-19`,
      kind: 'revoke-public-ingress',
      defaultMode: 'notify',
    },
  },
  (ctx) => [
    ...ctx.settings.highRiskPorts.tcp.map((port) => ({ protocol: TCP, port })),
    ...ctx.settings.highRiskPorts.udp.map((port) => ({ protocol: UDP, port })),
  ],
);
