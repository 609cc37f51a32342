import { AddressSet } from './address-set';
import type { EvaluationContext } from './context';
import { hasPorts, type PortRange, protocolLabel, TCP, UDP } from './protocols';
import { covers, type SgRule, sourceText } from './sg-rules';
import type { SecurityGroup } from './snapshot-schema';

/** A rule that contributes public, untrusted addresses: the only rules that can open a port. */
export interface PublicRule {
  rule: SgRule;
  addresses: AddressSet;
}

export interface DirectionExposure {
  rules: SgRule[];
  publicRules: PublicRule[];
  /** Customer prefix lists whose entries the snapshot lacks (they add nothing, catalog.md). */
  unresolvedPrefixLists: string[];
}

export interface OpenRange {
  protocol: number;
  range: PortRange;
  addresses: AddressSet;
  rules: SgRule[];
}

/** The addresses a rule's source names: CIDR, or a customer prefix list's entries. */
export function ruleAddresses(rule: SgRule, ctx: EvaluationContext): { addresses: AddressSet; unresolved?: string } {
  if (rule.cidr) return { addresses: AddressSet.fromCidrs([rule.cidr]) };
  if (rule.prefixListId) {
    const pl = ctx.model.prefixList(rule.prefixListId);
    if (pl.awsManaged) return { addresses: AddressSet.EMPTY };
    if (!pl.cidrs) return { addresses: AddressSet.EMPTY, unresolved: pl.id };
    return { addresses: AddressSet.fromCidrs(pl.cidrs) };
  }
  return { addresses: AddressSet.EMPTY }; // a group reference adds no address
}

/** Ingress or egress of a group, reduced to what can make it internet-open. Memoized per run. */
export function directionExposure(group: SecurityGroup, egress: boolean, ctx: EvaluationContext): DirectionExposure {
  return ctx.memo(group, egress ? 'egress' : 'ingress', () => {
    const { ingress, egress: out } = ctx.model.rulesOf(group);
    const rules = egress ? out : ingress;
    const publicRules: PublicRule[] = [];
    const unresolved = new Set<string>();
    for (const rule of rules) {
      const { addresses, unresolved: pl } = ruleAddresses(rule, ctx);
      if (pl) unresolved.add(pl);
      const pub = ctx.exposure.publicPart(addresses);
      if (!pub.isEmpty()) publicRules.push({ rule, addresses: pub });
    }
    return { rules, publicRules, unresolvedPrefixLists: [...unresolved] };
  });
}

/** The public part of the source set of (protocol, port), and the rules that make it up. */
export function sourceSet(exp: DirectionExposure, protocol: number, port: number): { addresses: AddressSet; rules: SgRule[] } {
  let addresses = AddressSet.EMPTY;
  const rules: SgRule[] = [];
  for (const p of exp.publicRules) {
    if (!covers(p.rule, protocol, port)) continue;
    addresses = addresses.union(p.addresses);
    rules.push(p.rule);
  }
  return { addresses, rules };
}

/**
 * Port ranges of `protocol` whose source set is internet-open, computed exactly: the port space
 * is cut at every rule boundary and each piece is decided once (no port sampling).
 */
export function openRanges(exp: DirectionExposure, protocol: number, ctx: EvaluationContext): OpenRange[] {
  const relevant = exp.publicRules.filter((p) => p.rule.protocol === -1 || p.rule.protocol === protocol);
  if (relevant.length === 0) return [];
  if (!hasPorts(protocol)) {
    const { addresses, rules } = sourceSet(exp, protocol, 0);
    return ctx.exposure.isInternetOpenPublic(addresses) ? [{ protocol, range: { from: 0, to: 65535 }, addresses, rules }] : [];
  }
  const cuts = new Set<number>([0]);
  for (const p of relevant) {
    cuts.add(p.rule.ports.from);
    if (p.rule.ports.to < 65535) cuts.add(p.rule.ports.to + 1);
  }
  const starts = [...cuts].sort((a, b) => a - b);
  const out: OpenRange[] = [];
  for (let i = 0; i < starts.length; i++) {
    const range = { from: starts[i], to: i + 1 < starts.length ? starts[i + 1] - 1 : 65535 };
    const { addresses, rules } = sourceSet({ ...exp, publicRules: relevant }, protocol, range.from);
    if (!ctx.exposure.isInternetOpenPublic(addresses)) continue;
    const last = out[out.length - 1];
    if (last && last.range.to + 1 === range.from && last.addresses.equals(addresses)) last.range.to = range.to;
    else out.push({ protocol, range, addresses, rules });
  }
  return out;
}

/** Open ranges over tcp, udp and every other protocol a public rule names ("-1" = all). */
export function allOpenRanges(exp: DirectionExposure, ctx: EvaluationContext): OpenRange[] {
  const protocols = new Set<number>([TCP, UDP]);
  for (const p of exp.publicRules) protocols.add(p.rule.protocol);
  return [...protocols].flatMap((proto) => openRanges(exp, proto, ctx));
}

/** Evidence form of a rule: id when known, protocol, ports, source. */
export function describeRule(rule: SgRule): Record<string, unknown> {
  return {
    ...(rule.ruleId ? { ruleId: rule.ruleId } : {}),
    protocol: protocolLabel(rule.protocol),
    ...(hasPorts(rule.protocol) ? { ports: `${rule.ports.from}-${rule.ports.to}` } : {}),
    source: sourceText(rule),
  };
}
