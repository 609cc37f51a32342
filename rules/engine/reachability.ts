import { AddressSet } from './address-set';
import { describeClients, IPV4_ONLY, IPV6_ONLY } from './client-description';
import { sameItems } from './collections';
import type { EvaluationContext } from './context';
import type { SnapshotModel } from './model';
import { naclView, type NaclView } from './nacl';
import { formatRange, hasPorts, type PortRange, protocolLabel } from './protocols';
import { isGlobalIpv6Address } from './public-address';
import { internetRoutedAddresses, type ResolvedRoute, tableForSubnet } from './routes';
import { covers, type SgRule } from './sg-rules';
import { type DirectionExposure, interfaceIngress, openRanges, type PublicRule, SOURCE_SET_READS } from './sg-exposure';
import { prefixListInputs, withListsOpen } from './unknown-prefix-lists';
import type { NetworkAcl, NetworkInterface, RouteTable, SnapshotKey } from './snapshot-schema';

/** Snapshot keys reachability needs besides NetworkInterfaces (docs/semantics.md). */
export const REACHABILITY_INPUTS: SnapshotKey[] = ['SecurityGroups', 'Subnets', 'RouteTables', 'NetworkAcls'];

/**
 * Keys reachability reads when present: the groups' source sets, and whether a route's internet
 * gateway is attached (an unlisted one is taken as attached). Prefix-list routes resolve through
 * the same PREFIX_LIST_KEYS the source sets read.
 */
export const REACHABILITY_READS: SnapshotKey[] = [...SOURCE_SET_READS, 'InternetGateways'];

const GLOBAL_IPV6 = AddressSet.fromCidrs(['2000::/3']);

/** One range of ports on which an interface is reachable from an internet-open set of clients. */
export interface ExposedRange {
  protocol: number;
  range: PortRange;
  clients: AddressSet;
  path: ExposurePath;
}

/** How the internet gets in: the evidence docs/semantics.md asks for. */
export interface ExposurePath {
  internetGateways: string[];
  routeTable: string;
  routes: string[];
  networkAcl: string;
  naclInbound: number[];
  naclOutbound: number[];
  securityGroupRules: string[];
}

export type ExposedOf = (protocol: number) => readonly ExposedRange[];

export type Reachability =
  | { known: false; missing: string[] }
  | {
      known: true;
      /** Exposure with unresolved customer prefix lists empty. */
      exposed: ExposedOf;
      /**
       * The same with those lists the whole internet (docs/semantics.md "Source set": unknown, not
       * empty); `exposed` itself when the interface's groups name no such list.
       */
      exposedIfListsOpen: ExposedOf;
      unresolvedPrefixLists: readonly string[];
      /**
       * Ingress the snapshot lacks (a group, or a group's ingress list): then both are only what
       * the known groups already expose, a lower bound (docs/semantics.md "NOT_APPLICABLE": a FAIL
       * the data present proves stands); empty when every group is known.
       */
      ingressMissing: readonly string[];
    };

const NOTHING_EXPOSED: readonly ExposedRange[] = Object.freeze([]);
const exposesNothing: ExposedOf = () => NOTHING_EXPOSED;

/** Shared by every interface that cannot be exposed (most of them). */
const NOT_EXPOSED: Extract<Reachability, { known: true }> = { known: true, exposed: exposesNothing, exposedIfListsOpen: exposesNothing, unresolvedPrefixLists: [], ingressMissing: [] };

/** The NACL a subnet is associated with (every subnet has exactly one). */
function naclForSubnet(subnetId: string, ctx: EvaluationContext): NetworkAcl | undefined {
  return ctx.memo(ctx.model, 'nacl-by-subnet', naclsBySubnet).get(subnetId);
}

function naclsBySubnet(model: SnapshotModel): Map<string, NetworkAcl> {
  const map = new Map<string, NetworkAcl>();
  for (const nacl of model.networkAcls) for (const a of nacl.Associations ?? []) if (a.SubnetId) map.set(a.SubnetId, nacl);
  return map;
}

