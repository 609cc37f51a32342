import { CATALOG } from '../../rules/catalog';
import { usesExposureSeverity } from '../../rules/engine/exposure-severity';
import { RESOURCE_KINDS } from '../../rules/engine/resources';
import type { AnyRule } from '../../rules/engine/rule';
import type { Settings } from '../../rules/engine/settings';
import type { Finding, ResourceKindName } from '../../rules/engine/types';
import type { VpcWork } from '../events/coalesce';
import { auditScope, keyOfFinding, keyOfResource, type NamedResource, type ReadScope, type ScopeReader, scopeOf } from './audit-scope';
import { handOff } from './hand-off';
import type { LookupResolver, PublishPorts, RemediationQueue } from './ports';
import { publish } from './publish';

export interface ChangeDeps {
  reader: ScopeReader;
  lookups: LookupResolver;
  /** Absent when settings.sinks.securityHub is false. */
  publish?: PublishPorts;
  remediation: RemediationQueue;
  settings: Settings;
  now: Date;
  rules?: readonly AnyRule[];
}

export interface ChangeResult {
  evaluated: number;
  sent: number;
  handedOff: number;
}

/**
 * Kinds on the path between the internet and an interface. A change to one of them changes the
 * exposure severity of every group behind it, and which groups are behind it is only known after
 * evaluating reachability over the VPC: since the VPC's context is read anyway, the sg-no-public-*
 * findings of every group of the VPC are re-published (publish sends only those whose severity
 * actually moved, so the cost is evaluation time, not imports).
 */
const PATH_KINDS = new Set<ResourceKindName>(['NetworkAcl', 'RouteTable', 'Subnet', 'NetworkInterface', 'Vpc']);

/**
 * One VPC's share of a change batch: resolve its lookups, read its context once, evaluate every
 * rule of the affected kinds with exposure severity, publish the affected resources' findings to
 * Security Hub and hand their remediable FAILs to the remediation queue.
 */
export async function auditChanges(work: VpcWork, deps: ChangeDeps): Promise<ChangeResult> {
  const found = work.lookups.length > 0 ? await deps.lookups.resolve(work.lookups) : [];
  const named: NamedResource[] = [...work.resources, ...found];
  const vpcIds = [work.vpcId, ...found.map((f) => f.vpcId)].filter((v): v is string => v !== undefined);
  const sweptTypes = new Set(work.sweeps.map((s) => RESOURCE_KINDS[s.kind].cfnType));
  const kinds = new Set([...named.map((r) => r.kind), ...work.sweeps.map((s) => s.kind)]);
  const pathChanged = [...kinds].some((k) => PATH_KINDS.has(k));
  const rules = (deps.rules ?? CATALOG).filter((r) => kinds.has(r.meta.resourceKind) || (pathChanged && usesExposureSeverity(r.meta.id)));
  if (rules.length === 0) return { evaluated: 0, sent: 0, handedOff: 0 };

  const keys = new Set(named.map(keyOfResource));
  const keep = (f: Finding) => keys.has(keyOfFinding(f)) || sweptTypes.has(f.resourceType) || (pathChanged && usesExposureSeverity(f.ruleId));
  // A kind sweep with no VPC to bound it (the events named none) reads the region: rare, and
  // the only way to find what the call changed.
  const scope: ReadScope = work.sweeps.length > 0 && vpcIds.length === 0 ? { kind: 'region' } : scopeOf(named, vpcIds);
  const audited = await auditScope(deps.reader, { rules, exposure: true, scope, settings: deps.settings, now: deps.now, keep });
  if (!audited.accountId || !audited.region) throw new Error('the account id or region of the change could not be read (sts:GetCallerIdentity refused?)');
  const target = { accountId: audited.accountId, region: audited.region, now: deps.now };
  const sent = deps.publish ? (await publish(audited.findings, target, deps.publish)).sent : 0;
  const handedOff = await handOff(audited.findings, target, deps.remediation);
  return { evaluated: audited.findings.length, sent, handedOff };
}
