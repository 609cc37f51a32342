import type { EvaluationContext } from '../../engine/context';
import { defineRule, fail, notApplicable, pass } from '../../engine/rule';
import { describeRule, groupRules } from '../../engine/sg-exposure';
import { type Direction, decideOnKnownRules } from '../../engine/sg-known-rules';
import type { SecurityGroup } from '../../engine/snapshot-schema';
import { FSBP_EC2_DOC, SECURITY_GROUP_TRIGGERS } from '../triggers';

export default defineRule(
  {
    id: 'sg-default-closed',
    title: 'Default security groups have no inbound or outbound rules',
    description:
      'FAILS when the group named default has any ingress or egress rule. A default group is attached to anything launched without a group, so it must allow nothing. Other groups are NOT_APPLICABLE.',
    severity: 'HIGH',
    resourceKind: 'SecurityGroup',
    compliance: { 'aws-fsbp': ['EC2.2'], 'cis-aws-3.0': ['5.4'] },
    remediation: {
      text: 'Remove every rule from the default security group and give workloads groups of their own.',
      url: `${FSBP_EC2_DOC}#ec2-2`,
      kind: 'close-default-sg',
      defaultMode: 'notify',
    },
    triggers: SECURITY_GROUP_TRIGGERS,
    inputs: [],
    reads: ['SecurityGroupRules'],
  },
  (group, ctx) => (group.GroupName === 'default' ? decideOnKnownRules(group, ctx, closed) : notApplicable('Not a default security group.')),
);

/** Any rule in a direction it may read fails the group; a missing list is decided by the caller. */
function closed(group: SecurityGroup, ctx: EvaluationContext, directions: readonly Direction[]) {
  const rules = groupRules(group, ctx);
  if (directions.every((d) => rules[d].length === 0)) return pass('The default security group has no rules.');
  const counts = directions.map((d) => `${rules[d].length} ${d}`).join(' and ');
  const evidence: Record<string, unknown> = {};
  for (const d of directions) evidence[d] = rules[d].slice(0, 20).map(describeRule);
  return fail(`The default security group has ${counts} rules.`, evidence);
}
