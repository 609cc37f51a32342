import type { SnapshotKey } from '../../../rules/engine/snapshot-schema';
import { type ResourceScope, type Scope, type ScopeIdField, SOURCES, type Source, sourceOf } from './sources';

/** One call (all its pages) and where its items go. */
export interface Read {
  source: Source;
  input: Record<string, unknown>;
  /** Fields added to each item (AuthorizationRules carry their ClientVpnEndpointId). */
  tag?: Record<string, unknown>;
  /** The items are this prefix list's entries (PrefixListEntries is a map, not a list). */
  prefixListId?: string;
  /** The items tell which VPCs the scope's resources are in (resource scope, stage 0). */
  locate?: boolean;
  /** A locate read whose items are also the key's data (a scope without VPC context). */
  keep?: boolean;
  /** Nothing to ask (no endpoint, no group): the key is known to be empty, without a call. */
  none?: boolean;
}

/** What earlier stages read (a refused key is absent from `data`). */
export interface ReadState {
  data: Partial<Record<SnapshotKey, unknown[]>>;
  vpcIds: ReadonlySet<string>;
}

type Item = Record<string, unknown>;

/** EC2 takes up to 200 values in one filter. */
const MAX_FILTER_VALUES = 200;

/** Keys the resource scope derives from what it read instead of filtering by VPC. */
const DERIVED_IN_RESOURCE_SCOPE = new Set<SnapshotKey>(['SecurityGroupRules', 'ManagedPrefixLists', 'FlowLogs']);

/**
 * The reads of one stage, or null after the last:
 * 0. resource scope: the named resources, to learn their VPCs;
 * 1. every wanted key that depends on nothing (region: the whole region; resource scope: the
 *    VPCs' context by server-side filter);
 * 2. per item and derived reads: authorization rules per Client VPN endpoint; in a resource
 *    scope the rules of the groups read, the prefix lists they reference, and the flow logs of
 *    the VPCs and of the subnets and interfaces read in them;
 * 3. the entries of each customer prefix list that something read references.
 */
export function planReads(stage: number, keys: ReadonlySet<SnapshotKey>, scope: Scope, state: ReadState): Read[] | null {
  const wanted = SOURCES.filter((s) => keys.has(s.key));
  switch (stage) {
    case 0:
      return scope.kind === 'region' ? [] : locateReads(scope, keys);
    case 1:
      return wanted.flatMap((s) => (s.perItem ? [] : scope.kind === 'region' ? [{ source: s, input: {} }] : scopedReads(s, scope, state)));
    case 2:
      return wanted.flatMap((s) => derivedReads(s, scope, state));
    case 3:
      return keys.has('PrefixListEntries') ? prefixListEntryReads(state) : [];
    default:
      return null;
  }
}

const filter = (name: string, values: readonly string[]): Record<string, unknown>[] =>
  chunks(values).map((chunk) => ({ Filters: [{ Name: name, Values: chunk }] }));

function chunks(values: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < values.length; i += MAX_FILTER_VALUES) out.push(values.slice(i, i + MAX_FILTER_VALUES));
  return out;
}

function idsOf(scope: ResourceScope, field: ScopeIdField): string[] {
  return [...new Set(scope[field] ?? [])];
}

function locateReads(scope: ResourceScope, keys: ReadonlySet<SnapshotKey>): Read[] {
  return SOURCES.filter(locatable).flatMap((s) => {
    // Without VPC context, the read that locates a named resource is also its only read.
    const keep = scope.vpcContext === false && keys.has(s.key);
    return filter(s.byId!.filter, idsOf(scope, s.byId!.scope)).map((input) => ({ source: s, input, locate: true, ...(keep ? { keep } : {}) }));
  });
}

const locatable = (s: Source) => Boolean(s.byVpc && s.byId && s.byId.scope !== 'vpcIds');

function scopedReads(source: Source, scope: ResourceScope, state: ReadState): Read[] {
  if (DERIVED_IN_RESOURCE_SCOPE.has(source.key)) return [];
  if (scope.vpcContext === false && locatable(source) && idsOf(scope, source.byId!.scope).length > 0) return []; // read in stage 0
  const vpcs = scopeVpcs(scope, state);
  if (source.byVpc && vpcs.length > 0) return filter(source.byVpc, vpcs).map((input) => ({ source, input }));
  // Named, looked up in stage 0, and in no VPC: they no longer exist (a deletion event), or they
  // are in none (a detached virtual private gateway), and stage 0 kept them.
  if (source.byVpc && source.byId && idsOf(scope, source.byId.scope).length > 0) return [{ source, input: {}, none: true }];
  // Not tied to a VPC (VPN): only the resources the scope names; otherwise the key stays
  // absent (its rules report NOT_APPLICABLE), since reading it would mean the whole region.
  if (source.byId) return filter(source.byId.filter, idsOf(scope, source.byId.scope)).map((input) => ({ source, input }));
  return [];
}

