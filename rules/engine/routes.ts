import { AddressSet } from './address-set';
import { parseCidr } from './cidr';
import { pushTo } from './collections';
import type { EvaluationContext } from './context';
import type { SnapshotModel } from './model';
import { listedWithout } from './rule';
import type { InternetGateway, Route, RouteTable } from './snapshot-schema';
import type { RuleResult } from './types';

export type TargetKind =
  | 'local'
  | 'internet-gateway'
  | 'egress-only-gateway'
  | 'nat-gateway'
  | 'instance'
  | 'network-interface'
  | 'peering'
  | 'transit-gateway'
  | 'vpn-gateway'
  | 'vpc-endpoint'
  | 'other';

export interface RouteTarget {
  kind: TargetKind;
  id: string;
}

/** What a route sends traffic to, from whichever target field EC2 filled in. */
export function routeTarget(r: Route): RouteTarget {
  if (r.NatGatewayId) return { kind: 'nat-gateway', id: r.NatGatewayId };
  if (r.EgressOnlyInternetGatewayId) return { kind: 'egress-only-gateway', id: r.EgressOnlyInternetGatewayId };
  if (r.TransitGatewayId) return { kind: 'transit-gateway', id: r.TransitGatewayId };
  if (r.VpcPeeringConnectionId) return { kind: 'peering', id: r.VpcPeeringConnectionId };
  if (r.InstanceId) return { kind: 'instance', id: r.InstanceId };
  if (r.NetworkInterfaceId) return { kind: 'network-interface', id: r.NetworkInterfaceId };
  const gw = r.GatewayId ?? r.LocalGatewayId ?? r.CarrierGatewayId ?? '';
  if (gw === 'local') return { kind: 'local', id: 'local' };
  if (gw.startsWith('igw-')) return { kind: 'internet-gateway', id: gw };
  if (gw.startsWith('vgw-')) return { kind: 'vpn-gateway', id: gw };
  if (gw.startsWith('vpce-')) return { kind: 'vpc-endpoint', id: gw };
  return { kind: 'other', id: gw };
}

export interface ResolvedRoute {
  route: Route;
  target: RouteTarget;
  destination: string;
  addresses: AddressSet;
  prefix: number;
  blackhole: boolean;
  /** routeRank: EC2's tie-break between routes with equal prefixes. */
  rank: number;
}

/**
 * EC2's tie-break between routes with equal prefixes: a static route (0) wins over a prefix-list
 * route (1), which wins over a route propagated from a virtual private gateway (2).
 */
function routeRank(route: Route): number {
  if (route.Origin === 'EnableVgwRoutePropagation') return 2;
  return route.DestinationCidrBlock || route.DestinationIpv6CidrBlock ? 0 : 1;
}

/** The route EC2 uses for exactly this IPv4 destination among those the table lists, if any. */
export function routeFor(table: RouteTable, destination: string): Route | undefined {
  let best: Route | undefined;
  for (const r of table.Routes ?? []) {
    if (r.DestinationCidrBlock === destination && (!best || routeRank(r) < routeRank(best))) best = r;
  }
  return best;
}

/** Destination addresses of a route: its CIDR, or a customer prefix list's entries when known. */
function resolveRoute(route: Route, ctx: EvaluationContext): ResolvedRoute[] {
  const target = routeTarget(route);
  const blackhole = route.State === 'blackhole';
  const cidr = route.DestinationCidrBlock ?? route.DestinationIpv6CidrBlock;
  const cidrs = cidr ? [cidr] : route.DestinationPrefixListId ? (ctx.model.prefixList(route.DestinationPrefixListId).cidrs ?? []) : [];
  const rank = routeRank(route);
  return cidrs.flatMap((text) => {
    const c = parseCidr(text);
    return c ? [{ route, target, destination: text, addresses: AddressSet.fromCidr(c), prefix: c.prefix, blackhole, rank }] : [];
  });
}

/** NOT_APPLICABLE for a table listed without its Routes. */
export function routesMissing(table: RouteTable): RuleResult {
  return listedWithout(`route table ${table.RouteTableId}`, 'RouteTables', table.RouteTableId, 'Routes');
}

/**
 * A route table's routes in EC2's order of priority ("How route priority works", VPC user
 * guide): longest prefix first; between equal prefixes a static route, then a prefix-list route,
 * then a propagated one. Longest-prefix match then is "the first route whose destination holds
 * the address", and can be computed for address sets at once.
 */
