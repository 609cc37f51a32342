import type { EvaluationContext } from './context';
import { notApplicable } from './rule';
import type { DirectionExposure, PublicRule } from './sg-exposure';
import type { RuleResult, Status } from './types';

/**
 * docs/semantics.md "Source set": a customer prefix list whose entries the snapshot lacks is unknown,
 * not empty. Every reader of source sets decides twice, with such lists empty (the exposure as
 * computed) and with them the whole internet (this one), and a verdict stands only when both
 * agree. Every rule here is monotone in its sources (more sources, more open), so the two
 * extremes bound everything the lists could hold. The same object when nothing is unresolved.
 */
export function withListsOpen(exp: DirectionExposure, ctx: EvaluationContext): DirectionExposure {
  if (exp.unresolvedRules.length === 0) return exp;
  return ctx.memo(exp, 'lists-open', listsOpen);
}

function listsOpen(exp: DirectionExposure, ctx: EvaluationContext): DirectionExposure {
  // The whole internet as a source reduces to every public, untrusted address.
  const everything = ctx.exposure.publicAddresses;
  const added: PublicRule[] = exp.unresolvedRules.map((rule) => ({ rule, addresses: everything }));
  return {
    publicRules: [...exp.publicRules, ...added],
    unresolvedPrefixLists: exp.unresolvedPrefixLists,
    unresolvedRules: [],
    canBeOpen: exp.canBeOpen || ctx.exposure.isInternetOpenPublic(everything),
  };
}

/**
 * The rule's verdict when the unresolved lists cannot change it, else NOT_APPLICABLE naming
 * them. `verdict` is a module-level function of the subject (no closure per resource): on the
 * groups without unresolved lists, nearly all, it runs once, exactly as before.
 */
export function decideWithUnknownLists<S>(
  subject: S,
  exp: DirectionExposure,
  ctx: EvaluationContext,
  verdict: (subject: S, exp: DirectionExposure, ctx: EvaluationContext) => RuleResult,
): RuleResult {
  return agreeOrUndecided(subject, exp, withListsOpen(exp, ctx), exp.unresolvedPrefixLists, ctx, verdict);
}

/**
 * The verdict over two views of the sources, lists empty and lists open (the same object when
 * nothing is unresolved: then one evaluation): it stands when both agree.
 */
export function agreeOrUndecided<S, V>(
  subject: S,
  ifEmpty: V,
  ifOpen: V,
  lists: readonly string[],
  ctx: EvaluationContext,
  verdict: (subject: S, view: V, ctx: EvaluationContext) => RuleResult,
): RuleResult {
  const asEmpty = verdict(subject, ifEmpty, ctx);
  if (ifOpen === ifEmpty) return asEmpty;
  const asOpen = verdict(subject, ifOpen, ctx);
  if (asEmpty.status === asOpen.status) return asEmpty;
  return undecidedByLists(lists, asEmpty.status, asOpen.status);
}

/** NOT_APPLICABLE for a verdict that depends on what unresolved prefix lists hold. */
function undecidedByLists(lists: readonly string[], ifEmpty: Status, ifInternet: Status): RuleResult {
  const which = lists.length === 1 ? `prefix list ${lists[0]}` : `prefix lists ${lists.join(', ')}`;
  return notApplicable(
    `Undecided: the snapshot lacks the entries of ${which} (${ifEmpty} if empty, ${ifInternet} if open to the internet).`,
    { missingInputs: prefixListInputs(lists), ifListsEmpty: ifEmpty, ifListsOpen: ifInternet },
  );
}

/** `PrefixListEntries[pl-…]` for each list: how missingInputs names a list's entries. */
export function prefixListInputs(lists: readonly string[]): string[] {
  return lists.map((id) => `PrefixListEntries[${id}]`);
}
