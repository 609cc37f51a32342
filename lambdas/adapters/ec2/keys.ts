import { EXPOSURE_SEVERITY_KEYS, usesExposureSeverity } from '../../../rules/engine/exposure-severity';
import { RESOURCE_KINDS } from '../../../rules/engine/resources';
import type { AnyRule } from '../../../rules/engine/rule';
import type { SnapshotKey } from '../../../rules/engine/snapshot-schema';
import { SOURCES } from './sources';

/**
 * The snapshot keys to read for these rules: each rule's resource list, `inputs` and `reads`
 * (its metadata is the one truth of what it reads), and, when exposure severity is wanted
 * (sweeps and the CLI, not Config evaluations), what reachability reads. In SOURCES order, so
 * reads and output are stable; keys no call fills (PrefixLists) are left out.
 */
export function keysFor(rules: readonly AnyRule[], options: { exposure: boolean }): SnapshotKey[] {
  const wanted = new Set<SnapshotKey>();
  for (const rule of rules) {
    wanted.add(RESOURCE_KINDS[rule.meta.resourceKind].snapshotKey);
    for (const key of rule.meta.inputs) wanted.add(key);
    for (const key of rule.meta.reads) wanted.add(key);
    if (options.exposure && usesExposureSeverity(rule.meta.id)) for (const key of EXPOSURE_SEVERITY_KEYS) wanted.add(key);
  }
  return SOURCES.map((s) => s.key).filter((k) => wanted.has(k));
}

/** Every key the collector can read (`snapshot --live` without --rules). */
export const ALL_KEYS: readonly SnapshotKey[] = SOURCES.map((s) => s.key);
