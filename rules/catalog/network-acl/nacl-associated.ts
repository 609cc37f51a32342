import { defineRule, fail, notApplicable, pass } from '../../engine/rule';
import { FSBP_EC2_DOC, NETWORK_ACL_TRIGGERS } from '../triggers';
import { associatedSubnets, associationsUnknown } from './default-nacl';

export default defineRule(
  {
    id: 'nacl-associated',
    title: 'Network ACLs are associated with a subnet',
    description: 'FAILS when a non-default network ACL is associated with no subnet. Default NACLs are NOT_APPLICABLE.',
    severity: 'LOW',
    resourceKind: 'NetworkAcl',
    compliance: { 'aws-fsbp': ['EC2.16'] },
    remediation: {
      text: 'Delete the unused network ACL, or associate it with the subnets it was written for.',
      url: `${FSBP_EC2_DOC}#ec2-16`,
      defaultMode: 'notify',
    },
    triggers: NETWORK_ACL_TRIGGERS,
    inputs: [],
    reads: [],
  },
  (nacl) => {
    if (nacl.IsDefault) return notApplicable('Default network ACLs cannot be deleted.');
    const unknown = associationsUnknown(nacl);
    if (unknown) return unknown;
    const subnets = associatedSubnets(nacl);
    if (subnets.length > 0) return pass(`Associated with ${subnets.length} subnet(s).`, { subnets });
    return fail('Associated with no subnet.');
  },
);
