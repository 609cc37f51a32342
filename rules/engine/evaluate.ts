import { pushTo } from './collections';
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
 * Runs every rule that is not `off` over every resource of its kind: one finding per (rule,
 * resource), passes included. A rule that throws yields ERROR for that resource only.
 * Resource by resource: each resource meets all its rules in turn, then what they derived from
 * it is dropped (see EvaluationContext.startResource). Findings come out in that order.
 */
export function evaluate(catalog: readonly AnyRule[], model: SnapshotModel, options: EvaluateOptions): Finding[] {
  const findings: Finding[] = [];
  evaluateInto(catalog, model, options, (f) => findings.push(f));
  return findings;
}

/**
 * The same evaluation, handing each finding to `sink` as it is made. A caller that only shows
 * failures can count the rest and let them go, instead of keeping 100k+ passes alive.
 */
export function evaluateInto(catalog: readonly AnyRule[], model: SnapshotModel, options: EvaluateOptions, sink: (f: Finding) => void): void {
  const ctx = new EvaluationContext(model, options.settings, options.now);
  const byKind = new Map<string, RuleRun[]>();
  for (const rule of catalog) {
    if (modeOf(rule.meta, options.settings) === 'off') continue;
    pushTo(byKind, rule.meta.resourceKind, new RuleRun(rule, ctx));
  }
  for (const runs of byKind.values()) {
    const kind = runs[0].kind;
    if (!model.has(kind.snapshotKey)) {
      for (const run of runs) sink(run.missingList());
      continue;
    }
    const tags = new LazyExemptionTags(kind);
    for (const resource of kind.list(model)) {
      ctx.startResource(resource);
      tags.startResource(resource);
      const id = kind.id(resource);
      for (const run of runs) sink(run.evaluate(resource, id, tags));
    }
  }
}

/**
 * The current resource's exemption tags, read once, on its first rule: the exemption is decided
 * before anything else (docs/semantics.md), and most resources carry no tags, so the read is one scan.
 */
class LazyExemptionTags {
  private resource: object | undefined;
  private tags: ExemptionTags | undefined | null = null;

  constructor(private readonly kind: ResourceKind<object>) {}

  startResource(resource: object): void {
    this.resource = resource;
    this.tags = null;
  }

  read(): ExemptionTags | undefined {
    if (this.tags === null) this.tags = this.resource ? readExemptionTags(this.kind.tags(this.resource)) : undefined;
    return this.tags;
  }
}

/** One rule in an evaluation; holds what every finding of the rule shares. */
class RuleRun {
  readonly kind: ResourceKind<object>;
  private readonly meta: RuleMetadata;
  private readonly shared: Pick<Finding, 'ruleId' | 'resourceType' | 'title' | 'remediation' | 'compliance'>;
  private readonly missing: string[];
  private readonly evaluateOne: (resource: object, ctx: EvaluationContext) => RuleResult;

  constructor(
    rule: AnyRule,
    private readonly ctx: EvaluationContext,
  ) {
    this.meta = rule.meta;
    this.kind = RESOURCE_KINDS[rule.meta.resourceKind] as ResourceKind<object>;
    this.evaluateOne = rule.evaluate as (resource: object, ctx: EvaluationContext) => RuleResult;
    this.missing = rule.meta.inputs.filter((key) => !ctx.model.has(key));
    const { text, url, kind } = rule.meta.remediation;
    this.shared = {
      ruleId: rule.meta.id,
      resourceType: this.kind.cfnType,
      title: rule.meta.title,
      remediation: { text, url, kind, mode: modeOf(rule.meta, ctx.settings) },
      compliance: rule.meta.compliance,
    };
  }

  /** The finding for a snapshot that lacks the resource list altogether. */
  missingList(): Finding {
    const key = this.kind.snapshotKey;
    return this.finding(SNAPSHOT_RESOURCE_ID, notApplicableFor([key], `The snapshot has no ${key}: nothing to evaluate.`));
  }

  /**
   * The exemption comes first (docs/semantics.md "Exemptions"): an exempted resource is PASS whatever
   * the rule would say, even when its inputs are missing or it reports missing data itself.
   */
  evaluate(resource: object, id: string, tags: LazyExemptionTags): Finding {
    const read = tags.read();
    const exemption = read ? exemptionOf(read, this.meta.id, this.ctx.now) : NOT_EXEMPT;
    if (exemption.exempt) return this.finding(id, this.exempted(resource, exemption));
    if (this.missing.length > 0) {
      return this.finding(id, notApplicableFor(this.missing, `The snapshot has no ${this.missing.join(', ')}, which this rule needs.`));
    }
    let result: RuleResult;
    try {
      result = this.evaluateOne(resource, this.ctx);
    } catch (err) {
      return this.errorFinding(id, err);
    }
    if (result.status === 'FAIL' && exemption.lapsed) result = { ...result, evidence: { ...result.evidence, exemptionLapsed: exemption.lapsed } };
    return this.finding(id, result);
  }

  /**
   * PASS for an exempted resource. The rule still runs when its inputs are there, only so the
   * finding keeps what a FAIL would have been (`waived`): the verdict is the exemption's.
   */
  private exempted(resource: object, exemption: Extract<Exemption, { exempt: true }>): RuleResult {
    const until = exemption.until ? ` until ${exemption.until}` : '';
    const evidence: Record<string, unknown> = { exempted: true, exemptTag: exemption.value, exemptUntil: exemption.until };
    let message = `Exempted by tag vpc-auditor:exempt=${exemption.value}${until}.`;
    if (this.missing.length > 0) {
      evidence.notEvaluated = this.missing;
    } else {
      try {
        const result = this.evaluateOne(resource, this.ctx);
        if (result.status === 'FAIL') {
          message += ` Waived: ${result.message}`;
          evidence.waived = result.evidence;
        }
      } catch (err) {
        evidence.waived = { error: err instanceof Error ? err.message : String(err) };
      }
    }
    return { status: 'PASS', message, evidence };
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

const NOT_EXEMPT: Exemption = Object.freeze({ exempt: false });
