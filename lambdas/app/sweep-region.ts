import { CATALOG } from '../../rules/catalog';
import type { AnyRule } from '../../rules/engine/rule';
import type { Settings } from '../../rules/engine/settings';
import { auditScope, type ScopeReader } from './audit-scope';
import type { PublishPorts } from './ports';
import { publish } from './publish';
import { reconcile } from './reconcile';

export interface SweepDeps {
  reader: ScopeReader;
  /** Absent when settings.sinks.securityHub is false: the sweep then only evaluates. */
  publish?: PublishPorts;
  settings: Settings;
  now: Date;
  rules?: readonly AnyRule[];
}

export interface SweepResult {
  evaluated: number;
  sent: number;
  unchanged: number;
  archived: number;
  /** Calls the account refused: their lists' rules are left out of reconcile. */
  warnings: readonly { call: string; error: string }[];
}

/**
 * Reads the whole region for every enabled rule (with exposure severity), publishes what changed
 * and reconciles: a finding whose resource is gone is ARCHIVED (one that passes now goes out as a
 * changed finding, PASSED). A list that could not be read yields snapshot-wide findings, which
 * reconcile takes as "unknown", so the findings of those rules stay as they are.
 */
export async function sweepRegion(deps: SweepDeps): Promise<SweepResult> {
  const audited = await auditScope(deps.reader, { rules: deps.rules ?? CATALOG, exposure: true, scope: { kind: 'region' }, settings: deps.settings, now: deps.now });
  const result = { evaluated: audited.findings.length, sent: 0, unchanged: 0, archived: 0, warnings: audited.warnings };
  if (!deps.publish) return result;
  if (!audited.accountId || !audited.region) throw new Error('the account id or region of the sweep could not be read (sts:GetCallerIdentity refused?)');
  const target = { accountId: audited.accountId, region: audited.region, now: deps.now };
  const published = await publish(audited.findings, target, deps.publish);
  const { archived } = await reconcile(audited.findings, target, deps.publish);
  return { ...result, sent: published.sent, unchanged: published.unchanged, archived };
}
