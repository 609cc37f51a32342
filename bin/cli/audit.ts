import { CATALOG, RULE_IDS } from '../../rules/catalog';
import { InputError } from '../../rules/engine/errors';
import { evaluate, SNAPSHOT_RESOURCE_ID } from '../../rules/engine/evaluate';
import { SnapshotModel } from '../../rules/engine/model';
import { parseSnapshot } from '../../rules/engine/parse-snapshot';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../../rules/engine/settings';
import type { Finding, Severity } from '../../rules/engine/types';
import { toAsff } from '../../rules/report/asff';
import { auditExitCode, summarize } from '../../rules/report/summary';
import { formatTable } from '../../rules/report/table';
import { type CliIo, readJsonFile } from './io';

export const AUDIT_FORMATS = ['table', 'json', 'asff'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export interface AuditOptions {
  snapshot: string;
  format?: AuditFormat;
  failOn: Severity | 'none';
  config?: string;
  rules?: string[];
}

export function loadSettings(io: CliIo, path: string | undefined): Settings {
  if (!path) return DEFAULT_SETTINGS;
  return parseSettings(readJsonFile(io, path, 'config file'), path, RULE_IDS);
}

function selectRules(ids: string[] | undefined) {
  if (!ids) return CATALOG;
  const unknown = ids.filter((id) => !RULE_IDS.includes(id));
  if (unknown.length) throw new InputError(`--rules: unknown rule id ${unknown.join(', ')} (see \`vpc-auditor rules\`)`);
  return CATALOG.filter((r) => ids.includes(r.meta.id));
}

/** `vpc-auditor audit`: evaluates a snapshot file and prints the findings; returns the exit code. */
export function runAudit(io: CliIo, opts: AuditOptions): number {
  const settings = loadSettings(io, opts.config);
  const catalog = selectRules(opts.rules);
  const snapshot = parseSnapshot(readJsonFile(io, opts.snapshot, 'snapshot'), opts.snapshot);
  const model = new SnapshotModel(snapshot);
  const now = io.now();
  const findings = evaluate(catalog, model, { settings, now });
  const format = opts.format ?? (io.isTty ? 'table' : 'json');
  io.stdout(render(format, findings, model, now));
  return auditExitCode(findings, opts.failOn);
}

function render(format: AuditFormat, findings: Finding[], model: SnapshotModel, now: Date): string {
  const summary = summarize(findings);
  if (format === 'table') return formatTable(findings, summary);
  if (format === 'json') return `${JSON.stringify({ findings, summary }, null, 2)}\n`;
  const accountId = model.accountId;
  const region = model.region ?? process.env.AWS_REGION;
  if (!accountId || !region) {
    throw new InputError('--format asff needs the account and region: add AccountId and Region to the snapshot');
  }
  const resourceFindings = findings.filter((f) => f.resourceId !== SNAPSHOT_RESOURCE_ID);
  return `${JSON.stringify(resourceFindings.map((f) => toAsff(f, { accountId, region, now })), null, 2)}\n`;
}
