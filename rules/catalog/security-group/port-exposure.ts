import type { EvaluationContext } from '../../engine/context';
import { defineRule, fail, pass, type Rule } from '../../engine/rule';
import { describeOpenRange, type DirectionExposure, directionExposure, openAt, rulesUnknown, SOURCE_SET_READS, unresolvedEvidence } from '../../engine/sg-exposure';
import type { SecurityGroup } from '../../engine/snapshot-schema';
import { decideWithUnknownLists, withListsOpen } from '../../engine/unknown-prefix-lists';
import { formatPortList, protocolLabel } from '../../engine/protocols';
import type { RuleMetadata, RuleResult } from '../../engine/types';
import { exposedNote, exposureSeverity } from '../../engine/exposure-severity';
import { SECURITY_GROUP_USE_TRIGGERS } from '../triggers';

const NOTHING_OPEN = 'No checked port is open to the internet.';

export interface PortProbe {
  protocol: number;
  port: number;
}

/**
 * The family of "no internet-open ingress on these ports" rules. A rule of the family is its
 * metadata plus the ports it checks; the source-set union and the verdict live here once.
 */
export function portExposureRule(
  meta: Omit<RuleMetadata, 'resourceKind' | 'triggers' | 'inputs' | 'reads'>,
  portsToCheck: (ctx: EvaluationContext) => PortProbe[],
): Rule<'SecurityGroup'> {
  const probes = (_: object, ctx: EvaluationContext) => portsToCheck(ctx);
  // Made once per rule, not per group: the verdict for one view of the sources.
  const verdict = (group: SecurityGroup, exp: DirectionExposure, ctx: EvaluationContext): RuleResult => {
    const extra = unresolvedEvidence(exp);
    // Most groups have no public source at all: the same PASS, without probing each port.
    if (!exp.canBeOpen) return pass(NOTHING_OPEN, extra);
    const openPorts = [];
    const offending: PortProbe[] = [];
    // The probes depend only on settings: built once per evaluation, not once per group.
    for (const { protocol, port } of ctx.memo(meta, 'probes', probes)) {
      const open = openAt(exp, protocol, port, ctx);
      if (!open) continue;
      offending.push({ protocol, port });
      openPorts.push({ protocol: protocolLabel(protocol), port, ...describeOpenRange(open, ctx) });
    }
    if (openPorts.length === 0) return pass(NOTHING_OPEN, extra);
    const list = formatPortList(openPorts);
    const from = [...new Set(openPorts.flatMap((o) => o.sources))].join(', ');
    const { severity, exposure } = exposureSeverity(group, meta.severity, offending, ctx, offendingIfListsOpen(exp, offending, ctx));
    return fail(`Ingress open to the internet on ${list} from ${from}${exposedNote(exposure)}.`, { openPorts, exposure, ...extra }, severity);
  };
  /** The checked ports open were the group's unresolved prefix lists the internet (`offending` when it has none). */
  const offendingIfListsOpen = (exp: DirectionExposure, offending: PortProbe[], ctx: EvaluationContext): PortProbe[] => {
    const ifOpen = withListsOpen(exp, ctx);
    if (ifOpen === exp) return offending;
    return ctx.memo(meta, 'probes', probes).filter(({ protocol, port }) => openAt(ifOpen, protocol, port, ctx) !== undefined);
  };
  return defineRule({ ...meta, resourceKind: 'SecurityGroup', triggers: SECURITY_GROUP_USE_TRIGGERS, inputs: [], reads: SOURCE_SET_READS }, (group, ctx) => {
    const unknown = rulesUnknown(group, ['ingress'], ctx);
    if (unknown) return unknown;
    return decideWithUnknownLists(group, directionExposure(group, false, ctx), ctx, verdict);
  });
}
