import type { EvaluationContext } from '../../engine/context';
import { defineRule, fail, notApplicable, pass } from '../../engine/rule';
import type { FlowLog, Vpc } from '../../engine/snapshot-schema';
import { FSBP_EC2_DOC } from '../triggers';
import { FLOW_LOG_TRIGGERS } from './triggers';

/** Traffic types that capture rejected traffic (what FSBP EC2.6 and CIS 3.7 ask for). */
const CAPTURES_REJECTS = new Set(['REJECT', 'ALL']);

interface Judged {
  flowLog: string;
  flowLogStatus: string;
  trafficType: string;
  deliverLogsStatus: string;
  /** What keeps this log from counting; empty when it counts. */
  problems: string[];
  /** Fields the snapshot leaves out that could make it count. */
  unknown: string[];
}

export default defineRule(
  {
    id: 'vpc-flow-logs-enabled',
    title: 'VPCs have flow logging of rejected traffic enabled',
    description:
      'FAILS when no flow log on the VPC itself (ResourceId = the VPC) is ACTIVE, captures rejected traffic (TrafficType REJECT or ALL) and has a DeliverLogsStatus other than FAILED. Flow logs on subnets or interfaces only do not count. Evidence says what is missing: a VPC-level flow log, ACTIVE status, rejected traffic, or working delivery.',
    severity: 'MEDIUM',
    resourceKind: 'Vpc',
    compliance: { 'aws-fsbp': ['EC2.6'], 'cis-aws-3.0': ['3.7'] },
    remediation: {
      text: 'Create a flow log on the VPC with traffic type REJECT or ALL (aws ec2 create-flow-logs --resource-type VPC --traffic-type ALL), and make sure its delivery role or bucket policy lets it deliver.',
      url: `${FSBP_EC2_DOC}#ec2-6`,
      defaultMode: 'notify',
    },
    triggers: FLOW_LOG_TRIGGERS,
    inputs: ['FlowLogs'],
    reads: ['Subnets', 'NetworkInterfaces'],
  },
  (vpc, ctx) => {
    const logs = (ctx.model.snapshot.FlowLogs ?? []).filter((l) => l.ResourceId === vpc.VpcId).map(judge);
    const good = logs.filter((l) => l.problems.length === 0 && l.unknown.length === 0);
    if (good.length > 0) {
      return pass(`Flow log ${good.map((l) => l.flowLog).join(', ')} records rejected traffic of the VPC.`, { flowLogs: good.map(strip) });
    }
    const undecided = logs.filter((l) => l.problems.length === 0);
    if (undecided.length > 0) {
      const missing = [...new Set(undecided.flatMap((l) => l.unknown.map((field) => `FlowLogs[${l.flowLog}].${field}`)))];
      const fields = [...new Set(undecided.flatMap((l) => l.unknown))];
      return notApplicable(`The snapshot does not give the ${fields.join(' or ')} of flow log ${undecided.map((l) => l.flowLog).join(', ')}.`, {
        missingInputs: missing,
        flowLogs: undecided.map(strip),
      });
    }
    if (logs.length === 0) {
      const others = flowLogsInside(vpc, ctx);
      const where = others.length > 0 ? `; only its ${others.map((o) => `${o.resourceType} ${o.resource} (${o.flowLog})`).join(', ')} ${others.length === 1 ? 'has one' : 'have them'}` : '';
      return fail(`No flow log on the VPC itself${where}.`, { missing: ['a flow log on the VPC itself'], otherFlowLogs: others });
    }
    const summary = logs.map((l) => `${l.flowLog}: ${l.problems.join(', ')}`).join('; ');
    return fail(`No flow log on the VPC is ACTIVE, records rejected traffic and delivers: ${summary}.`, {
      missing: [...new Set(logs.flatMap((l) => l.problems))],
      flowLogs: logs.map((l) => ({ ...strip(l), problems: l.problems })),
    });
  },
);

function judge(log: FlowLog): Judged {
  const problems: string[] = [];
  const unknown: string[] = [];
  const status = log.FlowLogStatus?.toUpperCase();
  const traffic = log.TrafficType?.toUpperCase();
  if (status === undefined) unknown.push('FlowLogStatus');
  else if (status !== 'ACTIVE') problems.push(`FlowLogStatus ${log.FlowLogStatus}, not ACTIVE`);
  if (traffic === undefined) unknown.push('TrafficType');
  else if (!CAPTURES_REJECTS.has(traffic)) problems.push(`TrafficType ${log.TrafficType} records no rejected traffic`);
  if (log.DeliverLogsStatus?.toUpperCase() === 'FAILED') problems.push('DeliverLogsStatus FAILED');
  return {
    flowLog: log.FlowLogId,
    flowLogStatus: log.FlowLogStatus ?? 'unknown',
    trafficType: log.TrafficType ?? 'unknown',
    deliverLogsStatus: log.DeliverLogsStatus ?? 'unknown',
    problems,
    unknown,
  };
}

function strip(l: Judged): Record<string, string> {
  return { flowLog: l.flowLog, flowLogStatus: l.flowLogStatus, trafficType: l.trafficType, deliverLogsStatus: l.deliverLogsStatus };
}

/**
 * Flow logs on this VPC's subnets and interfaces, as far as the snapshot tells which VPC they are
 * in (Subnets and NetworkInterfaces are optional here: they only enrich the evidence).
 */
function flowLogsInside(vpc: Vpc, ctx: EvaluationContext): Array<{ flowLog: string; resource: string; resourceType: string }> {
  const subnets = new Set((ctx.model.snapshot.Subnets ?? []).filter((s) => s.VpcId === vpc.VpcId).map((s) => s.SubnetId));
  const enis = new Set((ctx.model.snapshot.NetworkInterfaces ?? []).filter((e) => e.VpcId === vpc.VpcId).map((e) => e.NetworkInterfaceId));
  return (ctx.model.snapshot.FlowLogs ?? []).flatMap((l) => {
    const id = l.ResourceId;
    if (id && subnets.has(id)) return [{ flowLog: l.FlowLogId, resource: id, resourceType: 'subnet' }];
    if (id && enis.has(id)) return [{ flowLog: l.FlowLogId, resource: id, resourceType: 'network interface' }];
    return [];
  });
}
