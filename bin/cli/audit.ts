import { CATALOG, RULE_IDS } from '../../rules/catalog';
import { InputError } from '../../rules/engine/errors';
import { evaluateInto, modeOf } from '../../rules/engine/evaluate';
import { SnapshotModel } from '../../rules/engine/model';
import { parseSnapshot } from '../../rules/engine/parse-snapshot';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../../rules/engine/settings';
import { snapshotKeysWarning } from '../../rules/engine/snapshot-keys';
import { type Severity, STATUSES, type Status } from '../../rules/engine/types';
import type { AsffScope } from '../../rules/report/asff';
import { auditExitCode, SummaryBuilder } from '../../rules/report/summary';
import { TABLE_STATUSES } from '../../rules/report/table';
import { asffOutput, type AuditOutput, jsonOutput, tableOutput } from './audit-output';
import { type CliIo, oneLine, readJsonFile, STDIN, sourceName } from './io';

export const AUDIT_FORMATS = ['table', 'json', 'asff'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export interface AuditOptions {
  snapshot: string;
  format?: AuditFormat;
  failOn: Severity | 'none';
  config?: string;
  rules?: string[];
  /** Which evaluations to print (default: all for json and asff, FAIL and ERROR for the table). */
  status?: Status[];
}

export function loadSettings(io: CliIo, path: string | undefined): Settings {
  if (!path) return DEFAULT_SETTINGS;
  return parseSettings(readJsonFile(io, path, 'config file'), sourceName(path), RULE_IDS);
}

/** The rules to run: selected by --rules, and not `off` in the settings. None is a usage error, not a clean audit. */
function selectRules(ids: string[] | undefined, settings: Settings, configPath: string | undefined) {
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

/** `vpc-auditor audit`: evaluates a snapshot file and prints the findings; returns the exit code. */
export function runAudit(io: CliIo, opts: AuditOptions): number {
  // Standard input can be read once: the second reader would get nothing and a puzzling error.
  if (opts.snapshot === STDIN && opts.config === STDIN) throw new InputError('--snapshot - and --config -: only one of them can read standard input');
  const settings = loadSettings(io, opts.config);
  const catalog = selectRules(opts.rules, settings, opts.config);
  const source = sourceName(opts.snapshot);
  const snapshot = parseSnapshot(readJsonFile(io, opts.snapshot, 'snapshot'), source);
  const warning = snapshotKeysWarning(snapshot);
  if (warning) io.stderr(`vpc-auditor: warning: ${oneLine(`${source}: ${warning}`)}\n`);
  const model = new SnapshotModel(snapshot);
  const now = io.now();
  const format = opts.format ?? (io.isTty ? 'table' : 'json');
  const shown: ReadonlySet<Status> = opts.status ? new Set(opts.status) : format === 'table' ? TABLE_STATUSES : new Set(STATUSES);
  const output = auditOutput(io, format, format === 'asff' ? asffScope(model, now) : undefined, shown);
  // Findings are printed (or, for the table, kept) as they come and counted; the rest let go.
  const summary = new SummaryBuilder();
  evaluateInto(catalog, model, { settings, now }, (f) => {
    summary.add(f);
    if (shown.has(f.status)) output.add(f);
  });
  const counts = summary.build();
  output.end(counts);
  return auditExitCode(counts, opts.failOn);
}

function auditOutput(io: CliIo, format: AuditFormat, scope: AsffScope | undefined, shown: ReadonlySet<Status>): AuditOutput {
  if (format === 'table') return tableOutput(io.stdout, shown);
  return scope ? asffOutput(io.stdout, scope) : jsonOutput(io.stdout);
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
