import { AddressSet } from './address-set';
import { sameItems } from './collections';
import type { EvaluationContext } from './context';
import { hasPorts, type PortRange, protocolLabel, TCP, UDP } from './protocols';
import { cidrOf, covers, fromListedRule, type ListedRule, type SgRule, sourceText } from './sg-rules';
import { type GroupRules, PREFIX_LIST_KEYS, type ResolvedPrefixList } from './model';
import { notApplicable } from './rule';
import type { NetworkInterface, SecurityGroup, SnapshotKey } from './snapshot-schema';
import type { RuleResult } from './types';

/**
 * What a group's source set reads besides the group (rule `reads`): SecurityGroupRules for rule
 * ids (IpPermissions fill in without them), and what resolves prefix-list sources.
 */
export const SOURCE_SET_READS: SnapshotKey[] = ['SecurityGroupRules', ...PREFIX_LIST_KEYS];

/** A rule that contributes public, untrusted addresses: the only rules that can open a port. */
export interface PublicRule {
  rule: SgRule;
  addresses: AddressSet;
}

export interface OpenRange {
  protocol: number;
  range: PortRange;
  /** Public part of the source set over the range. */
  addresses: AddressSet;
  rules: SgRule[];
}

export interface DirectionExposure {
  publicRules: PublicRule[];
  /** Customer prefix lists whose entries the snapshot lacks: unknown, not empty (docs/semantics.md). */
  unresolvedPrefixLists: string[];
  /**
   * The rules whose source is one of those lists. They add nothing here; `withListsOpen` adds
   * them as the whole internet, so a rule can see whether its verdict depends on them.
   */
  unresolvedRules: SgRule[];
  /**
   * False when even the union of every public source is not internet-open: then no port can be,
   * and every port check is decided without looking further (most groups in an account).
   */
  canBeOpen: boolean;
  /** Internet-open ranges per protocol, computed on first use (only groups that can be open). */
  openByProtocol?: Map<number, OpenRange[]>;
}

/**
 * The public part of a rule's source: CIDR, or a customer prefix list's entries (none for a trusted list). For an
 * unresolved prefix list (no entries in the snapshot) its id comes back instead of a set.
 * Reads the listed rule as it is (no wrapper objects or callbacks): this runs once per rule of
 * the inventory.
 */
function publicSource(rule: ListedRule, ctx: EvaluationContext): AddressSet | string {
  const cidr = cidrOf(rule);
  if (cidr) return ctx.exposure.publicPartOfCidr(cidr);
  if (rule.PrefixListId) {
    const pl = ctx.model.prefixList(rule.PrefixListId);
    // AWS service ranges, and the lists the customer trusts (settings.trustedPrefixLists): their
    // entries are the customer's own addresses, so even unresolved entries are not public.
    if (pl.awsManaged || ctx.settings.trustedPrefixLists.includes(pl.id)) return AddressSet.EMPTY;
    const cidrs = pl.cidrs;
    if (!cidrs) return pl.id;
    return ctx.memo(pl, 'public', prefixListPublicPart);
  }
  return AddressSet.EMPTY; // a group reference adds no address
}

const prefixListPublicPart = (pl: ResolvedPrefixList, ctx: EvaluationContext) => ctx.exposure.publicPart(AddressSet.fromCidrs(pl.cidrs ?? []));

/** The exposure of a direction with no public source: most groups, so one shared object. */
const NO_PUBLIC_SOURCES: DirectionExposure = Object.freeze({ publicRules: [], unresolvedPrefixLists: [], unresolvedRules: [], canBeOpen: false });

/**
 * NOT_APPLICABLE naming the rule lists the snapshot lacks for these directions, or null when
 * they are all there (docs/semantics.md: never PASS on missing data).
 */
export function rulesUnknown(group: SecurityGroup, directions: ReadonlyArray<'ingress' | 'egress'>, ctx: EvaluationContext): RuleResult | null {
  // Known on every real snapshot (a SecurityGroupRules listing, or both IpPermissions keys):
  // decided without allocating, since every SG rule asks for every group.
  if (directions.every((d) => ctx.model.rulesKnown(group, d === 'egress'))) return null;
  const missing = directions
    .filter((d) => !ctx.model.rulesKnown(group, d === 'egress'))
    .map((d) => (d === 'egress' ? 'IpPermissionsEgress' : 'IpPermissions'));
  return notApplicable(`The snapshot lists no ${missing.join(' or ')} for this group (and no SecurityGroupRules).`, {
    missingInputs: missing.map((m) => `SecurityGroups[${group.GroupId}].${m}`),
  });
}

/** A group's normalized rules, shared by the rules evaluating it. */
export function groupRules(group: SecurityGroup, ctx: EvaluationContext): GroupRules {
  return ctx.local(group, 'rules', normalizeRules);
}

