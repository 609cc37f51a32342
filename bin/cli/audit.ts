import { CATALOG, RULE_IDS } from '../../rules/catalog';
import { InputError } from '../../rules/engine/errors';
import { evaluateInto, modeOf } from '../../rules/engine/evaluate';
import { SnapshotModel } from '../../rules/engine/model';
import { parseSnapshot } from '../../rules/engine/parse-snapshot';
import type { AnyRule } from '../../rules/engine/rule';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../../rules/engine/settings';
import type { Snapshot } from '../../rules/engine/snapshot-schema';
import { snapshotKeysWarning } from '../../rules/engine/snapshot-keys';
import { type Finding, type Severity, STATUSES, type Status } from '../../rules/engine/types';
import type { AsffScope } from '../../rules/report/asff';
import { auditExitCode, SummaryBuilder } from '../../rules/report/summary';
import { TABLE_STATUSES } from '../../rules/report/table';
import { asffOutput, type AuditOutput, jsonOutput, tableOutput } from './audit-output';
import { type CliIo, oneLine, readJsonFile, STDIN, sourceName } from './io';

export const AUDIT_FORMATS = ['table', 'json', 'asff'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export interface AuditOptions {
  /** The file to audit (`-` = standard input); absent with --live (the snapshots are collected, see live.ts). */
  snapshot?: string;
  format?: AuditFormat;
  failOn: Severity | 'none';
  config?: string;
  rules?: string[];
  /** Which evaluations to print (default: all for json and asff, FAIL and ERROR for the table). */
  status?: Status[];
}

export function loadSettings(io: CliIo, path: string | undefined): Settings {
  if (!path) return DEFAULT_SETTINGS;
  return parseSettings(readJsonFile(io, path, 'config file'), sourceName(path), CATALOG);
}

/** The rules to run: selected by --rules, and not `off` in the settings. None is a usage error, not a clean audit. */
export function selectRules(ids: string[] | undefined, settings: Settings, configPath: string | undefined) {
  if (ids?.length === 0) throw new InputError('--rules: no rule id given (see `vpc-auditor rules`)');
  const unknown = ids?.filter((id) => !RULE_IDS.includes(id)) ?? [];
  if (unknown.length) throw new InputError(`--rules: unknown rule id ${unknown.join(', ')} (see \`vpc-auditor rules\`)`);
  const selected = ids ? CATALOG.filter((r) => ids.includes(r.meta.id)) : CATALOG;
  const running = selected.filter((r) => modeOf(r.meta, settings) !== 'off');
  if (running.length === 0) {
    throw new InputError(`no rule to run: ${ids ? 'every rule --rules names' : 'every rule'} is off in ${sourceName(configPath ?? '')} (rules.<id>.mode)`);
  }
  return running;
}

/** `vpc-auditor audit --snapshot`: evaluates a snapshot file and prints the findings; returns the exit code. */
export function runAudit(io: CliIo, opts: AuditOptions): number {
  // Standard input can be read once: the second reader would get nothing and a puzzling error.
  if (opts.snapshot === STDIN && opts.config === STDIN) throw new InputError('--snapshot - and --config -: only one of them can read standard input');
  const settings = loadSettings(io, opts.config);
  const catalog = selectRules(opts.rules, settings, opts.config);
  return auditSnapshots(io, opts, { settings, catalog, snapshots: [readSnapshot(io, opts.snapshot as string)] });
}

/** What an audit evaluates: settings and rules already checked (live mode checks them before collecting), and the snapshots. */
export interface AuditInput {
  settings: Settings;
  catalog: readonly AnyRule[];
  snapshots: readonly Snapshot[];
}

/**
 * Evaluates the snapshots (a file's, or those `--live` collected, one per region) as one report
 * and prints it; returns the exit code. With several regions, resource ids can repeat across
 * them, so each finding says its `region`; one region prints exactly what `audit --snapshot`
 * prints for that region's snapshot file.
 */
export function auditSnapshots(io: CliIo, opts: AuditOptions, { settings, catalog, snapshots }: AuditInput): number {
  const now = io.now();
  const format = opts.format ?? (io.isTty ? 'table' : 'json');
  const models = snapshots.map((s) => new SnapshotModel(s));
  const scopes = format === 'asff' ? models.map((m) => asffScope(m, now)) : undefined;
  const shown: ReadonlySet<Status> = opts.status ? new Set(opts.status) : format === 'table' ? TABLE_STATUSES : new Set(STATUSES);
  const output = auditOutput(io, format, shown);
  // Findings are printed (or, for the table, kept) as they come and counted; the rest let go.
  const summary = new SummaryBuilder();
  models.forEach((model, i) => {
    const region = models.length > 1 ? model.region : undefined;
    evaluateInto(catalog, model, { settings, now }, (f) => {
      summary.add(f);
      if (shown.has(f.status)) output.add(region ? inRegion(f, region) : f, scopes?.[i]);
    });
  });
  const counts = summary.build();
  output.end(counts);
  return auditExitCode(counts, opts.failOn);
}

/** A snapshot file (or standard input), validated; warns when it holds none of the known keys. */
function readSnapshot(io: CliIo, path: string): Snapshot {
  const source = sourceName(path);
  const snapshot = parseSnapshot(readJsonFile(io, path, 'snapshot'), source);
  const warning = snapshotKeysWarning(snapshot);
  if (warning) io.stderr(`vpc-auditor: warning: ${oneLine(`${source}: ${warning}`)}\n`);
  return snapshot;
}

function auditOutput(io: CliIo, format: AuditFormat, shown: ReadonlySet<Status>): AuditOutput {
  if (format === 'table') return tableOutput(io.stdout, shown);
  return format === 'asff' ? asffOutput(io.stdout) : jsonOutput(io.stdout);
}

/** The finding with its region next to its resource id (a multi-region report). */
function inRegion(f: Finding, region: string): Finding {
  const { ruleId, resourceType, resourceId, ...rest } = f;
  return { ruleId, resourceType, resourceId, region, ...rest };
}

/** Account and region for ASFF, checked before any work is done: Security Hub rejects ARNs built from anything else. */
function asffScope(model: SnapshotModel, now: Date): AsffScope {
  const accountId = model.accountId;
  const region = model.region ?? process.env.AWS_REGION;
  if (!accountId && !region) throw new InputError('--format asff needs the account and the region: add AccountId and Region to the snapshot (or set AWS_REGION)');
  if (!accountId) throw new InputError('--format asff needs the account: add AccountId to the snapshot');
  if (!region) throw new InputError('--format asff needs the region: add Region to the snapshot or set AWS_REGION');
  if (!/^\d{12}$/.test(accountId)) throw new InputError(`--format asff: account ${JSON.stringify(accountId)} is not a 12-digit AWS account id`);
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw new InputError(`--format asff: region ${JSON.stringify(region)} is not an AWS region name such as eu-west-1`);
  return { accountId, region, now };
}
