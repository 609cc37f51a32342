import { SnapshotSchema } from './snapshot-schema';

const ALL_KEYS = Object.keys(SnapshotSchema.shape);
/** The keys that hold resources or what rules read about them (AccountId and Region do not). */
const RESOURCE_KEYS = ALL_KEYS.filter((k) => k !== 'AccountId' && k !== 'Region');
/** Known keys by a folded spelling: case, `_` and `-` aside (`securityGroups`, `security_groups`). */
const BY_FOLDED = new Map(ALL_KEYS.map((k) => [fold(k), k]));

function fold(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, '');
}

/**
 * Why a snapshot is probably not what its author meant, or undefined: it holds no key a rule
 * reads (every rule would be NOT_APPLICABLE, and the audit would look clean), or a key that
 * is a known one spelled in another case, which the schema lets through as an extra key.
 */
export function snapshotKeysWarning(snapshot: object): string | undefined {
  const keys = Object.keys(snapshot);
  const hints: string[] = [];
  for (const key of keys) {
    const known = key in SnapshotSchema.shape ? undefined : BY_FOLDED.get(fold(key));
    if (known) hints.push(`${key}: did you mean ${known}?`);
  }
  const hasResources = keys.some((k) => RESOURCE_KEYS.includes(k));
  if (hasResources && hints.length === 0) return undefined;
  const none = hasResources ? [] : [`none of the snapshot keys (${RESOURCE_KEYS.slice(0, 4).join(', ')}, ...): no resource is evaluated`];
  return [...none, ...hints].join('; ');
}