const normalizeRules = (group: SecurityGroup, ctx: EvaluationContext) => ctx.model.rulesOf(group);

/** Ingress or egress of a group, reduced to what can make it internet-open. Memoized per group. */
export function directionExposure(group: SecurityGroup, egress: boolean, ctx: EvaluationContext): DirectionExposure {
  return egress ? ctx.memo(group, 'egress', egressExposure) : ctx.memo(group, 'ingress', ingressExposure);
}

const ingressExposure = (group: SecurityGroup, ctx: EvaluationContext) => computeExposure(ctx.model.listing(group, false), ctx);
const egressExposure = (group: SecurityGroup, ctx: EvaluationContext) => computeExposure(ctx.model.listing(group, true), ctx);

/**
 * Scans the listed rules and normalizes only those with public sources (about one in five on
 * a real account): the rest cannot open anything, and building objects for them was the
 * largest allocation of an evaluation.
 */
function computeExposure(rules: readonly ListedRule[], ctx: EvaluationContext): DirectionExposure {
  let publicRules: PublicRule[] | undefined;
  let unresolved: string[] | undefined;
  let unresolvedRules: SgRule[] | undefined;
  // The union of public sources, kept only until one rule alone is internet-open (0.0.0.0/0,
  // the usual case): then the group can be open whatever the others add.
  let all: AddressSet | null = AddressSet.EMPTY;
  for (let i = 0; i < rules.length; i++) {
    const addresses = publicSource(rules[i], ctx);
    if (typeof addresses === 'string') {
      unresolved ??= [];
      if (!unresolved.includes(addresses)) unresolved.push(addresses);
      (unresolvedRules ??= []).push(fromListedRule(rules[i]));
      continue;
    }
    if (addresses.isEmpty()) continue;
    (publicRules ??= []).push({ rule: fromListedRule(rules[i]), addresses });
    if (all) all = ctx.exposure.isInternetOpenPublic(addresses) ? null : all.union(addresses);
  }
  if (!publicRules && !unresolved) return NO_PUBLIC_SOURCES;
  const canBeOpen = all === null || ctx.exposure.isInternetOpenPublic(all);
  return { publicRules: publicRules ?? [], unresolvedPrefixLists: unresolved ?? [], unresolvedRules: unresolvedRules ?? [], canBeOpen };
}

/**
 * The ingress an interface gets: the union of its groups' public rules. `missing` names what the
 * snapshot lacks to know it: the interface's Groups list, a group, or a group's ingress list.
 * Memoized: reachability and the interface rules all ask.
 */
export function interfaceIngress(eni: NetworkInterface, ctx: EvaluationContext): InterfaceIngress {
  return ctx.memo(eni, 'interface-ingress', computeInterfaceIngress);
}

export interface InterfaceIngress {
  missing: string[];
  exposure: DirectionExposure;
}

function computeInterfaceIngress(eni: NetworkInterface, ctx: EvaluationContext): InterfaceIngress {
  if (eni.Groups === undefined) return { missing: [`NetworkInterfaces[${eni.NetworkInterfaceId}].Groups`], exposure: NO_PUBLIC_SOURCES };
  const missing: string[] = [];
  const parts: DirectionExposure[] = [];
  for (const { GroupId: id } of eni.Groups) {
    const group = ctx.model.group(id);
    if (!group) missing.push(`SecurityGroups (${id})`);
    else if (!ctx.model.rulesKnown(group, false)) missing.push(`SecurityGroups[${id}].IpPermissions`);
    else parts.push(directionExposure(group, false, ctx));
  }
  if (parts.length === 1) return { missing, exposure: parts[0] };
  const publicRules = parts.flatMap((p) => p.publicRules);
  const unresolvedPrefixLists = [...new Set(parts.flatMap((p) => p.unresolvedPrefixLists))];
  if (publicRules.length === 0 && unresolvedPrefixLists.length === 0) return { missing, exposure: NO_PUBLIC_SOURCES };
  const all = publicRules.reduce((set, p) => set.union(p.addresses), AddressSet.EMPTY);
  const unresolvedRules = parts.flatMap((p) => p.unresolvedRules);
  return { missing, exposure: { publicRules, unresolvedPrefixLists, unresolvedRules, canBeOpen: ctx.exposure.isInternetOpenPublic(all) } };
}

/** Union of the public sources of the rules covering (protocol, port), and those rules. */
function sourceSet(candidates: readonly PublicRule[], protocol: number, port: number): { addresses: AddressSet; rules: SgRule[] } {
  let addresses = AddressSet.EMPTY;
  const rules: SgRule[] = [];
  for (const p of candidates) {
    if (!covers(p.rule, protocol, port)) continue;
    addresses = addresses.union(p.addresses);
    rules.push(p.rule);
  }
  return { addresses, rules };
}

