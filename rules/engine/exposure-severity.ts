import type { EvaluationContext } from './context';
import { type ExposedRange, REACHABILITY_INPUTS, REACHABILITY_READS, reachability } from './reachability';
import { formatRange, protocolLabel } from './protocols';
import type { SecurityGroup, SnapshotKey } from './snapshot-schema';
import { SEVERITIES, type Severity } from './types';
import { prefixListInputs } from './unknown-prefix-lists';

const MAX_INTERFACES = 20;

/** Traffic a rule found open: specific (protocol, port) pairs, or every port of some protocols. */
export type Offending = ReadonlyArray<{ protocol: number; port: number }> | { allPortsOf: readonly number[] };

/** The rules whose severity exposureSeverity sets: the sg-no-public-* family (docs/semantics.md). */
export const usesExposureSeverity = (ruleId: string): boolean => ruleId.startsWith('sg-no-public-');

/**
 * What exposure severity reads besides a rule's own keys: every key reachability reads. Not in
 * the rules' `reads`, since only the severity depends on it and a Config evaluation, which
 * reports no severity, need not read it (keysFor's `exposure`).
 */
export const EXPOSURE_SEVERITY_KEYS: readonly SnapshotKey[] = ['NetworkInterfaces', ...REACHABILITY_INPUTS, ...REACHABILITY_READS];

export function oneLevelLower(s: Severity): Severity {
  return SEVERITIES[Math.max(0, SEVERITIES.indexOf(s) - 1)];
}

/**
 * docs/semantics.md "Exposure-aware severity": CRITICAL when an interface using the group is
 * internet-reachable on an offending port, the base severity when the group is attached but no
 * interface is exposed, one level lower when it is attached to nothing. Without what
 * reachability needs, the base severity stands and the evidence names the missing keys. Only
 * the severity depends on this, never the verdict. `offendingIfListsOpen`: what the rule would
 * find open were the group's unresolved prefix lists the whole internet (a superset of `offending`).
 */
export function exposureSeverity(
  group: SecurityGroup,
  base: Severity,
  offending: Offending,
  ctx: EvaluationContext,
  offendingIfListsOpen: Offending = offending,
): { severity: Severity; exposure: Record<string, unknown> } {
  if (!ctx.model.has('NetworkInterfaces')) return { severity: base, exposure: { missingInputs: ['NetworkInterfaces', ...missingOf(ctx)] } };
  const interfaces = ctx.model.interfacesUsing(group.GroupId);
  // Interfaces listed without Groups may use the group: attachment (and exposure) is then unknown.
  if (interfaces.length === 0) {
    const unlisted = ctx.model.interfacesWithoutGroupsInputs();
    if (unlisted.length > 0) return { severity: base, exposure: { attachedInterfaces: 0, missingInputs: unlisted } };
    return { severity: oneLevelLower(base), exposure: { attachedInterfaces: 0 } };
  }
  const missing = missingOf(ctx);
  if (missing.length > 0) return { severity: base, exposure: { attachedInterfaces: interfaces.length, missingInputs: missing } };
  const exposed: Array<{ interfaceId: string; exposed: Record<string, unknown>[] }> = [];
  const unknown: string[] = [];
  for (const eni of interfaces) {
    const r = reachability(eni, ctx);
    if (!r.known) {
      unknown.push(`${eni.NetworkInterfaceId}: ${r.missing.join(', ')}`);
      continue;
    }
    const hits = offendingExposure(r.exposed, offending);
    // Ports and path per interface; the clients are in that interface's own finding
    // (eni-no-internet-exposed-ports), which says who gets through.
    if (hits.length > 0) exposed.push({ interfaceId: eni.NetworkInterfaceId, exposed: hits.map(describePortsAndPath) });
    // Some of its groups are unknown: exposure through the known ones is proven (above), no exposure is not.
    else if (r.ingressMissing.length > 0) unknown.push(`${eni.NetworkInterfaceId}: ${r.ingressMissing.join(', ')}`);
    // Exposed only if an unresolved prefix list holds the internet: neither CRITICAL nor
    // lower is known, so the interface is undecided (docs/semantics.md "Source set"). Such a
    // list can open more ports of the group too, so the ports are those it would offend on then.
    else if (r.exposedIfListsOpen !== r.exposed && offendingExposure(r.exposedIfListsOpen, offendingIfListsOpen).length > 0) {
      unknown.push(`${eni.NetworkInterfaceId}: ${prefixListInputs(r.unresolvedPrefixLists).join(', ')}`);
    }
  }
  // Asked only when no exposure was found: one found already decides CRITICAL.
  const unlisted = exposed.length === 0 ? ctx.model.interfacesWithoutGroupsInputs() : [];
  const exposure: Record<string, unknown> = {
    attachedInterfaces: interfaces.length,
    exposedInterfaces: exposed.length,
    ...(exposed.length ? { interfaces: exposed.slice(0, MAX_INTERFACES) } : {}),
    ...(unknown.length ? { undecided: unknown.slice(0, MAX_INTERFACES) } : {}),
    ...(unlisted.length ? { missingInputs: unlisted } : {}),
  };
  return { severity: exposed.length > 0 ? 'CRITICAL' : base, exposure };
}

function describePortsAndPath(e: ExposedRange): Record<string, unknown> {
  return { protocol: protocolLabel(e.protocol), ports: formatRange(e.range), path: e.path };
}

function missingOf(ctx: EvaluationContext): string[] {
  return REACHABILITY_INPUTS.filter((k) => !ctx.model.has(k));
}

/** The interface's exposed ranges that hold an offending port. */
function offendingExposure(exposedOf: (protocol: number) => readonly ExposedRange[], offending: Offending): ExposedRange[] {
  if ('allPortsOf' in offending) return offending.allPortsOf.flatMap((p) => exposedOf(p));
  const out = new Set<ExposedRange>();
  for (const { protocol, port } of offending) {
    for (const e of exposedOf(protocol)) if (e.range.from <= port && port <= e.range.to) out.add(e);
  }
  return [...out];
}

/** "; reachable from the internet on eni-1, eni-2" for findings whose severity reflects exposure. */
export function exposedNote(exposure: Record<string, unknown>): string {
  const interfaces = exposure.interfaces as Array<{ interfaceId: string }> | undefined;
  if (!interfaces?.length) return '';
  const n = exposure.exposedInterfaces as number;
  const names = interfaces.slice(0, 3).map((i) => i.interfaceId).join(', ');
  return `; reachable from the internet on ${names}${n > 3 ? ` and ${n - 3} more` : ''}`;
}
