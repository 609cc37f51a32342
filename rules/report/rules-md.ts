import type { AnyRule } from '../engine/rule';
import { RESOURCE_KINDS } from '../engine/resources';
import { FRAMEWORKS } from '../frameworks';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function references(compliance: Record<string, string[]>): string {
  const parts = Object.entries(compliance).map(([fw, ids]) => `${FRAMEWORKS[fw]?.title ?? fw}: ${ids.join(', ')}`);
  return parts.length ? parts.join('; ') : '-';
}

/** RULES.md, generated from rule metadata (`npm run rules:md`); a test fails when it is stale. */
export function rulesMarkdown(catalog: readonly AnyRule[]): string {
  const lines = [
    '# Rules',
    '',
    'Generated from rule metadata by `npm run rules:md`; do not edit by hand. Semantics: `vpc-auditor rules`, and each rule file under `rules/catalog/`.',
    '',
    '| id | resource | severity | compliant state | remediation (default mode) | references |',
    '|---|---|---|---|---|---|',
  ];
  for (const { meta } of catalog) {
    const fix = meta.remediation.kind ? `${meta.remediation.kind} (${meta.remediation.defaultMode})` : 'none';
    lines.push(
      `| \`${meta.id}\` | ${RESOURCE_KINDS[meta.resourceKind].cfnType} | ${meta.severity} | ${cell(meta.title)} | ${fix} | ${cell(references(meta.compliance))} |`,
    );
  }
  lines.push('', '## Details', '');
  for (const { meta } of catalog) {
    lines.push(
      `### \`${meta.id}\``,
      '',
      cell(meta.description),
      '',
      `- Remediation: ${cell(meta.remediation.text)} ([docs](${meta.remediation.url}))`,
      `- Re-evaluated on: ${meta.triggers.cloudTrailEvents.join(', ')}; Config ${meta.triggers.configResourceTypes.join(', ')}`,
      ...(meta.inputs.length ? [`- Also needs snapshot keys: ${meta.inputs.join(', ')}`] : []),
      '',
    );
  }
  return lines.join('\n');
}
