import { rulesUnknown } from '../../engine/sg-exposure';
import { defineRule, fail, pass } from '../../engine/rule';
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
  },
  (group, ctx) => {
    const unknown = rulesUnknown(group, ['ingress', 'egress'], ctx);
    if (unknown) return unknown;
    const max = ctx.settings.maxRulesPerDirection;
    const counts = { ingress: ctx.model.listing(group, false).length, egress: ctx.model.listing(group, true).length, max };
    const over = (['ingress', 'egress'] as const).filter((d) => counts[d] > max);
    if (over.length === 0) return pass(`${counts.ingress} ingress and ${counts.egress} egress rules (limit ${max}).`, counts);
    return fail(`${over.map((d) => `${counts[d]} ${d}`).join(' and ')} rules exceed the limit of ${max}.`, counts);
  },
);