/** Families as bit flags, and the address space each combination stands for. */
const IPV4 = 1;
const IPV6 = 2;
const FAMILY_SPACE = [AddressSet.EMPTY, IPV4_ONLY, IPV6_ONLY, AddressSet.ALL];

/**
 * The families the interface has an internet-facing address in: a public IPv4 (on its primary
 * or any secondary private address), a global IPv6 address or delegated IPv6 prefix.
 */
function addressedFamilies(eni: NetworkInterface): number {
  let families = 0;
  if (eni.Association?.PublicIp || (eni.PrivateIpAddresses ?? []).some((p) => p.Association?.PublicIp)) families |= IPV4;
  const globalIpv6 =
    (eni.Ipv6Addresses ?? []).some((a) => isGlobalIpv6Address(a.Ipv6Address)) ||
    (eni.Ipv6Prefixes ?? []).some((p) => AddressSet.fromCidrText(p.Ipv6Prefix).overlaps(GLOBAL_IPV6));
  if (globalIpv6) families |= IPV6;
  return families;
}

/**
 * What the snapshot lacks to know anything of this interface's exposure, beyond the keys: its
 * route table's routes, its NACL's entries, entries of customer prefix lists it routes, to the
 * gateway (they may add clients) or elsewhere (they may take every client away from it).
 * (A missing group only hides part of the ingress: what the known groups open still gets in.)
 */
function undecidable(table: RouteTable, nacl: NetworkAcl, ctx: EvaluationContext): string[] {
  const missing: string[] = [];
  if (table.Routes === undefined) missing.push(`RouteTables[${table.RouteTableId}].Routes`);
  if (nacl.Entries === undefined) missing.push(`NetworkAcls[${nacl.NetworkAclId}].Entries`);
  const routing = internetRoutedAddresses(table, ctx);
  missing.push(...prefixListInputs(routing.unresolvedPrefixLists), ...prefixListInputs(routing.unresolvedElsewhere));
  return missing;
}

/**
 * Internet reachability of an interface (docs/semantics.md): for each tcp/udp port, the clients that
 * (1) reach an address of the interface's family, (2) are routed to an internet gateway by the
 * subnet's table (longest-prefix match), (3) pass the subnet NACL inbound on the port and
 * (4) outbound on some ephemeral port, and (5) are allowed by the union of its security groups.
 * Computed as address and port sets; memoized per interface.
 */
export function reachability(eni: NetworkInterface, ctx: EvaluationContext): Reachability {
  return ctx.memo(eni, 'reachability', computeReachability);
}

function computeReachability(eni: NetworkInterface, ctx: EvaluationContext): Reachability {
  const missing = [...REACHABILITY_INPUTS, 'NetworkInterfaces' as const].filter((k) => !ctx.model.has(k));
  if (missing.length > 0) return { known: false, missing };
  // No public IPv4 and no global IPv6: nothing on the internet can address it, whatever else.
  if (addressedFamilies(eni) === 0) return NOT_EXPOSED;
  const subnetId = eni.SubnetId ?? '';
  const table = tableForSubnet(subnetId, ctx);
  const nacl = naclForSubnet(subnetId, ctx);
  if (!table) return { known: false, missing: [`RouteTables (no table for ${subnetId || 'the interface subnet'})`] };
  if (!nacl) return { known: false, missing: [`NetworkAcls (no NACL associated with ${subnetId || 'the interface subnet'})`] };
  const ingress = interfaceIngress(eni, ctx);
  const gaps = undecidable(table, nacl, ctx);
  if (gaps.length > 0) return { known: false, missing: [...ingress.missing, ...gaps] };
  const ingressMissing = ingress.missing;
  // The union of its groups' public sources is not internet-open, even with unresolved lists
  // as the whole internet: no port can be. (Without such lists `ifOpen` is the exposure itself.)
  const ifOpen = withListsOpen(ingress.exposure, ctx);
  if (!ifOpen.canBeOpen) return ingressMissing.length === 0 ? NOT_EXPOSED : { ...NOT_EXPOSED, ingressMissing };
  const exposed = lazyExposure(eni, ingress.exposure, table, nacl, ctx);
  const exposedIfListsOpen = ifOpen === ingress.exposure ? exposed : lazyExposure(eni, ifOpen, table, nacl, ctx);
  return { known: true, exposed, exposedIfListsOpen, unresolvedPrefixLists: ingress.exposure.unresolvedPrefixLists, ingressMissing };
}

