import { SNAPSHOT_RESOURCE_ID, evaluateInto } from '../../rules/engine/evaluate';
import { SnapshotModel } from '../../rules/engine/model';
import { RESOURCE_KINDS } from '../../rules/engine/resources';
import type { AnyRule } from '../../rules/engine/rule';
import type { Settings } from '../../rules/engine/settings';
import type { Snapshot } from '../../rules/engine/snapshot-schema';
import type { Finding, ResourceKindName } from '../../rules/engine/types';

/** A resource named by kind and id (events name them so). */
export interface NamedResource {
  kind: ResourceKindName;
  id: string;
}

/**
 * What to read: the whole region, or named resources (with their VPCs' context). The ec2
 * adapter reads this type (sources.ts `Scope`): lambdas/app imports no adapter.
 */
export type ReadScope = { kind: 'region' } | ResourceReadScope;
export type ResourceReadScope = {
  kind: 'resources';
  vpcIds?: string[];
  /**
   * false: the named resources are read by id and only the other keys by their VPC (a Config
   * evaluation of one group needs that group, not its VPC's other groups). Default: the VPCs'
   * context, every item of each key in the VPCs (a change event, whose exposure needs them).
   */
  vpcContext?: false;
} & Partial<Record<ScopeIdField, string[]>>;

/** The scope field that names resources of each kind (sources.ts `byId`). */
export const SCOPE_FIELD = {
  SecurityGroup: 'securityGroupIds',
  NetworkAcl: 'networkAclIds',
  Vpc: 'vpcIds',
  Subnet: 'subnetIds',
  NatGateway: 'natGatewayIds',
  RouteTable: 'routeTableIds',
  NetworkInterface: 'networkInterfaceIds',
  VpnConnection: 'vpnConnectionIds',
  VpnGateway: 'vpnGatewayIds',
  CustomerGateway: 'customerGatewayIds',
  ClientVpnEndpoint: 'clientVpnEndpointIds',
} as const satisfies Record<ResourceKindName, string>;
type ScopeIdField = (typeof SCOPE_FIELD)[ResourceKindName];

/** The resource scope naming these resources, plus these VPCs. */
export function scopeOf(resources: readonly NamedResource[], vpcIds: readonly string[] = []): ResourceReadScope {
  const scope: ResourceReadScope = { kind: 'resources' };
  for (const r of resources) (scope[SCOPE_FIELD[r.kind]] ??= []).push(r.id);
  if (vpcIds.length > 0) scope.vpcIds = [...new Set([...(scope.vpcIds ?? []), ...vpcIds])];
  return scope;
}

/** Reads an account for some rules (the ec2 adapter: keysFor(rules, { exposure }) then collect). */
export interface ScopeReader {
  read(request: { rules: readonly AnyRule[]; exposure: boolean; scope: ReadScope }): Promise<{ snapshot: Snapshot; warnings: readonly { call: string; error: string }[] }>;
}

export interface AuditRequest {
  rules: readonly AnyRule[];
  /** Exposure-aware severity (Security Hub); Config's verdicts do not need it, so it reads less. */
  exposure: boolean;
  scope: ReadScope;
  settings: Settings;
  now: Date;
  /**
   * Which findings to return: in a resource scope the read brings the VPC's context, and the
   * engine evaluates all of it (cheaper than deciding what to skip), but only the findings of the
   * affected resources are news. Absent: all of them (a sweep).
   */
  keep?: (f: Finding) => boolean;
}

export interface Audited {
  findings: Finding[];
  accountId: string | undefined;
  region: string | undefined;
  warnings: readonly { call: string; error: string }[];
}

/**
 * Reads a scope and evaluates it. In a resource scope a snapshot-wide finding (a list that was not
 * read, because nothing named it or the call was refused) says nothing about any resource: it is
 * dropped, so that it can never be published as "the resource is gone".
 */
export async function auditScope(reader: ScopeReader, request: AuditRequest): Promise<Audited> {
  const { snapshot, warnings } = await reader.read({ rules: request.rules, exposure: request.exposure, scope: request.scope });
  const model = new SnapshotModel(snapshot);
  const findings: Finding[] = [];
  const resourceScope = request.scope.kind === 'resources';
  evaluateInto(request.rules, model, { settings: request.settings, now: request.now }, (f) => {
    if (resourceScope && f.resourceId === SNAPSHOT_RESOURCE_ID) return;
    if (!request.keep || request.keep(f)) findings.push(f);
  });
  return { findings, accountId: model.accountId, region: model.region, warnings };
}

/** The key a finding and a named resource share: "AWS::EC2::SecurityGroup sg-1". */
export const resourceKey = (type: string, id: string) => `${type} ${id}`;
export const keyOfResource = (r: NamedResource) => resourceKey(RESOURCE_KINDS[r.kind].cfnType, r.id);
export const keyOfFinding = (f: Finding) => resourceKey(f.resourceType, f.resourceId);
