import { AddressSet } from './address-set';
import { CATCH_ALL_RULE_NUMBERS, type Entry, matches, type NaclDirection, probePort } from './nacl';

export interface Shadowed {
  ruleNumber: number;
  shadowedBy: number[];
}

/**
 * Entries that can never be the first match (docs/semantics.md nacl-no-shadowed-entries): an entry
 * that decides nothing in any class of the decision map. Its shadowers are the entries that
 * decide its addresses in the classes it covers. The catch-alls are skipped.
 */
export function shadowedEntries(direction: NaclDirection): Shadowed[] {
  const classes = direction.classes();
  const deciding = new Set<Entry>();
  for (const c of classes) for (const h of c.hits) deciding.add(h.entry);
  const out: Shadowed[] = [];
  for (const entry of direction.entries) {
    if (CATCH_ALL_RULE_NUMBERS.has(entry.ruleNumber) || deciding.has(entry) || entry.addresses.isEmpty()) continue;
    const by = entry.icmp ? icmpShadowers(entry, direction.entries) : shadowers(entry, direction);
    if (by) out.push({ ruleNumber: entry.ruleNumber, shadowedBy: by });
  }
  return out;
}

function shadowers(entry: Entry, direction: NaclDirection): number[] {
  const by = new Set<number>();
  for (const c of direction.classes()) {
    if (!matches(entry, c.protocol, probePort(c.protocol, c.range))) continue;
    for (const h of c.hits) if (h.addresses.overlaps(entry.addresses)) by.add(h.entry.ruleNumber);
  }
  return [...by].sort((a, b) => a - b);
}

/**
 * An icmp entry naming one type covers part of a class (classes do not split icmp by type), so
 * it is decided here directly: shadowed when earlier entries covering that type and code hold
 * all its addresses. Returns null when it can take effect.
 */
function icmpShadowers(entry: Entry, entries: readonly Entry[]): number[] | null {
  const icmp = entry.icmp;
  if (!icmp) return null;
  let decided = AddressSet.EMPTY;
  const by: number[] = [];
  for (const e of entries) {
    if (e === entry) break;
    const covers =
      e.protocol === -1 ||
      (e.protocol === entry.protocol &&
        (e.icmp === undefined || (e.icmp.type === icmp.type && (e.icmp.code === -1 || e.icmp.code === icmp.code))));
    if (!covers || e.addresses.intersect(entry.addresses).subtract(decided).isEmpty()) continue;
    decided = decided.union(e.addresses);
    by.push(e.ruleNumber);
  }
  return entry.addresses.isSubsetOf(decided) ? by : null;
}