/** Exposed ranges per protocol, computed on first ask. */
function lazyExposure(eni: NetworkInterface, ingress: DirectionExposure, table: RouteTable, nacl: NetworkAcl, ctx: EvaluationContext): ExposedOf {
  const byProtocol = new Map<number, ExposedRange[]>();
  return (protocol: number) => {
    let ranges = byProtocol.get(protocol);
    if (!ranges) byProtocol.set(protocol, (ranges = exposedRanges(eni, ingress, protocol, table, nacl, ctx)));
    return ranges;
  };
}

/**
 * Public clients that can get there and back: routed to an IGW, in a family the interface is
 * addressed in, and let out again by the NACL on some ephemeral port. The same for every
 * interface behind the same route table and NACL with the same families: memoized on both.
 */
function candidateClients(eni: NetworkInterface, protocol: number, table: RouteTable, view: NaclView, ctx: EvaluationContext): Candidates {
  const families = addressedFamilies(eni);
  const byKey = ctx.memo(view, 'candidates', () => new Map<string, Candidates>());
  const key = `${table.RouteTableId}:${protocol}:${families}`;
  let found = byKey.get(key);
  if (!found) {
    const routed = internetRoutedAddresses(table, ctx);
    const back = returnPath(view, protocol, ctx);
    const addresses = ctx.exposure.publicPart(routed.addresses.intersect(FAMILY_SPACE[families])).intersect(back.addresses);
    byKey.set(key, (found = { routed, back, addresses }));
  }
  return found;
}

interface Candidates {
  routed: ReturnType<typeof internetRoutedAddresses>;
  back: ReturnType<typeof returnPath>;
  addresses: AddressSet;
}

/** The clients reaching (protocol, port) on one piece: SG union and NACL inbound applied. */
function clientsAt(candidates: AddressSet, rules: readonly PublicRule[], view: NaclView, protocol: number, port: number) {
  const allowedBy = rules.filter((p) => covers(p.rule, protocol, port));
  const sgSet = allowedBy.reduce((set, p) => set.union(p.addresses), AddressSet.EMPTY);
  const inbound = view.inbound.allowed(protocol, port);
  return { allowedBy, inbound, clients: candidates.intersect(sgSet).intersect(inbound.addresses) };
}

/**
 * The exact set of public clients that reach the interface on (protocol, port), internet-open
 * or not; null when the snapshot cannot decide. For one-off questions and tests; rules use the
 * memoized `reachability`.
 */
export function reachableClients(eni: NetworkInterface, protocol: number, port: number, ctx: EvaluationContext): AddressSet | null {
  const table = tableForSubnet(eni.SubnetId ?? '', ctx);
  const nacl = naclForSubnet(eni.SubnetId ?? '', ctx);
  const ingress = interfaceIngress(eni, ctx);
  if (!table || !nacl || table.Routes === undefined || ingress.missing.length > 0) return null;
  const view = naclView(nacl, ctx);
  const { addresses } = candidateClients(eni, protocol, table, view, ctx);
  return clientsAt(addresses, rulesFor(ingress.exposure, protocol), view, protocol, port).clients;
}

