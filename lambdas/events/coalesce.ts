import type { ResourceKindName } from '../../rules/engine/types';
import type { Affected, Lookup, ResourceRef } from './affected';
import { affectedResources } from './affected-resources';
import type { ChangeMessage } from './cloudtrail-event';
import { type OwnRole, skipReason } from './filters';

/** Every item of the work keeps the ids of the messages that asked for it, for partial-batch failure. */
interface FromMessages {
  messageIds: string[];
}

export type TouchedResource = ResourceRef & FromMessages;
export type PendingLookup = Lookup & FromMessages;
export type PendingSweep = { kind: ResourceKindName; reasons: string[] } & FromMessages;

/** The work of one VPC context: read it once, evaluate each resource once. */
export interface VpcWork extends FromMessages {
  /** undefined: the events did not say; the handler places these resources first (one Describe per kind). */
  vpcId: string | undefined;
  resources: TouchedResource[];
  lookups: PendingLookup[];
  sweeps: PendingSweep[];
}

export interface ChangeWork {
  vpcs: VpcWork[];
  skipped: { messageId: string; reason: string }[];
}

export interface CoalesceOptions {
  ownRole: OwnRole;
  /** VPCs already known for resource ids (a cache, or the groups just described). */
  vpcOf?: ReadonlyMap<string, string>;
}

/**
 * Turns one SQS batch of CloudTrail events into the work it implies: skipped events with their
 * reason, and per VPC the resources, lookups and sweeps, each deduplicated. A batch of 100 events
 * that touch 10 groups of one VPC yields one VPC with 10 groups. A resource is placed in a VPC when
 * an event naming it names exactly one VPC, or when `vpcOf` knows it.
 */
export function coalesce(messages: readonly ChangeMessage[], options: CoalesceOptions): ChangeWork {
  const skipped: ChangeWork['skipped'] = [];
  const accepted: { messageId: string; affected: Affected }[] = [];
  const placed = new Map<string, string>(options.vpcOf);
  for (const { messageId, event } of messages) {
    const { detail } = event;
    const reason = skipReason(detail, options.ownRole);
    const affected = reason === undefined ? affectedResources(detail) : undefined;
    if (!affected) {
      skipped.push({ messageId, reason: reason ?? `no resolver for ${detail.eventName}` });
      continue;
    }
    // CreateTags on an instance, CreateFlowLogs on a subnet: nothing the catalog evaluates. Said
    // in the log like any other skip, rather than handled with no line at all.
    if (isEmpty(affected)) {
      skipped.push({ messageId, reason: `${detail.eventName} names no resource, VPC or group name that vpc-auditor evaluates` });
      continue;
    }
    accepted.push({ messageId, affected });
    const vpcId = single(affected.vpcIds);
    for (const ref of affected.resources) if (vpcId && !placed.has(ref.id)) placed.set(ref.id, vpcId);
  }

  // A second pass, once every event has told what it knows: a later event may name the VPC of a
  // resource an earlier one touched.
  const vpcs = new Map<string | undefined, Builder>();
  const builder = (vpcId: string | undefined) => vpcs.get(vpcId) ?? vpcs.set(vpcId, new Builder(vpcId)).get(vpcId)!;
  for (const { messageId, affected } of accepted) {
    for (const ref of affected.resources) builder(placed.get(ref.id)).resource(ref, messageId);
    // Lookups and sweeps belong to the event's VPC: the one it names, else the one its resources are in.
    const vpcId = single(affected.vpcIds) ?? single(affected.resources.map((r) => placed.get(r.id)));
    for (const lookup of affected.lookups) builder(vpcId).lookup(lookup, messageId);
    for (const sweep of affected.sweeps) builder(vpcId).sweep(sweep.kind, sweep.reason, messageId);
    // A VPC an event names is context to read even when nothing else in the event is placed in it.
    for (const id of affected.vpcIds) builder(id).messageIds.add(messageId);
  }
  return { vpcs: [...vpcs.values()].map((b) => b.build()), skipped };
}

const isEmpty = (a: Affected) => a.resources.length + a.vpcIds.length + a.lookups.length + a.sweeps.length === 0;

/** The one value the list holds (undefined entries aside), or undefined when it holds none or several. */
function single(values: readonly (string | undefined)[]): string | undefined {
  const distinct = new Set(values.filter((v) => v !== undefined));
  return distinct.size === 1 ? [...distinct][0] : undefined;
}

/** The message ids behind the given items, for reporting a failed item as failed messages. */
export function messagesOf(items: readonly FromMessages[]): string[] {
  return [...new Set(items.flatMap((i) => i.messageIds))];
}

class Builder {
  readonly messageIds = new Set<string>();
  private readonly resources = new Map<string, { ref: ResourceRef; ids: Set<string> }>();
  private readonly lookups = new Map<string, { lookup: Lookup; ids: Set<string> }>();
  private readonly sweeps = new Map<ResourceKindName, { reasons: Set<string>; ids: Set<string> }>();

  constructor(private readonly vpcId: string | undefined) {}

  resource(ref: ResourceRef, messageId: string): void {
    const key = `${ref.kind} ${ref.id}`;
    const entry = this.resources.get(key) ?? this.resources.set(key, { ref, ids: new Set() }).get(key)!;
    this.add(entry.ids, messageId);
  }

  lookup(lookup: Lookup, messageId: string): void {
    const key = `${lookup.kind} ${lookup.describe} ${lookup.filter} ${lookup.value}`;
    const entry = this.lookups.get(key) ?? this.lookups.set(key, { lookup, ids: new Set() }).get(key)!;
    this.add(entry.ids, messageId);
  }

  sweep(kind: ResourceKindName, reason: string, messageId: string): void {
    const entry = this.sweeps.get(kind) ?? this.sweeps.set(kind, { reasons: new Set(), ids: new Set() }).get(kind)!;
    entry.reasons.add(reason);
    this.add(entry.ids, messageId);
  }

  build(): VpcWork {
    const ids = (set: Set<string>) => [...set];
    return {
      vpcId: this.vpcId,
      messageIds: ids(this.messageIds),
      resources: [...this.resources.values()].map((e) => ({ ...e.ref, messageIds: ids(e.ids) })),
      lookups: [...this.lookups.values()].map((e) => ({ ...e.lookup, messageIds: ids(e.ids) })),
      sweeps: [...this.sweeps.entries()].map(([kind, e]) => ({ kind, reasons: ids(e.reasons), messageIds: ids(e.ids) })),
    };
  }

  private add(ids: Set<string>, messageId: string): void {
    ids.add(messageId);
    this.messageIds.add(messageId);
  }
}

