import type { EvaluationContext } from './context';
import type { ResourceOf } from './resources';
import type { ResourceKindName, RuleMetadata, RuleResult, Severity } from './types';

export interface Rule<K extends ResourceKindName = ResourceKindName> {
  meta: RuleMetadata & { resourceKind: K };
  evaluate(resource: ResourceOf[K], ctx: EvaluationContext): RuleResult;
}

/** A rule of any kind, as the catalog holds them. */
export type AnyRule = { [K in ResourceKindName]: Rule<K> }[ResourceKindName];

export function defineRule<K extends ResourceKindName>(
  meta: RuleMetadata & { resourceKind: K },
  evaluate: (resource: ResourceOf[K], ctx: EvaluationContext) => RuleResult,
): Rule<K> {
  return { meta, evaluate };
}

export const pass = (message: string, evidence?: Record<string, unknown>): RuleResult => ({
  status: 'PASS',
  message,
  evidence,
});

export const fail = (message: string, evidence?: Record<string, unknown>, severity?: Severity): RuleResult => ({
  status: 'FAIL',
  message,
  evidence,
  severity,
});

export const notApplicable = (message: string, evidence?: Record<string, unknown>): RuleResult => ({
  status: 'NOT_APPLICABLE',
  message,
  evidence,
});

/**
 * NOT_APPLICABLE for an item the snapshot lists without one of its own lists (a route table
 * without Routes): describe-* always prints those lists, so an absent one is unknown, not empty.
 * `what` names the item in the message; the evidence names the key, e.g. RouteTables[rtb-1].Routes.
 */
export function listedWithout(what: string, snapshotKey: string, id: string, field: string): RuleResult {
  return notApplicable(`The snapshot lists ${what} without its ${field}.`, { missingInputs: [`${snapshotKey}[${id}].${field}`] });
}

/**
 * docs/semantics.md "NOT_APPLICABLE": a FAIL that the data present already proves stands, its
 * message adding `note` and its evidence naming the keys `unknown` names; any other verdict on
 * partial data is `unknown`.
 */
export function provenOrUnknown(proven: RuleResult, unknown: RuleResult, note = unknown.message): RuleResult {
  if (proven.status !== 'FAIL') return unknown;
  return { ...proven, message: `${proven.message} ${note}`, evidence: { ...proven.evidence, missingInputs: unknown.evidence?.missingInputs } };
}
