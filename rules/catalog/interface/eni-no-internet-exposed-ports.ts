import { authorizedPorts, type EvaluationContext } from '../../engine/context';
import { formatRange, formatTraffic, rangesOutside, TCP, UDP } from '../../engine/protocols';
import { describeExposure, type ExposedOf, type ExposedRange, type ExposurePath, REACHABILITY_INPUTS, REACHABILITY_READS, reachability } from '../../engine/reachability';
import { defineRule, fail, notApplicable, pass, provenOrUnknown } from '../../engine/rule';
import { interfaceIngress, unresolvedEvidence } from '../../engine/sg-exposure';
import type { NetworkInterface } from '../../engine/snapshot-schema';
import type { RuleResult, Severity } from '../../engine/types';
import { agreeOrUndecided } from '../../engine/unknown-prefix-lists';
import { INTERFACE_EXPOSURE_TRIGGERS } from './triggers';

const ADMIN_PORTS = [22, 3389];

export default defineRule(
  {
    id: 'eni-no-internet-exposed-ports',
    title: 'Network interfaces are reachable from the internet only on authorized ports',
    description:
      'FAILS when the interface is internet-reachable (public address, route to an internet gateway, NACL in and out, security groups) on a tcp/udp port sg-public-ports-authorized would not allow; CRITICAL when the port is 22 or 3389. The evidence shows the path: internet gateway, route table and route, NACL rule numbers and security-group rules.',
    severity: 'HIGH',
    resourceKind: 'NetworkInterface',
    compliance: {},
    remediation: {
      text: 'Close the path at any layer: remove the security-group rule, deny the port in the subnet NACL, move the interface to a private subnet, or release its public address.',
      url: 'https://docs.aws.amazon.com/vpc/latest/reachability/what-is-reachability-analyzer.html',
      defaultMode: 'notify',
    },
    triggers: INTERFACE_EXPOSURE_TRIGGERS,
    inputs: REACHABILITY_INPUTS,
    reads: REACHABILITY_READS,
  },
  (eni, ctx) => {
    const r = reachability(eni, ctx);
    // The keys exist but do not cover this interface (say its subnet's NACL is not listed).
    if (!r.known) return notApplicable(`Reachability cannot be decided: ${r.missing.join('; ')}.`, { missingInputs: r.missing });
    // Unresolved prefix lists flow through every layer: decided with them empty and open.
    const result = agreeOrUndecided(eni, r.exposed, r.exposedIfListsOpen, r.unresolvedPrefixLists, ctx, verdict);
    if (r.ingressMissing.length === 0) return result;
    // Some of its groups are unknown: what the known ones expose is proven, the rest is not.
    const missing = r.ingressMissing;
    const unknown = notApplicable(`Reachability cannot be decided: ${missing.join('; ')}.`, { missingInputs: missing });
    return provenOrUnknown(result, unknown, `The snapshot lacks ${missing.join(', ')}: more may be reachable.`);
  },
);

/** The verdict for one view of the interface's exposure. */
function verdict(eni: NetworkInterface, exposedOf: ExposedOf, ctx: EvaluationContext): RuleResult {
  const tcp = exposedOf(TCP);
  const udp = exposedOf(UDP);
  // Unresolved prefix lists are named in the evidence whatever the verdict.
  const unresolved = unresolvedEvidence(interfaceIngress(eni, ctx).exposure);
  if (tcp.length + udp.length === 0) return pass('Not reachable from the internet on any tcp or udp port.', unresolved);
  const exposed = [...tcp, ...udp];
  const offending = exposed.flatMap((e) => rangesOutside(e.range, authorizedPorts(ctx, e.protocol)).map((range) => ({ ...e, range })));
  if (offending.length === 0) {
    return pass(`Reachable from the internet only on authorized ports (${exposed.map((e) => formatRange(e.range)).join(', ')}).`, unresolved);
  }
  const admin = offending.some((e) => ADMIN_PORTS.some((p) => e.range.from <= p && p <= e.range.to));
  const severity: Severity = admin ? 'CRITICAL' : 'HIGH';
  const described = offending.map((e) => describeExposure(e, ctx));
  return fail(`Reachable from the internet ${pathsText(offending)}.`, { exposed: described, ...unresolved }, severity);
}

/**
 * "on tcp 22 via igw-1, rtb-1, acl-1 (rule 100) and sgr-1". Ranges sharing a whole path are
 * listed together, and each path names its own security-group rules, so no port is credited to
 * another range's rule. Paths that differ only in their security-group rules say the network
 * part once: "via igw-1, rtb-1, acl-1 (rule 100): tcp 22 through sgr-1; tcp 8080 through sgr-2".
 */
function pathsText(offending: readonly ExposedRange[]): string {
  const byPath = new Map<string, { traffic: string[]; network: string; rules: string }>();
  for (const e of offending) {
    const network = networkText(e.path);
    const rules = e.path.securityGroupRules.join(', ');
    const key = `${network} and ${rules}`;
    let group = byPath.get(key);
    if (!group) byPath.set(key, (group = { traffic: [], network, rules }));
    group.traffic.push(formatTraffic(e.protocol, e.range));
  }
  const groups = [...byPath.values()];
  if (groups.length > 1 && groups.every((g) => g.network === groups[0].network)) {
    return `via ${groups[0].network}: ${groups.map((g) => `${g.traffic.join(', ')} through ${g.rules}`).join('; ')}`;
  }
  return groups.map((g) => `on ${g.traffic.join(', ')} via ${g.network} and ${g.rules}`).join('; ');
}

function networkText(path: ExposurePath): string {
  const nacl = `${path.naclInbound.length === 1 ? 'rule' : 'rules'} ${path.naclInbound.join(', ')}`;
  return `${path.internetGateways.join(', ')}, ${path.routeTable}, ${path.networkAcl} (${nacl})`;
}
