import type { EvaluationContext } from '../../engine/context';
import { defineRule, fail, pass, type Rule } from '../../engine/rule';
import { describeRule, directionExposure, sourceSet } from '../../engine/sg-exposure';
import { protocolLabel } from '../../engine/protocols';
import type { RuleMetadata } from '../../engine/types';
import { SECURITY_GROUP_TRIGGERS } from '../triggers';

export interface PortProbe {
  protocol: number;
  port: number;
}

/**
 * The family of "no internet-open ingress on these ports" rules. A rule of the family is its
 * metadata plus the ports it checks; the source-set union and the verdict live here once.
 */
export function portExposureRule(
  meta: Omit<RuleMetadata, 'resourceKind' | 'triggers' | 'inputs'>,
  portsToCheck: (ctx: EvaluationContext) => PortProbe[],
): Rule<'SecurityGroup'> {
  return defineRule({ ...meta, resourceKind: 'SecurityGroup', triggers: SECURITY_GROUP_TRIGGERS, inputs: [] }, (group, ctx) => {
    const exp = directionExposure(group, false, ctx);
    const openPorts = [];
    for (const { protocol, port } of portsToCheck(ctx)) {
      const { addresses, rules } = sourceSet(exp, protocol, port);
      if (!ctx.exposure.isInternetOpenPublic(addresses)) continue;
      openPorts.push({
        protocol: protocolLabel(protocol),
        port,
        publicSources: addresses.describe(),
        rules: rules.map(describeRule),
      });
    }
    const extra = exp.unresolvedPrefixLists.length ? { unresolvedPrefixLists: exp.unresolvedPrefixLists } : {};
    if (openPorts.length === 0) return pass('No checked port is open to the internet.', extra);
    const list = openPorts.map((o) => `${o.protocol} ${o.port}`).join(', ');
    const via = [...new Set(openPorts.flatMap((o) => o.rules.map((r) => String(r.ruleId ?? r.source))))].join(', ');
    return fail(`Ingress open to the internet on ${list} (via ${via}).`, { openPorts, ...extra });
  });
}