function exposedRanges(
  eni: NetworkInterface,
  ingress: DirectionExposure,
  protocol: number,
  table: RouteTable,
  nacl: NetworkAcl,
  ctx: EvaluationContext,
): ExposedRange[] {
  const view = naclView(nacl, ctx);
  const { routed, back, addresses: candidates } = candidateClients(eni, protocol, table, view, ctx);
  if (!ctx.exposure.isInternetOpenPublic(candidates)) return [];
  const rules = rulesFor(ingress, protocol);
  const out: ExposedRange[] = [];
  // Clients are a subset of the security groups' sources, so only ports where those are
  // internet-open can be exposed: start from the groups' open ranges (already computed for the
  // sg-* rules) and cut them where the NACL's inbound decision changes.
  for (const open of openRanges(ingress, protocol, ctx)) {
    const fromGroups = rules.filter((p) => open.rules.includes(p.rule));
    for (const range of view.inbound.pieces(protocol, open.range)) {
      const inbound = view.inbound.allowed(protocol, range.from);
      const clients = candidates.intersect(open.addresses).intersect(inbound.addresses);
      if (!ctx.exposure.isInternetOpenPublic(clients)) continue;
      const routes = routed.routes.filter((r) => r.addresses.overlaps(clients));
      const path: ExposurePath = {
        internetGateways: unique(routes.map((r) => r.target.id)),
        routeTable: table.RouteTableId,
        routes: routes.map(describeRoute),
        networkAcl: nacl.NetworkAclId,
        naclInbound: inbound.hits.filter((h) => h.addresses.overlaps(clients)).map((h) => h.entry.ruleNumber),
        naclOutbound: returnRules(back, clients),
        securityGroupRules: unique(fromGroups.filter((p) => p.addresses.overlaps(clients)).map((p) => ruleName(p.rule))),
      };
      const last = out[out.length - 1];
      if (last && last.range.to + 1 === range.from && samePath(last.path, path)) last.range.to = range.to;
      else out.push({ protocol, range: { ...range }, clients, path });
    }
  }
  return out;
}

function samePath(a: ExposurePath, b: ExposurePath): boolean {
  return (
    a.routeTable === b.routeTable &&
    a.networkAcl === b.networkAcl &&
    sameItems(a.internetGateways, b.internetGateways) &&
    sameItems(a.routes, b.routes) &&
    sameItems(a.naclInbound, b.naclInbound) &&
    sameItems(a.naclOutbound, b.naclOutbound) &&
    sameItems(a.securityGroupRules, b.securityGroupRules)
  );
}

/**
 * Clients the NACL lets answers go out to, on at least one port of ephemeralPorts, and the allow
 * entries that do it with the clients each lets out (so a path names only those it uses).
 */
function returnPath(view: NaclView, protocol: number, ctx: EvaluationContext): { addresses: AddressSet; allows: Map<number, AddressSet> } {
  const eph = ctx.settings.ephemeralPorts;
  let addresses = AddressSet.EMPTY;
  const allows = new Map<number, AddressSet>();
  for (const c of view.outbound.classesOf(protocol)) {
    if (hasPorts(protocol) && (c.range.to < eph.from || c.range.from > eph.to)) continue;
    for (const h of c.hits) {
      if (!h.entry.allow) continue;
      addresses = addresses.union(h.addresses);
      allows.set(h.entry.ruleNumber, (allows.get(h.entry.ruleNumber) ?? AddressSet.EMPTY).union(h.addresses));
    }
  }
  return { addresses, allows: new Map([...allows].sort((a, b) => a[0] - b[0])) };
}

/** The outbound allow entries that carry answers to some of `clients`, in rule-number order. */
function returnRules(back: ReturnType<typeof returnPath>, clients: AddressSet): number[] {
  const out: number[] = [];
  for (const [ruleNumber, addresses] of back.allows) if (addresses.overlaps(clients)) out.push(ruleNumber);
  return out;
}

/** The interface's public ingress rules that can apply to `protocol`. */
function rulesFor(ingress: DirectionExposure, protocol: number): PublicRule[] {
  return ingress.publicRules.filter((p) => p.rule.protocol === -1 || p.rule.protocol === protocol);
}

function describeRoute(r: ResolvedRoute): string {
  return `${r.destination} -> ${r.target.id}`;
}

function ruleName(rule: SgRule): string {
  return rule.ruleId ?? `${rule.groupId} ${protocolLabel(rule.protocol)} ${rule.fromPort}-${rule.toPort} from ${rule.cidr ?? rule.prefixListId}`;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** Evidence form of an exposed range; clients are described against the public address space. */
export function describeExposure(e: ExposedRange, ctx: EvaluationContext): Record<string, unknown> {
  return { protocol: protocolLabel(e.protocol), ports: formatRange(e.range), clients: describeClients(e.clients, ctx), path: e.path };
}
