import type { EvaluationContext } from '../../engine/context';
import { defineRule, fail, notApplicable, pass } from '../../engine/rule';
import { describeRule } from '../../engine/sg-exposure';
import { type Direction, decideOnKnownRules } from '../../engine/sg-known-rules';
import { cidrOf, fromListedRule, type SgRule } from '../../engine/sg-rules';
import type { SecurityGroup } from '../../engine/snapshot-schema';
import { isUnfilterable, unfilterableSet } from '../../engine/unfilterable';
import { SECURITY_GROUP_TRIGGERS, SG_RULES_DOC } from '../triggers';

export default defineRule(
  {
    id: 'sg-no-unfilterable-targets',
    title: 'Security group rules do not target addresses security groups cannot filter',
    description:
      'FAILS when a rule names only instance metadata, Amazon DNS or time sync addresses (169.254.169.254, .253, .123, fd00:ec2::254/253/123, or the VPC base + 2). Security groups do not filter that traffic, so the rule has no effect and suggests a control that does not exist.',
    severity: 'INFORMATIONAL',
    resourceKind: 'SecurityGroup',
    compliance: {},
    remediation: {
      text: 'Remove the rule; to restrict metadata access use IMDSv2 hop limits or host firewalls, and Route 53 Resolver DNS Firewall for DNS.',
      url: SG_RULES_DOC,
      defaultMode: 'notify',
    },
    triggers: SECURITY_GROUP_TRIGGERS,
    inputs: [],
    reads: ['SecurityGroupRules', 'Vpcs'],
  },
  (group, ctx) => decideOnKnownRules(group, ctx, ineffectiveRules),
);

/** Scans the directions it may read: one ineffective rule fails the group whatever the other holds. */
function ineffectiveRules(group: SecurityGroup, ctx: EvaluationContext, directions: readonly Direction[]) {
  const vpc = ctx.model.vpc(group.VpcId);
  const targets = unfilterableSet(vpc, ctx);
  const ineffective: SgRule[] = [];
  for (const d of directions) {
    for (const r of ctx.model.listing(group, d === 'egress')) if (isUnfilterable(cidrOf(r), targets)) ineffective.push(fromListedRule(r));
  }
  if (ineffective.length > 0) {
    return fail(`${ineffective.length} rule(s) target addresses security groups do not filter.`, {
      rules: ineffective.map((r) => ({ direction: r.egress ? 'egress' : 'ingress', ...describeRule(r) })),
    });
  }
  // Without the VPC the Amazon DNS address is unknown: not a pass on missing data.
  if (!vpc) return notApplicable(`VPC ${group.VpcId ?? '(none)'} is not in the snapshot (Vpcs): its DNS address is unknown.`, { missingInputs: ['Vpcs'] });
  return pass('No rule targets only unfilterable addresses.');
}
