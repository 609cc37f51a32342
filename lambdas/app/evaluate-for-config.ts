import { CATALOG } from '../../rules/catalog';
import { modeOf, SNAPSHOT_RESOURCE_ID } from '../../rules/engine/evaluate';
import type { AnyRule } from '../../rules/engine/rule';
import type { Settings } from '../../rules/engine/settings';
import { clip } from '../../rules/report/asff';
import type { ConfigWork } from '../events/config-work';
import { auditScope, scopeOf, type ScopeReader } from './audit-scope';
import type { ConfigEvaluation } from './ports';
import { ANNOTATION_MAX, toEvaluations } from './publish-config';

export interface ConfigEvaluateDeps {
  reader: ScopeReader;
  settings: Settings;
  now: Date;
  rules?: readonly AnyRule[];
}

/**
 * The evaluations one Config rule invocation returns. Config's verdict never depends on exposure
 * severity (that is Security Hub's business), so the read is the rule's own inputs only:
 * keysFor([rule], { exposure: false }). Deleted, unrecorded and out-of-scope resources, resource
 * types the rule does not evaluate, and a rule switched off are NOT_APPLICABLE with nothing read.
 */
export interface ConfigOutcome {
  evaluations: ConfigEvaluation[];
  /** Calls the account refused: a list that could not be read yields no evaluation, so the handler logs them. */
  warnings: readonly { call: string; error: string }[];
  /**
   * A refused read left resources the invocation asks about without an evaluation (the invoked
   * resource, or the rule's resource list on a schedule). Config keeps the previous verdict, so the
   * handler fails the invocation after sending the rest: Config's retries, then the failure
   * destination, keep the event instead of a success that evaluated nothing.
   */
  incomplete: boolean;
}

export async function evaluateForConfig(work: ConfigWork, deps: ConfigEvaluateDeps): Promise<ConfigOutcome> {
  const rules = deps.rules ?? CATALOG;
  const rule = rules.find((r) => r.meta.id === work.ruleId)!;
  const orderingTimestamp = new Date(work.orderingTimestamp);
  const notApplicable = (reason: string): ConfigOutcome => ({
    evaluations:
      work.action === 'evaluate-kind'
        ? []
        : [{ resourceType: work.resourceType, resourceId: work.resourceId, complianceType: 'NOT_APPLICABLE', annotation: clip(`Not applicable: ${reason}.`, ANNOTATION_MAX), orderingTimestamp }],
    warnings: [],
    incomplete: false,
  });

  if (work.action === 'not-applicable') return notApplicable(work.reason);
  if (modeOf(rule.meta, deps.settings) === 'off') return notApplicable(`${rule.meta.id} is off in the vpc-auditor settings`);
  const common = { rules: [rule], exposure: false, settings: deps.settings, now: deps.now };
  if (work.action === 'evaluate-kind') {
    const audited = await auditScope(deps.reader, { ...common, scope: { kind: 'region' } });
    // In a region read, a list that was not read shows as a snapshot-wide finding (no resource).
    const unread = audited.findings.some((f) => f.resourceId === SNAPSHOT_RESOURCE_ID);
    return { evaluations: toEvaluations(audited.findings, orderingTimestamp), warnings: audited.warnings, incomplete: unread && audited.warnings.length > 0 };
  }
  // A rule triggered by a type it does not judge (an interface change for a group rule): the
  // interface itself is not applicable; the groups are evaluated by their own changes and the schedule.
  if (work.resourceKind !== rule.meta.resourceKind) return notApplicable(`${rule.meta.id} evaluates ${rule.meta.resourceKind} resources, not ${work.resourceType}`);
  const audited = await auditScope(deps.reader, {
    ...common,
    // The resource by id, not its VPC's other resources: the verdict is about this one.
    scope: { ...scopeOf([{ kind: work.resourceKind, id: work.resourceId }]), vpcContext: false },
    keep: (f) => f.resourceId === work.resourceId,
  });
  // Deleted between the change and this read: the deletion's own notification follows.
  if (audited.findings.length === 0 && audited.warnings.length === 0) return notApplicable(`${work.resourceId} no longer exists`);
  return { evaluations: toEvaluations(audited.findings, orderingTimestamp), warnings: audited.warnings, incomplete: audited.findings.length === 0 };
}
