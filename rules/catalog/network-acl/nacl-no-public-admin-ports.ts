import { naclView } from '../../engine/nacl';
import { protocolLabel, TCP, UDP } from '../../engine/protocols';
import { defineRule, fail, pass } from '../../engine/rule';
import { FSBP_EC2_DOC, NETWORK_ACL_TRIGGERS } from '../triggers';
import { entriesUnknown, skipDefaultNacl } from './default-nacl';

const ADMIN_PORTS = [22, 3389].flatMap((port) => [TCP, UDP].map((protocol) => ({ protocol, port })));

export default defineRule(
  {
    id: 'nacl-no-public-admin-ports',
    title: 'Network ACLs do not allow ingress from the internet to remote administration ports (22, 3389)',
    description:
      'FAILS when the effective inbound allowed set of tcp or udp 22 or 3389 is internet-open, evaluating entries in rule-number order with deny honoured. The default NACL is NOT_APPLICABLE unless includeDefaultNacl.',
    severity: 'MEDIUM',
    resourceKind: 'NetworkAcl',
    compliance: { 'aws-fsbp': ['EC2.21'], 'cis-aws-3.0': ['5.1'] },
    remediation: {
      text: 'Add deny entries for 22 and 3389 from 0.0.0.0/0 and ::/0 ahead of the allow, or narrow the allow to known CIDRs.',
      url: `${FSBP_EC2_DOC}#ec2-21`,
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
    const openPorts = [];
    for (const { protocol, port } of ADMIN_PORTS) {
      const { addresses, hits } = inbound.allowed(protocol, port);
      const pub = ctx.exposure.publicPart(addresses);
      if (!ctx.exposure.isInternetOpenPublic(pub)) continue;
      openPorts.push({
        protocol: protocolLabel(protocol),
        port,
        allowedFrom: addresses.describe(),
        // Only the allows that admit public addresses: the ones a deny must go in front of.
        allowedBy: hits.filter((h) => !ctx.exposure.publicPart(h.addresses).isEmpty()).map((h) => h.entry.ruleNumber),
      });
    }
    if (openPorts.length === 0) return pass('Inbound 22 and 3389 are not allowed from the internet.');
    const list = openPorts.map((o) => `${o.protocol} ${o.port} (rule ${o.allowedBy.join(', ')})`).join(', ');
    return fail(`Inbound from the internet is allowed on ${list}.`, { openPorts });
  },
);
