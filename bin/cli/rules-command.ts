import type { AnyRule } from '../../rules/engine/rule';
import { alignColumns } from '../../rules/report/columns';

export const RULES_FORMATS = ['table', 'md', 'json'] as const;
export type RulesFormat = (typeof RULES_FORMATS)[number];

/** `vpc-auditor rules`: the catalog as a table or as the metadata itself (json). */
export function formatRules(catalog: readonly AnyRule[], format: Exclude<RulesFormat, 'md'>): string {
  if (format === 'json') return `${JSON.stringify(catalog.map((r) => r.meta), null, 2)}\n`;
  const rows = catalog.map((r) => [r.meta.id, r.meta.severity, r.meta.resourceKind, r.meta.title]);
  return `${alignColumns(['ID', 'SEVERITY', 'RESOURCE', 'COMPLIANT STATE'], rows).join('\n')}\n`;
}
