import { formatRange, formatTraffic, protocolLabel } from '../../engine/protocols';
import { routesToInterface } from '../../engine/routes';
import { defineRule, fail, listedWithout, notApplicable, pass, provenOrUnknown } from '../../engine/rule';
import type { EvaluationContext } from '../../engine/context';
import { allOpenRanges, type DirectionExposure, describeRule, interfaceIngress, SOURCE_SET_READS, unresolvedEvidence } from '../../engine/sg-exposure';
import type { NetworkInterface } from '../../engine/snapshot-schema';
import type { RuleResult } from '../../engine/types';
import { decideWithUnknownLists } from '../../engine/unknown-prefix-lists';
import { INTERFACE_EXPOSURE_TRIGGERS } from './triggers';

export default defineRule(
  {
    id: 'nat-instance-no-public-ingress',
    title: 'NAT instances accept no ingress from the internet',
    description:
      'FAILS when an interface that is a route target (a route by InstanceId or NetworkInterfaceId) with SourceDestCheck false has internet-open ingress on any port through its security groups. A NAT instance forwards for the VPC; open ingress makes it a way in.',
    severity: 'HIGH',
    resourceKind: 'NetworkInterface',
    compliance: {},
    remediation: {
      text: 'Allow ingress to the NAT instance only from the VPC ranges it serves, or replace it with a NAT gateway.',
      url: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_NAT_Instance.html',
      defaultMode: 'notify',
    },
    triggers: INTERFACE_EXPOSURE_TRIGGERS,
    inputs: ['RouteTables', 'SecurityGroups'],
    reads: SOURCE_SET_READS,
  },
  (eni, ctx) => {
    if (eni.SourceDestCheck === true) return notApplicable('Not a NAT instance: source/destination check is on.');
    if (routesToInterface(eni, ctx).length === 0) return notApplicable('Not a NAT instance: no route sends traffic to it.');
    if (eni.SourceDestCheck === undefined) {
      return listedWithout(`routed-to interface ${eni.NetworkInterfaceId}`, 'NetworkInterfaces', eni.NetworkInterfaceId, 'SourceDestCheck');
    }
    const { missing, exposure } = interfaceIngress(eni, ctx);
    const result = decideWithUnknownLists(eni, exposure, ctx, verdict);
    if (missing.length === 0) return result;
    // Ingress the known groups open is proven open whatever the unknown ones add.
    const unknown = notApplicable(`The snapshot lacks ${missing.join(', ')}: its ingress is not known.`, { missingInputs: missing });
    return provenOrUnknown(result, unknown, `The snapshot lacks ${missing.join(', ')}: more may be open.`);
  },
);

/** The verdict for one view of the interface's sources (docs/semantics.md "Source set"). */
function verdict(_eni: NetworkInterface, exposure: DirectionExposure, ctx: EvaluationContext): RuleResult {
  const open = allOpenRanges(exposure, ctx);
  const unresolved = unresolvedEvidence(exposure);
  if (open.length === 0) return pass('No ingress to this NAT instance is open to the internet.', unresolved);
  const text = open.map((o) => formatTraffic(o.protocol, o.range)).join(', ');
  return fail(`NAT instance ingress is open to the internet on ${text}.`, {
    open: open.map((o) => ({ protocol: protocolLabel(o.protocol), ports: formatRange(o.range), rules: o.rules.map(describeRule) })),
    ...unresolved,
  });
}
