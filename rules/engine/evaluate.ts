import { EvaluationContext } from './context';
import { type Exemption, exemptionOf, type ExemptionTags, readExemptionTags } from './exemptions';
import type { SnapshotModel } from './model';
import { RESOURCE_KINDS, type ResourceKind } from './resources';
import type { AnyRule } from './rule';
import type { Settings } from './settings';
import type { Finding, RuleMetadata, RuleResult } from './types';

export interface EvaluateOptions {
  settings: Settings;
  now: Date;
}

/** Resource id used for a finding about the snapshot as a whole (a missing resource list). */
export const SNAPSHOT_RESOURCE_ID = 'snapshot';

const NO_EVIDENCE: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

export function modeOf(meta: RuleMetadata, settings: Settings) {
  return settings.rules[meta.id]?.mode ?? meta.remediation.defaultMode;
}

/**
 * Runs every rule that is not `off` over every resource of its kind. One finding per (rule,
 * resource), passes included. A rule that throws yields ERROR for that resource only.
 */
export function evaluate(catalog: readonly AnyRule[], model: SnapshotModel, options: EvaluateOptions): Finding[] {
  const ctx = new EvaluationContext(model, options.settings, options.now);
  // Exemption tags are read once per resource, not once per (rule, resource).
  const exemptions = new Map<object, ExemptionTags | undefined>();
  const findings: Finding[] = [];
  for (const rule of catalog) {
    if (modeOf(rule.meta, options.settings) === 'off') continue;
    new RuleRun(rule, ctx, exemptions).run(findings);
  }
  return findings;
}

/** One rule over its resources; holds what every finding of the rule shares. */
class RuleRun {
  private readonly kind: ResourceKind<object>;
  private readonly meta: RuleMetadata;
  private readonly shared: Pick<Finding, 'ruleId' | 'resourceType' | 'title' | 'remediation' | 'compliance'>;

  constructor(
    private readonly rule: AnyRule,
    private readonly ctx: EvaluationContext,
    private readonly exemptions: Map<object, ExemptionTags | undefined>,
  ) {
    this.meta = rule.meta;
    this.kind = RESOURCE_KINDS[rule.meta.resourceKind] as ResourceKind<object>;
    const { text, url, kind } = rule.meta.remediation;
    this.shared = {
      ruleId: rule.meta.id,
      resourceType: this.kind.cfnType,
      title: rule.meta.title,
      remediation: { text, url, kind, mode: modeOf(rule.meta, ctx.settings) },
      compliance: rule.meta.compliance,
    };
  }

  run(out: Finding[]): void {
    const { kind, ctx } = this;
    if (!ctx.model.has(kind.snapshotKey)) {
      const message = `The snapshot has no ${kind.snapshotKey}: nothing to evaluate.`;
      out.push(this.finding(SNAPSHOT_RESOURCE_ID, notApplicableFor([kind.snapshotKey], message)));
      return;
    }
    const missing = this.meta.inputs.filter((key) => !ctx.model.has(key));
    const evaluateOne = this.rule.evaluate as (resource: object, ctx: EvaluationContext) => RuleResult;
    for (const resource of kind.list(ctx.model)) {
      const id = kind.id(resource);
      if (missing.length > 0) {
        out.push(this.finding(id, notApplicableFor(missing, `The snapshot has no ${missing.join(', ')}, which this rule needs.`)));
        continue;
      }
      let result: RuleResult;
      try {
        result = evaluateOne(resource, ctx);
      } catch (err) {
        out.push(this.errorFinding(id, err));
        continue;
      }
      if (result.status === 'FAIL') result = applyExemption(result, this.exemptionFor(resource));
      out.push(this.finding(id, result));
    }
  }

  private exemptionFor(resource: object): Exemption {
    let tags = this.exemptions.get(resource);
    if (tags === undefined && !this.exemptions.has(resource)) {
      tags = readExemptionTags(this.kind.tags(resource));
      this.exemptions.set(resource, tags);
    }
    return exemptionOf(tags, this.meta.id, this.ctx.now);
  }

  private finding(resourceId: string, result: RuleResult): Finding {
    const failed = result.status === 'FAIL';
    const { ruleId, resourceType, title, remediation, compliance } = this.shared;
    // A literal with one fixed field order keeps every finding on one hidden class.
    return {
      ruleId,
      resourceType,
      resourceId,
      status: result.status,
      // Non-failures carry INFORMATIONAL, as Security Hub does for passed and unavailable checks.
      severity: failed ? (result.severity ?? this.meta.severity) : 'INFORMATIONAL',
      title,
      message: result.message,
      evidence: result.evidence ?? NO_EVIDENCE,
      remediation,
      compliance,
    };
  }

  private errorFinding(resourceId: string, err: unknown): Finding {
    const reason = err instanceof Error ? err.message : String(err);
    const base = this.finding(resourceId, {
      status: 'NOT_APPLICABLE',
      message: `The rule failed on this resource: ${reason}`,
      evidence: { error: reason },
    });
    return { ...base, status: 'ERROR', severity: this.meta.severity };
  }
}

function notApplicableFor(missing: string[], message: string): RuleResult {
  return { status: 'NOT_APPLICABLE', message, evidence: { missingInputs: missing } };
}

/** An exempted FAIL becomes PASS with evidence `exempted`, keeping what was waived. */
function applyExemption(result: RuleResult, exemption: Exemption): RuleResult {
  if (exemption.exempt) {
    const until = exemption.until ? ` until ${exemption.until}` : '';
    return {
      status: 'PASS',
      message: `Exempted by tag vpc-auditor:exempt=${exemption.value}${until}. Waived: ${result.message}`,
      evidence: { exempted: true, exemptTag: exemption.value, exemptUntil: exemption.until, waived: result.evidence },
    };
  }
  if (exemption.lapsed) return { ...result, evidence: { ...result.evidence, exemptionLapsed: exemption.lapsed } };
  return result;
}