/**
 * Port ranges of `protocol` whose source set is internet-open, computed exactly: the port space
 * is cut at every rule boundary and each piece is decided once (no port sampling). "-1" as the
 * protocol asks about protocols no rule names, which only "-1" rules cover.
 */
export function openRanges(exp: DirectionExposure, protocol: number, ctx: EvaluationContext): OpenRange[] {
  if (!exp.canBeOpen) return [];
  exp.openByProtocol ??= new Map();
  let cached = exp.openByProtocol.get(protocol);
  if (!cached) {
    cached = computeOpenRanges(exp, protocol, ctx);
    exp.openByProtocol.set(protocol, cached);
  }
  return cached;
}

function computeOpenRanges(exp: DirectionExposure, protocol: number, ctx: EvaluationContext): OpenRange[] {
  const relevant = exp.publicRules.filter((p) => p.rule.protocol === -1 || p.rule.protocol === protocol);
  if (relevant.length === 0) return [];
  if (!hasPorts(protocol)) {
    const { addresses, rules } = sourceSet(relevant, protocol, 0);
    return ctx.exposure.isInternetOpenPublic(addresses) ? [{ protocol, range: { from: 0, to: 65535 }, addresses, rules }] : [];
  }
  const cuts = new Set<number>([0]);
  for (const p of relevant) {
    cuts.add(p.rule.fromPort);
    if (p.rule.toPort < 65535) cuts.add(p.rule.toPort + 1);
  }
  const starts = [...cuts].sort((a, b) => a - b);
  const out: OpenRange[] = [];
  for (let i = 0; i < starts.length; i++) {
    const range = { from: starts[i], to: i + 1 < starts.length ? starts[i + 1] - 1 : 65535 };
    const { addresses, rules } = sourceSet(relevant, protocol, range.from);
    if (!ctx.exposure.isInternetOpenPublic(addresses)) continue;
    // Neighbouring pieces merge only when the same rules open them: each range's rules are
    // exactly the rules covering every port in it, which is what a revoke plan needs.
    const last = out[out.length - 1];
    if (last && last.range.to + 1 === range.from && sameItems(last.rules, rules)) last.range.to = range.to;
    else out.push({ protocol, range, addresses, rules });
  }
  return out;
}

/** `{ unresolvedPrefixLists }` when there are any, for a finding's evidence. */
export function unresolvedEvidence(exp: DirectionExposure): { unresolvedPrefixLists?: string[] } {
  return exp.unresolvedPrefixLists.length ? { unresolvedPrefixLists: exp.unresolvedPrefixLists } : NO_UNRESOLVED;
}

/** Shared by the (many) findings with nothing unresolved; spread or read, never mutated. */
const NO_UNRESOLVED: { unresolvedPrefixLists?: string[] } = Object.freeze({});

/** The open range holding (protocol, port), if that port is internet-open. */
export function openAt(exp: DirectionExposure, protocol: number, port: number, ctx: EvaluationContext): OpenRange | undefined {
  if (!exp.canBeOpen) return undefined;
  return openRanges(exp, protocol, ctx).find((o) => o.range.from <= port && port <= o.range.to);
}

/** Open ranges over tcp, udp and every other protocol a public rule names ("-1" = all). */
export function allOpenRanges(exp: DirectionExposure, ctx: EvaluationContext): OpenRange[] {
  if (!exp.canBeOpen) return [];
  const protocols = new Set<number>([TCP, UDP]);
  for (const p of exp.publicRules) protocols.add(p.rule.protocol);
  return [...protocols].flatMap((proto) => openRanges(exp, proto, ctx));
}

/**
 * An open range's sources and rules in evidence form, built once per range: a group open on
 * 0-65535 is reported for each of 31 high-risk ports and by several rules, all the same range.
 * The evidence objects are shared between findings (they are never mutated).
 */
export function describeOpenRange(open: OpenRange, ctx: EvaluationContext): { sources: string[]; rules: Record<string, unknown>[] } {
  return ctx.memo(open, 'described', describeOpen);
}

const describeOpen = (open: OpenRange) => ({ sources: sourcesOf(open.rules), rules: open.rules.map(describeRule) });

/** The sources as the rules wrote them (0.0.0.0/0, pl-…), for messages and evidence. */
export function sourcesOf(rules: readonly SgRule[]): string[] {
  return [...new Set(rules.map(sourceText))];
}

/** Evidence form of a rule: id when known, protocol, ports, source. */
export function describeRule(rule: SgRule): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (rule.ruleId) out.ruleId = rule.ruleId;
  out.protocol = protocolLabel(rule.protocol);
  if (hasPorts(rule.protocol)) out.ports = `${rule.fromPort}-${rule.toPort}`;
  out.source = sourceText(rule);
  return out;
}
