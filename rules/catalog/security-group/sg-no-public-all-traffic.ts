import { AddressSet } from '../../engine/address-set';
import { hasPorts, TCP, UDP } from '../../engine/protocols';
import { defineRule, fail, pass } from '../../engine/rule';
import { describeRule, directionExposure, rulesUnknown, sourcesOf, unresolvedEvidence } from '../../engine/sg-exposure';
import type { SgRule } from '../../engine/sg-rules';
import { exposedNote, exposureSeverity } from '../../engine/exposure-severity';
import { SECURITY_GROUP_USE_TRIGGERS, SG_RULES_DOC } from '../triggers';

/** IpProtocol -1, or tcp/udp over the whole port range (0 or 1 to 65535). */
function coversEveryPort(rule: SgRule): boolean {
  if (rule.protocol === -1) return true;
  return hasPorts(rule.protocol) && rule.fromPort <= 1 && rule.toPort === 65535;
}

export default defineRule(
  {
    id: 'sg-no-public-all-traffic',
    title: 'Security groups do not allow all traffic or all ports from the internet',
    description:
      'FAILS when the union of the sources of ingress rules that cover every port (IpProtocol -1, or tcp/udp 0-65535) is internet-open.',
    severity: 'HIGH',
    resourceKind: 'SecurityGroup',
    compliance: { prowler: ['ec2_securitygroup_allow_ingress_from_internet_to_all_ports'] },
    remediation: {
      text: 'Replace all-ports rules with rules for the ports the workload serves, from the sources that need them.',
      url: SG_RULES_DOC,
      kind: 'revoke-public-ingress',
      defaultMode: 'auto',
    },
    triggers: SECURITY_GROUP_USE_TRIGGERS,
    inputs: [],
  },
  (group, ctx) => {
    const unknown = rulesUnknown(group, ['ingress'], ctx);
    if (unknown) return unknown;
    const exp = directionExposure(group, false, ctx);
    const offending = exp.publicRules.filter((p) => coversEveryPort(p.rule));
    const union = offending.reduce((set, p) => set.union(p.addresses), AddressSet.EMPTY);
    if (!ctx.exposure.isInternetOpenPublic(union)) {
      return pass('No all-ports ingress is open to the internet.', unresolvedEvidence(exp));
    }
    const sources = sourcesOf(offending.map((p) => p.rule));
    // Exposure counts only on the protocols these rules open: a tcp 0-65535 rule is not made
    // CRITICAL by udp 53 reaching the interface through another rule.
    const allPortsOf = offending.some((p) => p.rule.protocol === -1) ? [TCP, UDP] : [...new Set(offending.map((p) => p.rule.protocol))];
    const { severity, exposure } = exposureSeverity(group, 'HIGH', { allPortsOf }, ctx);
    const evidence = { sources, rules: offending.map((p) => describeRule(p.rule)), exposure, ...unresolvedEvidence(exp) };
    return fail(`All-ports ingress is open to the internet from ${sources.join(', ')}${exposedNote(exposure)}.`, evidence, severity);
  },
);
