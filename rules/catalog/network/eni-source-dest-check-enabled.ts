import { defineRule, fail, notApplicable, pass } from '../../engine/rule';
import { routeDestination, routesToInterface } from '../../engine/routes';
import { FSBP_EC2_DOC } from '../triggers';
import { SOURCE_DEST_CHECK_TRIGGERS } from './triggers';

export default defineRule(
  {
    id: 'eni-source-dest-check-enabled',
    title: 'Network interfaces have source/destination checking enabled',
    description:
      'FAILS when a user-managed network interface (InterfaceType interface or absent, not RequesterManaged) has SourceDestCheck false: it accepts and forwards traffic not addressed to it. When a route targets it (by its id or its instance\'s), it serves as a NAT instance or appliance, and the message recommends a NAT gateway. Other interface types and AWS-managed interfaces are NOT_APPLICABLE, as is an interface whose SourceDestCheck the snapshot does not give.',
    severity: 'MEDIUM',
    resourceKind: 'NetworkInterface',
    compliance: { 'aws-fsbp': ['EC2.180'] },
    remediation: {
      text: 'Enable source/destination checking (aws ec2 modify-network-interface-attribute --source-dest-check). If the interface is a NAT instance, replace it with a NAT gateway first.',
      url: `${FSBP_EC2_DOC}#ec2-180`,
      defaultMode: 'notify',
    },
    triggers: SOURCE_DEST_CHECK_TRIGGERS,
    inputs: [],
    reads: ['RouteTables'],
  },
  (eni, ctx) => {
    const type = eni.InterfaceType ?? 'interface';
    if (type !== 'interface') return notApplicable(`A ${type} interface is managed by AWS.`);
    if (eni.RequesterManaged === true) return notApplicable('A requester-managed interface is managed by an AWS service.');
    if (eni.SourceDestCheck === undefined) {
      return notApplicable('The snapshot does not give the interface\'s SourceDestCheck.', {
        missingInputs: [`NetworkInterfaces[${eni.NetworkInterfaceId}].SourceDestCheck`],
      });
    }
    if (eni.SourceDestCheck) return pass('Source/destination checking is enabled.', { sourceDestCheck: true });

    if (!ctx.model.has('RouteTables')) {
      return fail(
        'Source/destination checking is disabled. (The snapshot has no RouteTables, so whether it serves as a NAT instance is unknown.)',
        { sourceDestCheck: false, routeTargetOf: 'unknown: no RouteTables in the snapshot' },
      );
    }
    const routes = routesToInterface(eni, ctx).map((r) => ({
      routeTable: r.table.RouteTableId,
      destination: routeDestination(r.route),
      matchedBy: r.matchedBy,
    }));
    if (routes.length === 0) return fail('Source/destination checking is disabled.', { sourceDestCheck: false, routeTargetOf: [] });
    const tables = [...new Set(routes.map((r) => r.routeTable))];
    return fail(
      `Source/destination checking is disabled and ${tables.join(', ')} route${tables.length === 1 ? 's' : ''} traffic to it: it serves as a NAT instance. Replace it with a NAT gateway (managed, highly available within its zone, no source/destination check to disable), then enable the check or retire the instance.`,
      { sourceDestCheck: false, routeTargetOf: routes, recommendation: 'Replace the NAT instance with a NAT gateway.' },
    );
  },
);
