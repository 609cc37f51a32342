import { AddressSet } from '../../engine/address-set';
import { naclView } from '../../engine/nacl';
import { defineRule, fail, pass } from '../../engine/rule';
import { NACL_DOC, NETWORK_ACL_TRIGGERS } from '../triggers';
import { entriesUnknown, skipDefaultNacl } from './default-nacl';

export default defineRule(
  {
    id: 'nacl-no-public-all-traffic',
    title: 'Network ACLs do not allow all traffic from the internet',
    description:
      'FAILS when the addresses whose first inbound match (for some protocol and port) is an allow entry with Protocol -1 are internet-open. The default NACL is NOT_APPLICABLE unless includeDefaultNacl.',
    severity: 'MEDIUM',
    resourceKind: 'NetworkAcl',
    compliance: { prowler: ['ec2_networkacl_allow_ingress_any_port'] },
    remediation: {
      text: 'Replace the all-traffic allow with entries for the protocols and ports the subnet serves.',
      url: NACL_DOC,
      kind: 'deny-in-nacl',
      defaultMode: 'notify',
    },
    triggers: NETWORK_ACL_TRIGGERS,
    inputs: [],
    reads: [],
  },
  (nacl, ctx) => {
    const skip = skipDefaultNacl(nacl, ctx);
    if (skip) return skip;
    const unknown = entriesUnknown(nacl);
    if (unknown) return unknown;
    const { inbound } = naclView(nacl, ctx);
    let decidedByAllowAll = AddressSet.EMPTY;
    const ruleNumbers = new Set<number>();
    for (const { hits } of inbound.classes()) {
      for (const hit of hits) {
        if (!hit.entry.allow || hit.entry.protocol !== -1) continue;
        decidedByAllowAll = decidedByAllowAll.union(hit.addresses);
        ruleNumbers.add(hit.entry.ruleNumber);
      }
    }
    const pub = ctx.exposure.publicPart(decidedByAllowAll);
    if (!ctx.exposure.isInternetOpenPublic(pub)) return pass('No all-traffic allow entry admits the internet.');
    const rules = [...ruleNumbers].sort((a, b) => a - b);
    return fail(`All-traffic allow entries (rule ${rules.join(', ')}) admit the internet.`, {
      allowedBy: rules,
      allowedFrom: decidedByAllowAll.describe(),
    });
  },
);
