import { usesExposureSeverity } from '../../../rules/engine/exposure-severity';
import { REACHABILITY_INPUTS } from '../../../rules/engine/reachability';
import { RESOURCE_KINDS } from '../../../rules/engine/resources';
import type { AnyRule } from '../../../rules/engine/rule';
import type { SnapshotKey } from '../../../rules/engine/snapshot-schema';
import { SOURCES } from './sources';

/**
 * Keys the engine reads alongside a key although no rule's `inputs` names them: without them a
 * verdict stands but its severity, message or evidence changes (facts become unknowns).
 * test/lambdas/adapters/ec2/keys.test.ts checks, rule by rule, that these keys are enough.
 */
const COMPANIONS: Partial<Record<SnapshotKey, SnapshotKey[]>> = {
  // Rule ids (remediation revokes by id); customer prefix lists resolve to their entries, and
  // AWS-managed ones are told apart by their owner; the VPC's DNS address (the unfilterable rule).
  SecurityGroups: ['SecurityGroupRules', 'ManagedPrefixLists', 'PrefixListEntries', 'Vpcs'],
  // Whether a route's internet gateway is attached; prefix-list routes to it.
  RouteTables: ['InternetGateways', 'ManagedPrefixLists', 'PrefixListEntries'],
  // The VPC's DNS address (nacl-no-unfilterable-targets).
  NetworkAcls: ['Vpcs'],
  // Whether a route sends traffic to the interface: a NAT instance (eni-source-dest-check-enabled).
  NetworkInterfaces: ['RouteTables'],
  // A VPC without its own flow log: the evidence names the flow logs on its subnets and interfaces.
  FlowLogs: ['Subnets', 'NetworkInterfaces'],
};

/**
 * The snapshot keys to read for these rules: each rule's resource list and `inputs`, what the
 * engine reads with them, and, when exposure severity is wanted (sweeps and the CLI, not Config
 * evaluations), what reachability needs. In SOURCES order, so reads and output are stable.
 */
export function keysFor(rules: readonly AnyRule[], options: { exposure: boolean }): SnapshotKey[] {
  const wanted = new Set<SnapshotKey>();
  for (const rule of rules) {
    wanted.add(RESOURCE_KINDS[rule.meta.resourceKind].snapshotKey);
    for (const key of rule.meta.inputs) wanted.add(key);
    if (options.exposure && usesExposureSeverity(rule.meta.id)) for (const key of [...REACHABILITY_INPUTS, 'NetworkInterfaces' as const]) wanted.add(key);
  }
  // One pass, from what the rules read themselves: interfaces read only for a flow-log rule's
  // evidence need no route tables.
  for (const key of [...wanted]) for (const companion of COMPANIONS[key] ?? []) wanted.add(companion);
  return SOURCES.map((s) => s.key).filter((k) => wanted.has(k));
}

/** Every key the collector can read (`snapshot --live` without --rules). */
export const ALL_KEYS: readonly SnapshotKey[] = SOURCES.map((s) => s.key);
