import { authorizedPorts, type EvaluationContext } from '../../engine/context';
import { formatRange, formatTraffic, protocolLabel, rangesOutside, TCP, UDP } from '../../engine/protocols';
import { defineRule, fail, notApplicable, pass } from '../../engine/rule';
import { allOpenRanges, describeOpenRange, type DirectionExposure, directionExposure, type OpenRange, rulesUnknown, SOURCE_SET_READS, unresolvedEvidence } from '../../engine/sg-exposure';
import type { SecurityGroup } from '../../engine/snapshot-schema';
import type { RuleResult } from '../../engine/types';
import { decideWithUnknownLists } from '../../engine/unknown-prefix-lists';
import { FSBP_EC2_DOC, SECURITY_GROUP_TRIGGERS } from '../triggers';

export default defineRule(
  {
    id: 'sg-public-ports-authorized',
    title: 'Security groups open only authorized ports to the internet',
    description:
      'FAILS when a tcp port outside authorizedTcpPorts (default 80, 443), a udp port outside authorizedUdpPorts (default none), or any other protocol through IpProtocol -1 is internet-open. NOT_APPLICABLE when no ingress is internet-open.',
    severity: 'HIGH',
    resourceKind: 'SecurityGroup',
    compliance: { 'aws-fsbp': ['EC2.18'] },
    remediation: {
      text: 'Open to the internet only the ports the service publishes (add others to authorizedTcpPorts if they are meant to be public).',
      url: `${FSBP_EC2_DOC}#ec2-18`,
      kind: 'revoke-public-ingress',
      defaultMode: 'notify',
    },
    triggers: SECURITY_GROUP_TRIGGERS,
    inputs: [],
    reads: SOURCE_SET_READS,
  },
  (group, ctx) => {
    const unknown = rulesUnknown(group, ['ingress'], ctx);
    if (unknown) return unknown;
    return decideWithUnknownLists(group, directionExposure(group, false, ctx), ctx, verdict);
  },
);

/** The verdict for one view of the group's sources (docs/semantics.md "Source set"). */
function verdict(_group: SecurityGroup, exp: DirectionExposure, ctx: EvaluationContext): RuleResult {
  const open = allOpenRanges(exp, ctx);
  if (open.length === 0) return notApplicable('No ingress is open to the internet.', unresolvedEvidence(exp));
  const unauthorized: Array<{ protocol: string; ports?: string; open: OpenRange }> = [];
  for (const o of open) {
    if (o.protocol === TCP || o.protocol === UDP) {
      for (const part of rangesOutside(o.range, authorizedPorts(ctx, o.protocol))) {
        unauthorized.push({ protocol: protocolLabel(o.protocol), ports: formatRange(part), open: o });
      }
    } else if (o.protocol === -1) {
      unauthorized.push({ protocol: 'all (-1)', open: o });
    }
  }
  const openList = open.map((o) => formatTraffic(o.protocol, o.range));
  if (unauthorized.length === 0) {
    return pass(`Only authorized ports are open to the internet: ${openList.join(', ')}.`, unresolvedEvidence(exp));
  }
  const text = unauthorized.map((u) => (u.ports ? `${u.protocol} ${u.ports}` : u.protocol)).join(', ');
  return fail(`Unauthorized ports open to the internet: ${text}.`, {
    unauthorized: unauthorized.map((u) => ({
      protocol: u.protocol,
      ports: u.ports,
      ...describeOpenRange(u.open, ctx),
    })),
    ...unresolvedEvidence(exp),
  });
}
