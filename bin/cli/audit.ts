import { CATALOG, RULE_IDS } from '../../rules/catalog';
import { InputError } from '../../rules/engine/errors';
import { evaluateInto, SNAPSHOT_RESOURCE_ID } from '../../rules/engine/evaluate';
import { SnapshotModel } from '../../rules/engine/model';
import { parseSnapshot } from '../../rules/engine/parse-snapshot';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../../rules/engine/settings';
import type { Snapshot } from '../../rules/engine/snapshot-schema';
import type { Finding, Severity } from '../../rules/engine/types';
import { type AsffScope, toAsff } from '../../rules/report/asff';
import { auditExitCode, SummaryBuilder } from '../../rules/report/summary';
import { formatTable } from '../../rules/report/table';
import { type CliIo, readJsonFile } from './io';

export const AUDIT_FORMATS = ['table', 'json', 'asff'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export interface AuditOptions {
  /** The file to audit; absent with --live (the snapshots are collected, see live.ts). */
  snapshot?: string;
  format?: AuditFormat;
  failOn: Severity | 'none';
  config?: string;
  rules?: string[];
}

export function loadSettings(io: CliIo, path: string | undefined): Settings {
  if (!path) return DEFAULT_SETTINGS;
  return parseSettings(readJsonFile(io, path, 'config file'), path, RULE_IDS);
}

export function selectRules(ids: string[] | undefined) {
  if (!ids) return CATALOG;
  const unknown = ids.filter((id) => !RULE_IDS.includes(id));
  if (unknown.length) throw new InputError(`--rules: unknown rule id ${unknown.join(', ')} (see \`vpc-auditor rules\`)`);
  return CATALOG.filter((r) => ids.includes(r.meta.id));
}

/**
 * `vpc-auditor audit`: evaluates a snapshot file, or the snapshots `--live` collected (one per
 * region), and prints the findings; returns the exit code. With several regions, resource ids
 * can repeat across them, so each finding says its `region`; one region prints exactly what
 * `audit --snapshot` prints for that region's snapshot file.
 */
export function runAudit(io: CliIo, opts: AuditOptions, live?: readonly Snapshot[]): number {
  const settings = loadSettings(io, opts.config);
  const catalog = selectRules(opts.rules);
  const snapshots = live ?? [parseSnapshot(readJsonFile(io, opts.snapshot as string, 'snapshot'), opts.snapshot)];
  const now = io.now();
  const format = opts.format ?? (io.isTty ? 'table' : 'json');
  const models = snapshots.map((s) => new SnapshotModel(s));
  const scopes = format === 'asff' ? models.map((m) => asffScope(m, now)) : undefined;
  // The table shows failures only: count the rest as they come instead of keeping them.
  const keepAll = format !== 'table';
  const summary = new SummaryBuilder();
  const findings: Finding[] = [];
  const asff: unknown[] = [];
  models.forEach((model, i) => {
    const region = models.length > 1 ? model.region : undefined;
    evaluateInto(catalog, model, { settings, now }, (f) => {
      summary.add(f);
      if (scopes && f.resourceId !== SNAPSHOT_RESOURCE_ID) asff.push(toAsff(f, scopes[i]));
      if (keepAll || f.status === 'FAIL' || f.status === 'ERROR') findings.push(region ? inRegion(f, region) : f);
    });
  });
  if (format === 'table') io.stdout(formatTable(findings, summary.build()));
  else if (scopes) io.stdout(`${JSON.stringify(asff, null, 2)}\n`);
  else io.stdout(`${JSON.stringify({ findings, summary: summary.build() }, null, 2)}\n`);
  return auditExitCode(findings, opts.failOn);
}

/** The finding with its region next to its resource id (a multi-region report). */
function inRegion(f: Finding, region: string): Finding {
  const { ruleId, resourceType, resourceId, ...rest } = f;
  return { ruleId, resourceType, resourceId, region, ...rest };
}

/** Account and region for ASFF, checked before any work is done. */
function asffScope(model: SnapshotModel, now: Date): AsffScope {
  const accountId = model.accountId;
  const region = model.region ?? process.env.AWS_REGION;
  if (!accountId || !region) {
    throw new InputError('--format asff needs the account and region: add AccountId and Region to the snapshot');
  }
  return { accountId, region, now };
}