export function resolvedRoutes(table: RouteTable, ctx: EvaluationContext): ResolvedRoute[] {
  return ctx.memo(table, 'routes', () =>
    (table.Routes ?? []).flatMap((r) => resolveRoute(r, ctx)).sort((a, b) => b.prefix - a.prefix || a.rank - b.rank),
  );
}

/**
 * Which route decides which addresses (longest-prefix match); unrouted addresses are absent.
 * (EC2 also keeps the local route ahead of more specific propagated routes; a propagated route
 * goes to a virtual private gateway, never to the internet, so no rule here can tell.)
 */
export function routeDecisions(table: RouteTable, ctx: EvaluationContext): Array<{ route: ResolvedRoute; addresses: AddressSet }> {
  return ctx.memo(table, 'decisions', () => {
    let undecided = AddressSet.ALL;
    const out: Array<{ route: ResolvedRoute; addresses: AddressSet }> = [];
    for (const route of resolvedRoutes(table, ctx)) {
      if (!undecided.overlaps(route.addresses)) continue;
      out.push({ route, addresses: undecided.intersect(route.addresses) });
      undecided = undecided.subtract(route.addresses);
    }
    return out;
  });
}

/**
 * The route table a subnet uses: its explicit association, else its VPC's main table
 * (docs/semantics.md). Undefined when the snapshot has neither. Only associations in effect count
 * (isInEffect): a subnet whose explicit association is disassociated uses the main table.
 */
export function tableForSubnet(subnetId: string, ctx: EvaluationContext): RouteTable | undefined {
  const index = ctx.memo(ctx.model, 'route-table-index', routeTableIndex);
  const subnet = ctx.model.subnet(subnetId);
  return index.explicit.get(subnetId) ?? (subnet?.VpcId ? index.main.get(subnet.VpcId) : undefined);
}

type Association = NonNullable<RouteTable['Associations']>[number];

/**
 * Whether a route table association routes traffic: its AssociationState is `associated`, or
 * absent (older listings and hand-built snapshots carry none). One that is associating,
 * disassociating, disassociated or failed does not: EC2 routes the subnet by its main table.
 */
export function isInEffect(a: Association): boolean {
  const state = a.AssociationState?.State;
  return state === undefined || state === 'associated';
}

function routeTableIndex(model: SnapshotModel): { explicit: Map<string, RouteTable>; main: Map<string, RouteTable> } {
  const explicit = new Map<string, RouteTable>();
  const main = new Map<string, RouteTable>();
  for (const table of model.snapshot.RouteTables ?? []) {
    for (const a of table.Associations ?? []) {
      if (!isInEffect(a)) continue;
      if (a.SubnetId) explicit.set(a.SubnetId, table);
      if (a.Main && table.VpcId) main.set(table.VpcId, table);
    }
  }
  return { explicit, main };
}

/** Subnets whose traffic a table carries: explicit associations, plus unassociated subnets for a main table. */
export function subnetsUsing(table: RouteTable, ctx: EvaluationContext): string[] {
  const byTable = ctx.memo(ctx.model, 'subnets-by-table', () => {
    const map = new Map<RouteTable, string[]>();
    for (const s of ctx.model.snapshot.Subnets ?? []) {
      const t = tableForSubnet(s.SubnetId, ctx);
      if (t) pushTo(map, t, s.SubnetId);
    }
    return map;
  });
  return byTable.get(table) ?? [];
}

export interface InternetRouting {
  addresses: AddressSet;
  routes: ResolvedRoute[];
  /**
   * Prefix lists that active routes send to an internet gateway but whose entries the snapshot
   * lacks: the routed set is then not known, and callers must not decide "not routed".
   */
  unresolvedPrefixLists: string[];
  /**
   * Customer prefix lists whose entries the snapshot lacks, routed anywhere else (a blackhole
   * included): left out of `addresses`, yet they could hold what it sends to the gateway, so
   * callers must not decide "routed" on it either. Gateway-endpoint routes use AWS-managed lists
   * of service ranges, never the internet, and are not counted.
   */
  unresolvedElsewhere: string[];
}

/**
 * The addresses a table sends to an internet gateway attached to its VPC, by longest-prefix
 * match over active routes, with the routes that do it. A blackhole or more specific route to
 * elsewhere takes its addresses out. (An unresolved prefix-list route to elsewhere is left out,
 * which can only overstate what reaches the gateway; `unresolvedElsewhere` names it, so that
 * neither "routed" nor "reachable" is decided on it.)
 */
