import { EXPOSURE_SEVERITY_KEYS, usesExposureSeverity } from '../engine/exposure-severity';
import type { AnyRule } from '../engine/rule';
import { RESOURCE_KINDS } from '../engine/resources';
import { DEFAULT_SETTINGS, SettingsSchema } from '../engine/settings';
import type { RuleMetadata } from '../engine/types';
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
    'Generated from rule metadata and the settings schema by `npm run rules:md`; do not edit by hand. Semantics: [docs/semantics.md](docs/semantics.md), `vpc-auditor rules`, and each rule file under `rules/catalog/`.',
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
      ...(meta.reads.length ? [`- Also reads, when the snapshot has them: ${meta.reads.join(', ')}`] : []),
      ...(usesExposureSeverity(meta.id) ? [`- For exposure-aware severity also reads: ${exposureKeys(meta).join(', ')}`] : []),
      '',
    );
  }
  lines.push(...settingsSection());
  return lines.join('\n');
}

/** What exposure severity reads that the rule's own keys do not already name. */
function exposureKeys(meta: RuleMetadata): string[] {
  const own = new Set<string>([RESOURCE_KINDS[meta.resourceKind].snapshotKey, ...meta.inputs, ...meta.reads]);
  return EXPOSURE_SEVERITY_KEYS.filter((k) => !own.has(k));
}

/** The settings rules read, with their defaults: from the schema itself, so they cannot drift. */
function settingsSection(): string[] {
  const lines = ['## Settings and their defaults', '', 'Set in `--config FILE` (CLI) or cdk.json context `vpc-auditor`; nested objects may be partial.', '', '| setting | default | meaning |', '|---|---|---|'];
  for (const [key, schema] of Object.entries(SettingsSchema.shape)) {
    const value = DEFAULT_SETTINGS[key as keyof typeof DEFAULT_SETTINGS];
    // One line, spaced as people write JSON (string values hold no line breaks, so this is safe).
    const json = JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
    lines.push(`| \`${key}\` | \`${cell(json)}\` | ${cell(schema.description ?? '')} |`);
  }
  lines.push('');
  return lines;
}
