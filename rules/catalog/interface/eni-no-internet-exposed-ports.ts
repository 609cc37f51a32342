import { authorizedPorts } from '../../engine/context';
import { formatRange, rangesOutside, TCP, UDP } from '../../engine/protocols';
import { describeExposure, REACHABILITY_INPUTS, reachability } from '../../engine/reachability';
import { defineRule, fail, notApplicable, pass } from '../../engine/rule';
import { interfaceIngress, unresolvedEvidence } from '../../engine/sg-exposure';
import type { Severity } from '../../engine/types';
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
  },
  (eni, ctx) => {
    const r = reachability(eni, ctx);
    // The keys exist but do not cover this interface (say its subnet's NACL is not listed).
    if (!r.known) return notApplicable(`Reachability cannot be decided: ${r.missing.join('; ')}.`, { missingInputs: r.missing });
    const tcp = r.exposed(TCP);
    const udp = r.exposed(UDP);
    // Prefix lists without entries add nothing to the verdict; the evidence names them.
    const unresolved = unresolvedEvidence(interfaceIngress(eni, ctx).exposure);
    if (tcp.length + udp.length === 0) return pass('Not reachable from the internet on any tcp or udp port.', unresolved);
    const exposed = [...tcp, ...udp];
    const offending = exposed.flatMap((e) =>
      rangesOutside(e.range, authorizedPorts(ctx, e.protocol)).map((range) => ({ ...e, range })),
    );
    if (offending.length === 0) {
      return pass(`Reachable from the internet only on authorized ports (${exposed.map((e) => formatRange(e.range)).join(', ')}).`, unresolved);
    }
    const admin = offending.some((e) => ADMIN_PORTS.some((p) => e.range.from <= p && p <= e.range.to));
    const severity: Severity = admin ? 'CRITICAL' : 'HIGH';
    const described = offending.map((e) => describeExposure(e, ctx));
    const list = described.map((d) => `${d.protocol} ${d.ports}`).join(', ');
    const path = offending[0].path;
    return fail(
      `Reachable from the internet on ${list} via ${path.internetGateways.join(', ')}, ${path.routeTable}, ${path.networkAcl} (${path.naclInbound.length === 1 ? 'rule' : 'rules'} ${path.naclInbound.join(', ')}) and ${path.securityGroupRules.join(', ')}.`,
      { exposed: described, ...unresolved },
      severity,
    );
  },
);
