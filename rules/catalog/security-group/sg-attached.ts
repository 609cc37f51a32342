import { defineRule, fail, notApplicable, pass } from '../../engine/rule';
import { FSBP_EC2_DOC, SECURITY_GROUP_USE_TRIGGERS } from '../triggers';

export default defineRule(
  {
    id: 'sg-attached',
    title: 'Security groups are in use',
    description:
      'FAILS when a non-default group is used by no network interface and referenced by no other group. Unused groups are clutter that someone later attaches without review. Default groups are NOT_APPLICABLE.',
    severity: 'LOW',
    resourceKind: 'SecurityGroup',
    compliance: { 'aws-fsbp': ['EC2.22'] },
    remediation: {
      text: 'Delete the group if nothing needs it, or tag it with its purpose.',
      url: `${FSBP_EC2_DOC}#ec2-22`,
      defaultMode: 'notify',
    },
    triggers: SECURITY_GROUP_USE_TRIGGERS,
    inputs: ['NetworkInterfaces'],
    reads: ['SecurityGroupRules'],
  },
  (group, ctx) => {
    if (group.GroupName === 'default') return notApplicable('Default security groups cannot be deleted.');
    const interfaces = ctx.model.interfacesUsing(group.GroupId);
    if (interfaces.length > 0) {
      return pass(`Used by ${interfaces.length} network interface(s).`, {
        interfaces: interfaces.slice(0, 20).map((e) => e.NetworkInterfaceId),
      });
    }
    if (ctx.model.isReferencedByOtherGroup(group.GroupId)) return pass('Referenced by another security group.');
    // An interface listed without its Groups may be using this one: not a FAIL on missing data.
    const unknown = ctx.model.interfacesWithoutGroups();
    if (unknown.length > 0) {
      return notApplicable(`Used by no interface whose groups the snapshot lists, but ${unknown.length} interface(s) are listed without Groups.`, {
        missingInputs: ctx.model.interfacesWithoutGroupsInputs(),
      });
    }
    // Likewise a group listed without its rules may reference this one.
    const unknownRules = ctx.model.unknownRulesOfOtherGroups(group.GroupId);
    if (unknownRules.length > 0) {
      return notApplicable('Used by no network interface and referenced by no group whose rules the snapshot lists, but some groups are listed without their rules.', {
        missingInputs: unknownRules,
      });
    }
    return fail('Used by no network interface and referenced by no other security group.');
  },
);