export function internetRoutedAddresses(table: RouteTable, ctx: EvaluationContext): InternetRouting {
  return ctx.memo(table, 'internet-routed', () => {
    let addresses = AddressSet.EMPTY;
    const routes: ResolvedRoute[] = [];
    for (const d of routeDecisions(table, ctx)) {
      if (d.route.blackhole || d.route.target.kind !== 'internet-gateway') continue;
      if (!isAttachedIgw(d.route.target.id, table.VpcId, ctx)) continue;
      addresses = addresses.union(d.addresses);
      routes.push(d.route);
    }
    const unresolvedPrefixLists: string[] = [];
    const unresolvedElsewhere: string[] = [];
    for (const r of table.Routes ?? []) {
      const list = r.DestinationPrefixListId ? ctx.model.prefixList(r.DestinationPrefixListId) : undefined;
      if (!list || list.cidrs !== undefined) continue;
      const kind = routeTarget(r).kind;
      if (kind === 'internet-gateway') {
        if (r.State !== 'blackhole') unresolvedPrefixLists.push(list.id);
      } else if (kind !== 'vpc-endpoint' && !list.awsManaged) {
        unresolvedElsewhere.push(list.id);
      }
    }
    return { addresses, routes, unresolvedPrefixLists, unresolvedElsewhere };
  });
}

/**
 * Whether the internet gateway is attached to the VPC. EC2 shows a route to a detached or
 * deleted gateway as blackhole, so an active route is taken at its word unless the snapshot
 * lists the gateway with its attachments and they say otherwise: a gateway left out of
 * InternetGateways (a filtered listing) or listed without Attachments is not evidence of
 * detachment, and reading it so would hide exposure.
 */
function isAttachedIgw(igwId: string, vpcId: string | undefined, ctx: EvaluationContext): boolean {
  const igw = ctx.memo(ctx.model, 'igw-by-id', igwIndex).get(igwId);
  if (!igw?.Attachments) return true;
  return igw.Attachments.some((a) => a.VpcId === vpcId && (a.State === 'available' || a.State === 'attached'));
}

function igwIndex(model: SnapshotModel): Map<string, InternetGateway> {
  return new Map((model.snapshot.InternetGateways ?? []).map((g) => [g.InternetGatewayId, g]));
}

/** The destination a route names, as written: its IPv4 or IPv6 CIDR block, or its prefix list id. */
export function routeDestination(r: Route): string {
  return r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? r.DestinationPrefixListId ?? 'unknown';
}

export interface InterfaceRoute {
  table: RouteTable;
  route: Route;
  /** Which field of the route names the interface: its own id, or its instance's. */
  matchedBy: 'NetworkInterfaceId' | 'InstanceId';
}

/**
 * Routes, in any table, that send traffic to a network interface: by the interface's id, or by
 * the id of the instance it is attached to (how a NAT instance or appliance is routed to).
 * EC2 lists an instance route with the interface it resolved to (NetworkInterfaceId), and that
 * interface is the target; a route naming only the instance goes to its primary interface
 * (DeviceIndex 0, or unknown). Blackhole routes are included (a stopped NAT instance is still
 * one); callers filter.
 */
export function routesToInterface(
  eni: { NetworkInterfaceId: string; Attachment?: { InstanceId?: string; DeviceIndex?: number } },
  ctx: EvaluationContext,
): InterfaceRoute[] {
  const index = ctx.memo(ctx.model, 'routes-by-interface-target', () => {
    const byInterface = new Map<string, Array<{ table: RouteTable; route: Route }>>();
    const byInstance = new Map<string, Array<{ table: RouteTable; route: Route }>>();
    const add = (map: typeof byInterface, key: string, value: { table: RouteTable; route: Route }) => {
      const list = map.get(key);
      if (list) list.push(value);
      else map.set(key, [value]);
    };
    for (const table of ctx.model.snapshot.RouteTables ?? []) {
      for (const route of table.Routes ?? []) {
        if (route.NetworkInterfaceId) add(byInterface, route.NetworkInterfaceId, { table, route });
        else if (route.InstanceId) add(byInstance, route.InstanceId, { table, route });
      }
    }
    return { byInterface, byInstance };
  });
  const out: InterfaceRoute[] = (index.byInterface.get(eni.NetworkInterfaceId) ?? []).map((r) => ({ ...r, matchedBy: 'NetworkInterfaceId' as const }));
  const instanceId = eni.Attachment?.InstanceId;
  const primary = (eni.Attachment?.DeviceIndex ?? 0) === 0;
  if (instanceId && primary) for (const r of index.byInstance.get(instanceId) ?? []) out.push({ ...r, matchedBy: 'InstanceId' });
  return out;
}
