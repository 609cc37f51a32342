import { type AuditOptions, auditSnapshots, loadSettings, selectRules } from './audit';
import type { CliIo } from './io';
import { collectLive } from './live-collect';

export { snapshotLive } from './snapshot-command';

/** Live mode's entry, loaded on demand by program.ts (its own bundle: dist/cli-live.cjs). */
export interface LiveAuditOptions extends AuditOptions {
  region?: string[];
  profile?: string;
}

/** `vpc-auditor audit --live`: collects each region, then audits them as one report. */
export async function auditLive(io: CliIo, opts: LiveAuditOptions): Promise<number> {
  // Settings and rule ids are checked before the first call to AWS.
  const settings = loadSettings(io, opts.config);
  const catalog = selectRules(opts.rules, settings, opts.config);
  const snapshots = await collectLive(io, { region: opts.region, profile: opts.profile, concurrency: settings.collectConcurrency }, catalog);
  // The checked settings and rules go on as they are: --config is read once (it may be standard input).
  return auditSnapshots(io, opts, { settings, catalog, snapshots });
}
