import type { AnyRule } from '../../rules/engine/rule';

export const RULES_FORMATS = ['table', 'md', 'json'] as const;
export type RulesFormat = (typeof RULES_FORMATS)[number];

/** `vpc-auditor rules`: the catalog as a table or as the metadata itself (json). */
export function formatRules(catalog: readonly AnyRule[], format: Exclude<RulesFormat, 'md'>): string {
  if (format === 'json') return `${JSON.stringify(catalog.map((r) => r.meta), null, 2)}\n`;
  const rows = catalog.map((r) => [r.meta.id, r.meta.severity, r.meta.resourceKind, r.meta.title]);
  const header = ['ID', 'SEVERITY', 'RESOURCE', 'COMPLIANT STATE'];
  const widths = [0, 1, 2].map((i) => Math.max(header[i].length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c)).join('  ');
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
