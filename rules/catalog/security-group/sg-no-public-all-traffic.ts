import type { EvaluationContext } from '../../engine/context';
import { protocolLabel, TCP, UDP } from '../../engine/protocols';
import { defineRule, fail, pass } from '../../engine/rule';
import {
  type DirectionExposure,
  describeRule,
  directionExposure,
  type OpenRange,
  openRanges,
  rulesUnknown,
  SOURCE_SET_READS,
  sourcesOf,
  unresolvedEvidence,
} from '../../engine/sg-exposure';
import type { SecurityGroup } from '../../engine/snapshot-schema';
import type { RuleResult } from '../../engine/types';
import { decideWithUnknownLists, withListsOpen } from '../../engine/unknown-prefix-lists';
import { exposedNote, exposureSeverity } from '../../engine/exposure-severity';
import { SECURITY_GROUP_USE_TRIGGERS, SG_RULES_DOC } from '../triggers';

/** Whether the open ranges of one protocol (sorted, disjoint) hold every port 1-65535. */
function everyPortOpen(ranges: readonly OpenRange[]): boolean {
  let next = 1;
  for (const { range } of ranges) {
    if (range.to < next) continue;
    if (range.from > next) return false;
    next = range.to + 1;
  }
  return next > 65535;
}

/**
 * What is open on every port: "-1" rules whose sources are internet-open (every protocol), else
 * tcp and/or udp whose per-port source sets are internet-open on all of 1-65535, however the
 * ports are split across rules. Built on the open ranges the port rules share.
 */
function allPortsOpen(exp: DirectionExposure, ctx: EvaluationContext): { protocols: number[]; ranges: OpenRange[] } {
  const any = openRanges(exp, -1, ctx);
  if (any.length > 0) return { protocols: [-1], ranges: any };
  const protocols: number[] = [];
  const ranges: OpenRange[] = [];
  for (const protocol of [TCP, UDP]) {
    const open = openRanges(exp, protocol, ctx);
    if (!everyPortOpen(open)) continue;
    protocols.push(protocol);
    ranges.push(...open);
  }
  return { protocols, ranges };
}

/** The traffic all-ports exposure offends on: tcp and udp for "-1" (the only protocols reachability knows). */
function allPortsOffending(protocols: readonly number[]): { allPortsOf: readonly number[] } {
  return { allPortsOf: protocols[0] === -1 ? [TCP, UDP] : protocols };
}

/** The verdict for one view of the group's sources (docs/semantics.md "Source set"). */
function verdict(group: SecurityGroup, exp: DirectionExposure, ctx: EvaluationContext): RuleResult {
  const { protocols, ranges } = exp.canBeOpen ? allPortsOpen(exp, ctx) : NOTHING;
  if (protocols.length === 0) return pass('No all-ports ingress is open to the internet.', unresolvedEvidence(exp));
  const rules = [...new Set(ranges.flatMap((o) => o.rules))];
  const sources = sourcesOf(rules);
  // Exposure counts only on the protocols open on every port: a tcp 0-65535 rule is not made
  // CRITICAL by udp 53 reaching the interface through another rule. Unresolved prefix lists
  // may open more of them: those decide which interfaces are undecided.
  const ifOpen = withListsOpen(exp, ctx);
  const offendingIfOpen = ifOpen === exp ? protocols : allPortsOpen(ifOpen, ctx).protocols;
  const { severity, exposure } = exposureSeverity(group, 'HIGH', allPortsOffending(protocols), ctx, allPortsOffending(offendingIfOpen));
  const evidence = { protocols: protocols.map(protocolLabel), sources, rules: rules.map(describeRule), exposure, ...unresolvedEvidence(exp) };
  const which = protocols[0] === -1 ? 'All-ports ingress is' : `All ${protocols.map(protocolLabel).join(' and ')} ports are`;
  return fail(`${which} open to the internet from ${sources.join(', ')}${exposedNote(exposure)}.`, evidence, severity);
}

const NOTHING: { protocols: number[]; ranges: OpenRange[] } = Object.freeze({ protocols: [], ranges: [] });

export default defineRule(
  {
    id: 'sg-no-public-all-traffic',
    title: 'Security groups do not allow all traffic or all ports from the internet',
    description:
      'FAILS when the sources of IpProtocol -1 ingress rules are internet-open, or every port 1-65535 of tcp (or of udp) is internet-open by its own source set, however the ports are split across rules.',
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
    reads: SOURCE_SET_READS,
  },
  (group, ctx) => {
    const unknown = rulesUnknown(group, ['ingress'], ctx);
    if (unknown) return unknown;
    return decideWithUnknownLists(group, directionExposure(group, false, ctx), ctx, verdict);
  },
);
