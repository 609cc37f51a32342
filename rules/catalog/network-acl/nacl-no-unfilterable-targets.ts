import { entriesUnknown } from './default-nacl';
import { CATCH_ALL_RULE_NUMBERS, naclView } from '../../engine/nacl';
import { defineRule, fail, notApplicable, pass } from '../../engine/rule';
import { unfilterableSet } from '../../engine/unfilterable';
import { NACL_DOC, NETWORK_ACL_TRIGGERS } from '../triggers';

export default defineRule(
  {
    id: 'nacl-no-unfilterable-targets',
    title: 'Network ACL entries do not target addresses network ACLs cannot filter',
    description:
      'FAILS when an entry\'s CIDR lies entirely in the instance metadata, Amazon DNS or time sync addresses (or the VPC base + 2). NACLs do not filter that traffic, so the entry has no effect.',
    severity: 'INFORMATIONAL',
    resourceKind: 'NetworkAcl',
    compliance: {},
    remediation: {
      text: 'Remove the entry; it does not block or allow anything.',
      url: NACL_DOC,
      defaultMode: 'notify',
    },
    triggers: NETWORK_ACL_TRIGGERS,
    inputs: [],
    reads: ['Vpcs'],
  },
  (nacl, ctx) => {
    const unknown = entriesUnknown(nacl);
    if (unknown) return unknown;
    const vpc = ctx.model.vpc(nacl.VpcId);
    const targets = unfilterableSet(vpc, ctx);
    const view = naclView(nacl, ctx);
    const ineffective = (['inbound', 'outbound'] as const).flatMap((direction) =>
      view[direction].entries
        .filter((e) => !CATCH_ALL_RULE_NUMBERS.has(e.ruleNumber) && !e.addresses.isEmpty() && e.addresses.isSubsetOf(targets.addresses))
        .map((e) => ({ direction, ruleNumber: e.ruleNumber, cidr: e.cidr })),
    );
    if (ineffective.length > 0) {
      return fail(`${ineffective.length} entr${ineffective.length === 1 ? 'y targets' : 'ies target'} addresses NACLs do not filter.`, {
        entries: ineffective,
      });
    }
    if (!vpc) return notApplicable(`VPC ${nacl.VpcId ?? '(none)'} is not in the snapshot (Vpcs): its DNS address is unknown.`, { missingInputs: ['Vpcs'] });
    return pass('No entry targets only unfilterable addresses.');
  },
);
