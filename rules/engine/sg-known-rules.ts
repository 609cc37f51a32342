import type { EvaluationContext } from './context';
import { provenOrUnknown } from './rule';
import { rulesUnknown } from './sg-exposure';
import type { SecurityGroup } from './snapshot-schema';
import type { RuleResult } from './types';

export type Direction = 'ingress' | 'egress';

const BOTH: readonly Direction[] = ['ingress', 'egress'];
const KNOWN_INGRESS: readonly Direction[] = ['ingress'];
const KNOWN_EGRESS: readonly Direction[] = ['egress'];

/**
 * Decides a rule that reads both rule lists of a group when the snapshot may lack one of them
 * (docs/semantics.md "NOT_APPLICABLE"): a FAIL the known direction already proves stands, its
 * evidence naming the missing key; anything else is NOT_APPLICABLE naming it, since the other
 * direction could change the verdict. `decide` sees only the directions it may read, and must
 * phrase its message about those alone. A module-level `decide` keeps the complete case, every
 * group of a real snapshot, free of allocation.
 */
export function decideOnKnownRules(
  group: SecurityGroup,
  ctx: EvaluationContext,
  decide: (group: SecurityGroup, ctx: EvaluationContext, directions: readonly Direction[]) => RuleResult,
): RuleResult {
  const unknown = rulesUnknown(group, BOTH, ctx);
  if (!unknown) return decide(group, ctx, BOTH);
  const known = ctx.model.rulesKnown(group, false) ? KNOWN_INGRESS : ctx.model.rulesKnown(group, true) ? KNOWN_EGRESS : null;
  return known ? provenOrUnknown(decide(group, ctx, known), unknown) : unknown;
}