const scopeVpcs = (scope: ResourceScope, state: ReadState): string[] => [...new Set([...state.vpcIds, ...(scope.vpcIds ?? [])])];

function derivedReads(source: Source, scope: Scope, state: ReadState): Read[] {
  if (source.key === 'AuthorizationRules') {
    if (!state.data.ClientVpnEndpoints) return [];
    // An endpoint DescribeClientVpnEndpoints reports as `deleted` has no rules left to ask for.
    const live = listed(state, 'ClientVpnEndpoints').filter((e) => (e.Status as Item | undefined)?.Code !== 'deleted');
    const reads = live.map((e) => ({
      source,
      input: { ClientVpnEndpointId: e.ClientVpnEndpointId },
      tag: { ClientVpnEndpointId: e.ClientVpnEndpointId },
    }));
    return orNone(source, reads);
  }
  if (scope.kind === 'region' || !DERIVED_IN_RESOURCE_SCOPE.has(source.key)) return [];
  if (source.key === 'FlowLogs') {
    const vpcs = scopeVpcs(scope, state);
    if (vpcs.length === 0) return [];
    // A flow log is on a VPC, a subnet or an interface; the VPC's verdict names those inside it
    // too, so a resource scope reads them as a region read would see them.
    const inside = [...listed(state, 'Subnets').map((s) => s.SubnetId), ...listed(state, 'NetworkInterfaces').map((i) => i.NetworkInterfaceId)] as string[];
    return filter(source.byVpc!, [...vpcs, ...inside]).map((input) => ({ source, input }));
  }
  if (source.key === 'SecurityGroupRules') {
    const groups = state.data.SecurityGroups ? listed(state, 'SecurityGroups').map((g) => g.GroupId as string) : idsOf(scope, 'securityGroupIds');
    return orNone(source, filter('group-id', groups).map((input) => ({ source, input })));
  }
  return orNone(source, filter('prefix-list-id', [...referencedPrefixLists(state.data)]).map((input) => ({ source, input })));
}

const orNone = (source: Source, reads: Read[]): Read[] => (reads.length > 0 ? reads : [{ source, input: {}, none: true }]);

function prefixListEntryReads(state: ReadState): Read[] {
  const source = sourceOf('PrefixListEntries')!;
  if (!state.data.ManagedPrefixLists) return [];
  const used = referencedPrefixLists(state.data);
  return listed(state, 'ManagedPrefixLists')
    .filter((pl) => used.has(pl.PrefixListId as string) && !isAwsManaged(pl))
    .map((pl) => ({ source, input: { PrefixListId: pl.PrefixListId }, prefixListId: pl.PrefixListId as string }));
}

/** AWS-managed lists hold AWS service ranges; the engine never needs their entries. */
function isAwsManaged(pl: Item): boolean {
  return pl.OwnerId === 'AWS' || String(pl.PrefixListName ?? '').startsWith('com.amazonaws.');
}

function listed(state: ReadState, key: SnapshotKey): Item[] {
  return (state.data[key] ?? []) as Item[];
}

/** Prefix lists that a read group rule or route names. */
export function referencedPrefixLists(data: ReadState['data']): Set<string> {
  const ids = new Set<string>();
  for (const r of (data.SecurityGroupRules ?? []) as Item[]) if (r.PrefixListId) ids.add(r.PrefixListId as string);
  for (const g of (data.SecurityGroups ?? []) as Item[]) {
    for (const p of [...((g.IpPermissions ?? []) as Item[]), ...((g.IpPermissionsEgress ?? []) as Item[])]) {
      for (const pl of (p.PrefixListIds ?? []) as Item[]) if (pl.PrefixListId) ids.add(pl.PrefixListId as string);
    }
  }
  for (const t of (data.RouteTables ?? []) as Item[]) {
    for (const r of (t.Routes ?? []) as Item[]) if (r.DestinationPrefixListId) ids.add(r.DestinationPrefixListId as string);
  }
  return ids;
}

/** The VPCs an item belongs to (a virtual private gateway: those it is attached to). */
export function vpcsOf(item: Item): string[] {
  if (typeof item.VpcId === 'string') return [item.VpcId];
  return ((item.VpcAttachments ?? []) as Item[]).map((a) => a.VpcId as string).filter(Boolean);
}
