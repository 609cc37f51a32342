import type { EvaluationContext } from '../../engine/context';
import { defineRule, fail, pass } from '../../engine/rule';
import { type Direction, decideOnKnownRules } from '../../engine/sg-known-rules';
import type { SecurityGroup } from '../../engine/snapshot-schema';
import { SECURITY_GROUP_TRIGGERS, SG_RULES_DOC } from '../triggers';

export default defineRule(
  {
    id: 'sg-rule-count',
    title: 'Security groups have a reviewable number of rules',
    description:
      'FAILS when either direction has more than maxRulesPerDirection rules (default 50), counted as AWS counts them: one per source or destination of a permission.',
    severity: 'LOW',
    resourceKind: 'SecurityGroup',
    compliance: { prowler: ['ec2_securitygroup_with_many_ingress_egress_rules'] },
    remediation: {
      text: 'Consolidate sources into managed prefix lists and split unrelated purposes into separate groups.',
      url: SG_RULES_DOC,
      defaultMode: 'notify',
    },
    triggers: SECURITY_GROUP_TRIGGERS,
    inputs: [],
    reads: ['SecurityGroupRules'],
  },
  (group, ctx) => decideOnKnownRules(group, ctx, countRules),
);

/** Counts the directions it may read; one over the limit fails the group whatever the other holds. */
function countRules(group: SecurityGroup, ctx: EvaluationContext, directions: readonly Direction[]) {
  const max = ctx.settings.maxRulesPerDirection;
  const counts: Record<string, number> = {};
  for (const d of directions) counts[d] = ctx.model.listing(group, d === 'egress').length;
  counts.max = max;
  const over = directions.filter((d) => counts[d] > max);
  if (over.length === 0) return pass(`${counts.ingress} ingress and ${counts.egress} egress rules (limit ${max}).`, counts);
  return fail(`${over.map((d) => `${counts[d]} ${d}`).join(' and ')} rules exceed the limit of ${max}.`, counts);
}
