import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../rules/catalog';
import { EXPOSURE_SEVERITY_KEYS, usesExposureSeverity } from '../../../rules/engine/exposure-severity';
import { RESOURCE_KINDS } from '../../../rules/engine/resources';
import type { AnyRule } from '../../../rules/engine/rule';
import { audit } from '../../helpers';

/** What a rule's metadata says it reads: its resource list, `inputs`, `reads`, and exposure severity's keys. */
function declaredKeys(rule: AnyRule): Set<string> {
  const { meta } = rule;
  return new Set<string>([
    RESOURCE_KINDS[meta.resourceKind].snapshotKey,
    ...meta.inputs,
    ...meta.reads,
    ...(usesExposureSeverity(meta.id) ? EXPOSURE_SEVERITY_KEYS : []),
  ]);
}

describe('rule metadata names every snapshot key a rule reads', () => {
  const sample = JSON.parse(readFileSync('examples/sample-account.json', 'utf8')) as Record<string, unknown>;
  const full = audit(sample);

  it.each(CATALOG.map((r) => [r.meta.id, r] as const))('%s: the sample reduced to its declared keys gives the findings the whole sample gives', (id, rule) => {
    // Arrange: the sample account with only the keys the metadata names (and the account's identity)
    const keys = declaredKeys(rule);
    const reduced = Object.fromEntries(Object.entries(sample).filter(([k]) => k === 'AccountId' || k === 'Region' || keys.has(k)));
    // Act
    const findings = audit(reduced, [rule]);
    // Assert
    expect(findings).toEqual(full.filter((f) => f.ruleId === id));
  });

  it.each(CATALOG.map((r) => [r.meta.id, r] as const))('%s: a key is either needed (inputs) or read when present (reads), never both nor its own list', (_id, { meta }) => {
    const own = RESOURCE_KINDS[meta.resourceKind].snapshotKey;
    expect(meta.inputs.filter((k) => meta.reads.includes(k))).toEqual([]);
    expect([...meta.inputs, ...meta.reads]).not.toContain(own);
  });
});
