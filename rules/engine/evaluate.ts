import { EvaluationContext } from './context';
import { exemptionFor } from './exemptions';
import type { SnapshotModel } from './model';
import { RESOURCE_KINDS, type ResourceKind } from './resources';
import type { AnyRule } from './rule';
import type { Settings } from './settings';
import type { Finding, RuleMetadata, RuleResult, Severity } from './types';

export interface EvaluateOptions {
  settings: Settings;
  now: Date;
}

/** Resource id used for a finding about the snapshot as a whole (a missing resource list). */
export const SNAPSHOT_RESOURCE_ID = 'snapshot';

/**
 * Runs every rule that is not `off` over every resource of its kind. One finding per (rule,
 * resource), passes included. A rule that throws yields ERROR for that resource only.
 */
export function evaluate(catalog: readonly AnyRule[], model: SnapshotModel, options: EvaluateOptions): Finding[] {
  const ctx = new EvaluationContext(model, options.settings, options.now);
  const findings: Finding[] = [];
  for (const rule of catalog) {
    if (modeOf(rule.meta, options.settings) === 'off') continue;
    evaluateRule(rule, ctx, findings);
  }
  return findings;
}

export function modeOf(meta: RuleMetadata, settings: Settings) {
  return settings.rules[meta.id]?.mode ?? meta.remediation.defaultMode;
}

function evaluateRule(rule: AnyRule, ctx: EvaluationContext, out: Finding[]): void {
  const kind = RESOURCE_KINDS[rule.meta.resourceKind] as ResourceKind<unknown>;
  const evaluateOne = rule.evaluate as (resource: unknown, ctx: EvaluationContext) => RuleResult;
  if (!ctx.model.has(kind.snapshotKey)) {
    const message = `The snapshot has no ${kind.snapshotKey}: nothing to evaluate.`;
    out.push(toFinding(rule.meta, kind, SNAPSHOT_RESOURCE_ID, ctx, notApplicableFor([kind.snapshotKey], message)));
    return;
  }
  const missing = rule.meta.inputs.filter((key) => !ctx.model.has(key));
  for (const resource of kind.list(ctx.model)) {
    const id = kind.id(resource);
    let result: RuleResult;
    if (missing.length > 0) {
      result = notApplicableFor(missing, `The snapshot has no ${missing.join(', ')}, which this rule needs.`);
    } else {
      try {
        result = evaluateOne(resource, ctx);
      } catch (err) {
        out.push(errorFinding(rule.meta, kind, id, ctx, err));
        continue;
      }
    }
    out.push(toFinding(rule.meta, kind, id, ctx, applyExemption(rule.meta.id, kind.tags(resource), ctx.now, result)));
  }
}

function notApplicableFor(missing: string[], message: string): RuleResult {
  return { status: 'NOT_APPLICABLE', message, evidence: { missingInputs: missing } };
}

/** An exempted FAIL becomes PASS with evidence `exempted`, keeping what was waived. */
function applyExemption(ruleId: string, tags: Parameters<typeof exemptionFor>[0], now: Date, result: RuleResult): RuleResult {
  const exemption = exemptionFor(tags, ruleId, now);
  if (exemption.exempt) {
    if (result.status !== 'FAIL') return result;
    return {
      status: 'PASS',
      message: `Exempted by tag vpc-auditor:exempt=${exemption.value}${exemption.until ? ` until ${exemption.until}` : ''}. Waived: ${result.message}`,
      evidence: { exempted: true, exemptTag: exemption.value, exemptUntil: exemption.until, waived: result.evidence },
    };
  }
  if (exemption.lapsed && result.status === 'FAIL') {
    return { ...result, evidence: { ...result.evidence, exemptionLapsed: exemption.lapsed } };
  }
  return result;
}

function toFinding(
  meta: RuleMetadata,
  kind: ResourceKind<unknown>,
  resourceId: string,
  ctx: EvaluationContext,
  result: RuleResult,
): Finding {
  // Non-failures carry INFORMATIONAL, as Security Hub does for passed and unavailable checks.
  const severity: Severity = result.status === 'FAIL' ? (result.severity ?? meta.severity) : 'INFORMATIONAL';
  return {
    ruleId: meta.id,
    resourceType: kind.cfnType,
    resourceId,
    status: result.status,
    severity,
    title: meta.title,
    message: result.message,
    evidence: result.evidence ?? {},
    remediation: {
      text: meta.remediation.text,
      url: meta.remediation.url,
      kind: meta.remediation.kind,
      mode: modeOf(meta, ctx.settings),
    },
    compliance: meta.compliance,
  };
}

function errorFinding(
  meta: RuleMetadata,
  kind: ResourceKind<unknown>,
  resourceId: string,
  ctx: EvaluationContext,
  err: unknown,
): Finding {
  const reason = err instanceof Error ? err.message : String(err);
  const finding = toFinding(meta, kind, resourceId, ctx, {
    status: 'NOT_APPLICABLE',
    message: `The rule failed on this resource: ${reason}`,
    evidence: { error: reason },
  });
  return { ...finding, status: 'ERROR', severity: meta.severity };
}
