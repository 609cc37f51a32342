import { defineRule, fail, notApplicable, pass } from '../../engine/rule';
import { describeRule, groupRules, rulesUnknown } from '../../engine/sg-exposure';
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
  },
  (group, ctx) => {
    if (group.GroupName !== 'default') return notApplicable('Not a default security group.');
    const unknown = rulesUnknown(group, ['ingress', 'egress'], ctx);
    if (unknown) return unknown;
    const { ingress, egress } = groupRules(group, ctx);
    if (ingress.length + egress.length === 0) return pass('The default security group has no rules.');
    return fail(`The default security group has ${ingress.length} ingress and ${egress.length} egress rules.`, {
      ingress: ingress.slice(0, 20).map(describeRule),
      egress: egress.slice(0, 20).map(describeRule),
    });
  },
);
