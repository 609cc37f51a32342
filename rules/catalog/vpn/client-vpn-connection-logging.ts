import { defineRule, fail, pass } from '../../engine/rule';
import { FSBP_EC2_DOC } from '../triggers';
import { CLIENT_VPN_TRIGGERS } from './triggers';
import { clientVpnOutOfScope } from './tunnels';

export default defineRule(
  {
    id: 'client-vpn-connection-logging',
    title: 'Client VPN endpoints log client connections',
    description:
      'FAILS when ConnectionLogOptions.Enabled is not true: who connected, from where and when is then not recorded. Endpoints being deleted or deleted are NOT_APPLICABLE.',
    severity: 'LOW',
    resourceKind: 'ClientVpnEndpoint',
    compliance: { 'aws-fsbp': ['EC2.51'] },
    remediation: {
      text: 'Enable client connection logging to a CloudWatch Logs log group (modify-client-vpn-endpoint --connection-log-options Enabled=true,CloudwatchLogGroup=...).',
      url: `${FSBP_EC2_DOC}#ec2-51`,
      defaultMode: 'notify',
    },
    triggers: CLIENT_VPN_TRIGGERS,
    inputs: [],
    reads: [],
  },
  (endpoint) => {
    const skip = clientVpnOutOfScope(endpoint);
    if (skip) return skip;
    const enabled = endpoint.ConnectionLogOptions?.Enabled ?? null;
    if (enabled === true) return pass('Client connection logging is enabled.', { connectionLogging: true });
    return fail('Client connection logging is not enabled.', { connectionLogging: enabled });
  },
);
